// The card drawer: which card is open (kept in the address bar as ?card=<id>, so a card can be
// shared), its details from the server (evidence, comments, timeline), the fiscal year's OIT
// catalogue for evidence links, and adding and removing evidence and comments.
import { effect, signal, untracked } from '@preact/signals';
import type { CardDetailsResponse, OitItemView } from '../../../worker/domain/contracts-card';
import type { AddEvidenceRequest } from '../../../worker/domain/schemas/cards';
import { api, type ApiError } from '../api';
import { both } from '../i18n';
import { selectedYear } from './ui';
import { me } from './session';
import { announce, pushApiError } from './notices';

const CARD_PARAM = 'card';

function cardFromAddress(): string | null {
  return new URLSearchParams(location.search).get(CARD_PARAM) || null;
}

export const openCardId = signal<string | null>(cardFromAddress());
export const details = signal<CardDetailsResponse | null>(null);
export const detailsError = signal<ApiError | null>(null);
export const oitItems = signal<{ beYear: number; items: OitItemView[] } | null>(null);

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
    details.value = result.data;
    detailsError.value = null;
  } else {
    details.value = null;
    detailsError.value = result.error;
  }
}

/** A live update or a change of ours touched this card: keep an open drawer current. */
export function cardChanged(cardId: string): void {
  if (openCardId.value === cardId) void refreshDetails();
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
