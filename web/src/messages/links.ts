// The link-health area's translator (flags of evidence links): Thai ships with the code that uses
// it, English is loaded when it is on. Shared with the Worker's digest and report (worker/domain/messages/links.*).
import { messages } from '../i18n';
import { th } from '../../../worker/domain/messages/links.th';

export const tLinks = messages(th, () => import('../../../worker/domain/messages/links.en'));
