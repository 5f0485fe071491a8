import { DurableObject } from 'cloudflare:workers';

/** Live updates for one board: filled in by the live-updates work (issue 4). */
export class BoardRoom extends DurableObject {
  override async fetch(): Promise<Response> {
    return new Response('not implemented', { status: 501 });
  }
}
