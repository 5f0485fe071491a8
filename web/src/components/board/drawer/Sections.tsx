// The card drawer's sections (fields, checklist, evidence, comments, history): a chunk of their
// own, loaded by ../CardDrawer.tsx when the board is idle or a card is opened, so the board's
// first screen does not carry them.
import type { ApiError } from '../../../api';
import type { CardView } from '../../../../../worker/domain/contracts';
import type { CardDetailsResponse } from '../../../../../worker/domain/contracts-card';
import { pickText, t } from '../../../i18n';
import { CardFields } from './CardFields';
import { Checklist } from './Checklist';
import { Comments } from './Comments';
import { Evidence } from './Evidence';
import { Timeline } from './Timeline';

export function DrawerSections({ card, info, error }: { card: CardView; info: CardDetailsResponse | null; error: ApiError | null }) {
  return (
    <>
      <CardFields card={card} />
      <Checklist card={card} />
      {info ? (
        <>
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
