// The card drawer's sections (fields, checklist, evidence, comments, history): a chunk of their
// own, loaded by ../CardDrawer.tsx when the board is idle or a card is opened, so the board's
// first screen does not carry them. The card's own fields and checklist come whole with its
// details (GET /api/cards/:id: the board carries no details and only the checklist's counts).
import type { ApiError } from '../../../api';
import type { CardFull } from '../../../../../worker/domain/contracts';
import type { CardDetailsResponse } from '../../../../../worker/domain/contracts-card';
import { pickText, t } from '../../../i18n';
import { CardFields } from './CardFields';
import { Checklist } from './Checklist';
import { Comments } from './Comments';
import { Evidence } from './Evidence';
import { Timeline } from './Timeline';

export function DrawerSections({ card, info, error }: { card: CardFull | null; info: CardDetailsResponse | null; error: ApiError | null }) {
  return (
    <>
      {card && info ? (
        <>
          <CardFields card={card} />
          <Checklist card={card} />
          <Evidence cardId={card.id} evidence={info.evidence} canContribute={info.canContribute} />
          <Comments cardId={card.id} comments={info.comments} canContribute={info.canContribute} />
          <Timeline entries={info.timeline} />
        </>
      ) : (
        <p class="muted" aria-busy="true">
          {error ? pickText(error.messageTh, error.messageEn) : t('loading')}
        </p>
      )}
    </>
  );
}
