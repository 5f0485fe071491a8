// The demo accounts' password (local only; `npm start` prints it). It meets the password policy
// (domain/password-policy.ts): 19 characters, not a common password, no email or office name.
// Tests and benchmarks import it from here (scripts in plain JavaScript read this file).
export const DEMO_PASSWORD = 'ita-board-demo-2570';
