// A field for a new password with a strength hint while typing. The estimator (and its list of
// common passwords) is loaded on the first keystroke, only on the screens that set a password.
// The server decides (worker/domain/password-policy.ts); the hint only says what it will say.
import { useEffect, useState } from 'preact/hooks';
import { local } from '../i18n';

const MIN = 12;
const MAX = 128;
const MIN_SCORE = 3;

type Estimator = (password: string, userInputs: string[]) => number;
let loading: Promise<Estimator> | null = null;
const loadEstimator = () => (loading ??= import('../password-strength').then((m) => m.strength));

function hintFor(password: string, score: number | null): { text: string; level: 'weak' | 'ok' | 'strong' | 'none' } {
  const length = [...password].length;
  if (length === 0) return { text: local(`อย่างน้อย ${MIN} ตัวอักษร ใช้ได้ทุกตัวอักษร เช่น หลายคำต่อกัน`, `At least ${MIN} characters, any characters: several words together work well`), level: 'none' };
  if (length < MIN) return { text: local(`อีก ${MIN - length} ตัวอักษร (อย่างน้อย ${MIN})`, `${MIN - length} more characters (at least ${MIN})`), level: 'weak' };
  if (length > MAX) return { text: local(`ยาวเกิน ${MAX} ตัวอักษร`, `Longer than ${MAX} characters`), level: 'weak' };
  if (score === null) return { text: local('กำลังประเมิน…', 'Checking…'), level: 'none' };
  if (score < MIN_SCORE) return { text: local('เดาง่ายเกินไป: เลี่ยงคำทั่วไป ตัวซ้ำ และตัวเรียงลำดับ', 'Too easy to guess: avoid common words, repeats and sequences'), level: 'weak' };
  if (score === 3) return { text: local('ใช้ได้', 'Good'), level: 'ok' };
  return { text: local('แข็งแรง', 'Strong'), level: 'strong' };
}

export function PasswordField({
  id,
  label,
  value,
  onInput,
  userInputs,
  testId,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  /** The user's email, the office's names: a password built on them is weak. */
  userInputs: string[];
  testId?: string;
}) {
  const [score, setScore] = useState<number | null>(null);
  // ASVS 2.1.12: the person may see what they type.
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let live = true;
    setScore(null);
    if ([...value].length < MIN) return;
    void loadEstimator().then((estimate) => {
      if (live) setScore(estimate(value, userInputs));
    });
    return () => {
      live = false;
    };
  }, [value]);
  const hint = hintFor(value, score);
  const common = {
    required: true,
    minLength: MIN,
    maxLength: MAX,
    'aria-describedby': `${id}-hint`,
    value,
    'data-testid': testId,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {shown ? (
        <input id={id} type="text" autoComplete="off" spellcheck={false} {...common} />
      ) : (
        <input id={id} type="password" autoComplete="new-password" {...common} />
      )}
      <label class="password-show">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.currentTarget.checked)} />
        {local('แสดงรหัสผ่าน', 'Show password')}
      </label>
      <p id={`${id}-hint`} class={`password-hint password-hint-${hint.level}`} aria-live="polite" data-testid={testId && `${testId}-hint`}>
        {hint.text}
      </p>
    </div>
  );
}
