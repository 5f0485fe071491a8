// The contract, checked by the web typecheck (`npm run typecheck`; never bundled: nothing imports
// it): the typed clients of api.ts carry each route's path, body and answer, so each line marked
// below (ts-expect-error) is a mistake the compiler must refuse. If one of them compiled (a type
// fell back to `any`, or a client lost its route types), the typecheck fails on that marker.
import { api, call, clients, type Data } from './api';
import { accountsApi } from './accounts-api';
import { adminApi } from './admin-api';

export async function contractChecks(): Promise<void> {
  const card = clients.cards[':id'];

  // A body with a misspelt field, a missing one, or a value of the wrong type.
  // @ts-expect-error `versio` is not a field of the move body
  await card.move.$post({ param: { id: 'c' }, json: { toColumnId: 'col', afterCardId: null, beforeCardId: null, versio: 1 } });
  // @ts-expect-error `version` is required
  await card.move.$post({ param: { id: 'c' }, json: { toColumnId: 'col', afterCardId: null, beforeCardId: null } });
  // @ts-expect-error a due date is a string or null
  await card.$patch({ param: { id: 'c' }, json: { version: 1, dueOn: 20261129 } });
  // @ts-expect-error a sign-in needs a password
  await clients.auth['sign-in'].$post({ json: { email: 'a@b.c' } });
  // @ts-expect-error roles are the four the server knows
  await adminApi.setRole('u', 'owner', null);

  // A path the server does not have, or a parameter left out.
  // @ts-expect-error there is no /api/cards/:id/mvoe
  await card.mvoe.$post({ param: { id: 'c' } });
  // @ts-expect-error the card's id is required
  await card.$patch({ json: { version: 1 } });

  // An answer read with a field it does not have.
  const board = await api.board(2570);
  if (board.ok) {
    const seq: number = board.data.seq;
    void seq;
    // @ts-expect-error the board answer has `seq`, not `sequence`
    void board.data.sequence;
    // @ts-expect-error a card's title is a string
    const title: number = board.data.cards[0]!.title;
    void title;
  }
  const kept = await api.boardIfChanged(2570, 'W/"1"');
  // @ts-expect-error a 304 carries no board: only the answer that is not "not modified" has one
  if (kept.ok) void kept.data.board;
  const changes = await api.boardChanges(2570, 3);
  if (changes.ok && 'cards' in changes.data) {
    const cardSeq: number = changes.data.seq;
    void cardSeq;
    // @ts-expect-error the changes answer's cards are board cards (title a string)
    const changedTitle: number = changes.data.cards[0]!.title;
    void changedTitle;
  }
  // @ts-expect-error the changes route reads `since`, not `after`
  await clients.board.boards[':beYear'].changes.$get({ param: { beYear: '2570' }, query: { after: '3' } });
  const moved = await api.moveCard('c', { toColumnId: 'col', afterCardId: null, beforeCardId: null, version: 1 });
  // @ts-expect-error the move answers { card }, not the card itself
  if (moved.ok) void moved.data.version;
  // @ts-expect-error a member's state is one of three words, not a number
  const state: Data<typeof accountsApi.members>['members'][number]['state'] = 1;
  void state;
  const ended = await call(() => clients.me.me.sessions[':id'].$delete({ param: { id: 's' } }));
  // @ts-expect-error ending a session answers 204: no data
  if (ended.ok) void ended.data.ok;
}
