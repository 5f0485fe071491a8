// The office's switch of the done rule (worker/domain/done-rule.ts): a step moved into a done
// column needs evidence. Saved as soon as it is switched; the server answers with what it stored.
import { useState } from 'preact/hooks';
import { adminApi } from '../../admin-api';
import type { ApiError } from '../../api';
import { Feedback } from '../Feedback';
import { AdminPanel } from './Panel';
import { useLoad } from './useLoad';
import { tDoneRule } from '../../messages/done-rule';

export function DoneRulePanel() {
  const rule = useLoad(() => adminApi.doneRule());
  /** The value being saved, shown meanwhile. */
  const [saving, setSaving] = useState<boolean | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<boolean | null>(null);
  async function set(doneNeedsEvidence: boolean) {
    setSaving(doneNeedsEvidence);
    const r = await adminApi.setDoneRule(doneNeedsEvidence);
    setError(r.ok ? null : r.error);
    setSaved(r.ok ? r.data.doneNeedsEvidence : null);
    await rule.reload();
    setSaving(null);
  }
  const on = saving ?? rule.data?.doneNeedsEvidence;
  return (
    <AdminPanel name="done-rule" title={tDoneRule('title')}>
      <label class="rpt-check">
        <input type="checkbox" data-testid="done-rule-switch" checked={on ?? true} disabled={on === undefined || saving !== null} onChange={(e) => void set(e.currentTarget.checked)} />
        {tDoneRule('switch')}
      </label>
      <p class="muted">{tDoneRule('help')}</p>
      <Feedback testId="done-rule" error={rule.error ?? error} ok={saved === null ? null : tDoneRule(saved ? 'on' : 'off')} />
    </AdminPanel>
  );
}
