// The card drawer: which card is open (kept in the address bar as ?card=<id>, so a card can be
// shared), its details from the server (the whole card: details and checklist items, which the
// board does not carry; evidence, comments, timeline), the fiscal year's OIT catalogue for
// evidence links, and adding and removing evidence and comments.
import { computed, effect, signal, untracked } from '@preact/signals';
import type { CardFull } from '../../../worker/domain/contracts';
import type { CardDetailsResponse, OitItemView } from '../../../worker/domain/contracts-card';
import type { AddEvidenceRequest } from '../../../worker/domain/schemas/cards';
import { api, type ApiError } from '../api';
import { both } from '../i18n';
import { selectedYear } from './ui';
import { me } from './session';
import { announce, pushApiError } from './notices';
import { findCard } from './board';
import { searchMayHaveChanged } from './search';

const CARD_PARAM = 'card';

function cardFromAddress(): string | null {
  return new URLSearchParams(location.search).get(CARD_PARAM) || null;
}

export const openCardId = signal<string | null>(cardFromAddress());
export const details = signal<CardDetailsResponse | null>(null);
export const detailsError = signal<ApiError | null>(null);
export const oitItems = signal<{ beYear: number; items: OitItemView[] } | null>(null);

/** What the drawer edits that the board does not carry. */
export type DrawerFields = Pick<CardFull, 'details' | 'checklist'>;

/** Our edits of the open card's drawer fields not yet answered by the server (state/cards.ts). */
const unsaved = signal<{ cardId: string; fields: Partial<DrawerFields> } | null>(null);

/**
 * The open card whole: the server's copy (GET /api/cards/:id), under the board's copy of what the
 * board carries (live and optimistic), under our edits still on their way. Null until loaded.
 */
export const openFullCard = computed<CardFull | null>(() => {
  const id = openCardId.value;
  const info = details.value;
  if (id === null || info?.card.id !== id) return null;
  const onBoard = findCard(id);
  const mine = unsaved.value?.cardId === id ? unsaved.value.fields : {};
  if (!onBoard) return { ...info.card, ...mine };
  const { checklist: _counts, ...shared } = onBoard;
  return { ...info.card, ...shared, ...mine };
});

/** Show (or stop showing, with null) our edits of a card's drawer fields while they are sent. */
export function showUnsaved(cardId: string, fields: Partial<DrawerFields> | null): void {
  if (fields && Object.keys(fields).length > 0) unsaved.value = { cardId, fields };
  else if (unsaved.peek()?.cardId === cardId) unsaved.value = null;
}

/** The server saved these drawer fields (the card is now at `version`): the open card shows them. */
export function savedToDrawer(cardId: string, fields: Partial<DrawerFields>, version: number): void {
  const info = details.peek();
  if (info?.card.id === cardId && info.card.version < version) details.value = { ...info, card: { ...info.card, ...fields, version } };
}

interface CardHistoryState {
  itaCard?: string;
}

function addressWithCard(id: string | null): string {
  const p = new URLSearchParams(location.search);
  if (id === null) p.delete(CARD_PARAM);
  else p.set(CARD_PARAM, id);
  const query = p.toString();
  return location.pathname + (query ? `?${query}` : '') + location.hash;
}

/** Open a card's details; back closes them again. */
export function openCard(id: string): void {
  if (openCardId.value === id) return;
  openCardId.value = id;
  history.pushState({ itaCard: id } satisfies CardHistoryState, '', addressWithCard(id));
}

/** Close the drawer: step back when we opened it (so forward reopens it), else drop the parameter. */
export function closeCard(): void {
  const id = openCardId.value;
  if (id === null) return;
  openCardId.value = null;
  if ((history.state as CardHistoryState | null)?.itaCard === id) history.back();
  else history.replaceState(null, '', addressWithCard(null));
}

let request = 0;

/** Fetch the open card's details (again after a change or a live update). */
export async function refreshDetails(): Promise<void> {
  const id = openCardId.value;
  if (id === null) return;
  const mine = ++request;
  const result = await api.cardDetails(id);
  if (mine !== request || openCardId.value !== id) return;
  if (result.ok) {
    // An answer older than what the drawer already shows (a save of ours landed meanwhile) keeps its card.
    const shown = details.peek();
    const older = shown?.card.id === id && shown.card.version > result.data.card.version;
    details.value = older ? { ...result.data, card: shown.card } : result.data;
    detailsError.value = null;
  } else {
    details.value = null;
    detailsError.value = result.error;
  }
}

/** A live update or a change of ours touched this card: keep an open drawer current. */
export function cardChanged(cardId: string): void {
  if (openCardId.value === cardId) void refreshDetails();
  searchMayHaveChanged();
}

export async function loadOitItems(beYear: number): Promise<void> {
  if (oitItems.value?.beYear === beYear) return;
  const result = await api.oitItems(beYear);
  if (result.ok) oitItems.value = { beYear, items: result.data.items };
}

/** Add an evidence link; resolves to the error to show beside the form, or null when added. */
export async function addEvidence(cardId: string, evidence: AddEvidenceRequest): Promise<ApiError | null> {
  const result = await api.addEvidence(cardId, evidence);
  if (!result.ok) return result.error;
  announce(both('evidence.added'));
  await refreshDetails();
  return null;
}

export async function removeEvidence(evidenceId: string): Promise<void> {
  const result = await api.deleteEvidence(evidenceId);
  if (!result.ok) {
    if (result.error.status !== 401) pushApiError(result.error);
    return;
  }
  announce(both('evidence.removed'));
  await refreshDetails();
}

export async function addComment(cardId: string, body: string): Promise<ApiError | null> {
  const result = await api.addComment(cardId, { body });
  if (!result.ok) return result.error;
  announce(both('comment.added'));
  await refreshDetails();
  return null;
}

let started = false;
/** Follow the address bar (back/forward) and load what the open card needs. */
export function startDetails(): void {
  if (started) return;
  started = true;
  addEventListener('popstate', () => {
    openCardId.value = cardFromAddress();
  });
  effect(() => {
    const id = openCardId.value;
    const user = me.value;
    untracked(() => {
      details.value = null;
      detailsError.value = null;
      if (id !== null && user) void refreshDetails();
    });
  });
  effect(() => {
    const year = selectedYear.value;
    const open = openCardId.value !== null;
    if (year !== null && open && me.value) untracked(() => void loadOitItems(year));
  });
}
