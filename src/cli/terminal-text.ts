// The CLI's name for the one terminal sanitiser, which lives in the core (`src/terminal-text.ts`) so that
// the contract checks' reports, which must not import the CLI, apply the same rule.
export { jsonSafeText, terminalLines, terminalText } from '../common/terminal-text.js';
