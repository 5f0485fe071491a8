// One writer at a time per office. Every change to a board takes the next seq of its event log;
// writers that read the same head race for it and the losers read again, which under many writers
// at once becomes most of the work (measured: at 20 directors without pause, throughput fell and
// one write in eight answered "busy"). This Durable Object, one per office, hands out turns in
// arrival order, so card changes queue instead of racing.
//
// It only orders; it never holds data. Correctness never depends on it: the seq stays unique in
// D1, and a writer that cannot get a turn in time (the object restarting, a long queue) goes
// ahead unordered and is still safe, only more likely to race. A turn not given back in time (a
// request that died) expires.
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';

interface Waiter {
  ticket: string;
  leaseMs: number;
  grant: (ticket: string) => void;
}

export class WriteQueue extends DurableObject<Env> {
  private holder: { ticket: string; timer: ReturnType<typeof setTimeout> } | null = null;
  private readonly waiting: Waiter[] = [];

  /** Resolves with a ticket when it is the caller's turn; the turn lasts until release or `leaseMs`. */
  async acquire(leaseMs: number): Promise<string> {
    const ticket = crypto.randomUUID();
    const turn = new Promise<string>((grant) => this.waiting.push({ ticket, leaseMs: Math.min(Math.max(leaseMs, 100), 30_000), grant }));
    this.next();
    return turn;
  }

  async release(ticket: string): Promise<void> {
    if (this.holder?.ticket !== ticket) return;
    clearTimeout(this.holder.timer);
    this.holder = null;
    this.next();
  }

  /** Waiting now (for tests and diagnostics). */
  async depth(): Promise<number> {
    return this.waiting.length + (this.holder ? 1 : 0);
  }

  private next(): void {
    if (this.holder) return;
    const waiter = this.waiting.shift();
    if (!waiter) return;
    const timer = setTimeout(() => void this.release(waiter.ticket), waiter.leaseMs);
    this.holder = { ticket: waiter.ticket, timer };
    waiter.grant(waiter.ticket);
  }
}
