// A field for a new password with a strength hint while typing. The estimator (and its list of
// common passwords) is loaded on the first keystroke, only on the screens that set a password.
// The server decides (worker/domain/password-policy.ts); the hint only says what it will say.
import { useEffect, useState } from 'preact/hooks';
import { tAccount } from '../messages/account';

const MIN = 12;
const MAX = 128;
const MIN_SCORE = 3;

type Estimator = (password: string, userInputs: string[]) => number;
let loading: Promise<Estimator> | null = null;
const loadEstimator = () => (loading ??= import('../password-strength').then((m) => m.strength));

function hintFor(password: string, score: number | null): { text: string; level: 'weak' | 'ok' | 'strong' | 'none' } {
  const length = [...password].length;
  if (length === 0) return { text: tAccount('passwordField.atLeastMinCharacters', { MIN }), level: 'none' };
  if (length < MIN) return { text: tAccount('passwordField.minMoreCharactersAt', { MIN: MIN - length, MIN2: MIN }), level: 'weak' };
  if (length > MAX) return { text: tAccount('passwordField.longerThanMaxCharacters', { MAX }), level: 'weak' };
  if (score === null) return { text: tAccount('passwordField.checking'), level: 'none' };
  if (score < MIN_SCORE) return { text: tAccount('passwordField.tooEasyToGuess'), level: 'weak' };
  if (score === 3) return { text: tAccount('passwordField.good'), level: 'ok' };
  return { text: tAccount('passwordField.strong'), level: 'strong' };
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
        {tAccount('passwordField.showPassword')}
      </label>
      <p id={`${id}-hint`} class={`password-hint password-hint-${hint.level}`} aria-live="polite" data-testid={testId && `${testId}-hint`}>
        {hint.text}
      </p>
    </div>
  );
}
