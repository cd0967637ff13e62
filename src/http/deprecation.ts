/**
 * The vendor's deprecation signal. The contact history route "will be deprecated" some day, and the way an
 * HTTP API says so is a `Deprecation` header (RFC 9745) or a `Sunset` header (RFC 8594) on its answers,
 * perhaps with a `Link` to the announcement. The client warns once through its logger when an answer
 * carries either. Header values are server data: they go through the one terminal sanitiser and are cut
 * short before they reach a message (and the logger redacts it, as it does everything).
 */
import { terminalText } from '../common/terminal-text.js';
import type { Logger } from './types.js';

/**
 * Warns through `logger`, unless `notice` says it was done (once per client family), when `headers`
 * signal that `route` is deprecated.
 */
export function warnOnce(notice: { warned: boolean }, headers: Headers, route: string, logger: Logger): void {
  const warning = deprecationWarning(headers, route);
  if (!warning || notice.warned) return;
  notice.warned = true;
  logger.warn(warning.message, warning.meta);
}

/** The longest header value quoted in the warning. */
const MAX_VALUE = 200;

/** The warning for an answer whose headers signal deprecation, or undefined when they do not. */
export function deprecationWarning(
  headers: Headers,
  route: string,
): { message: string; meta: Record<string, string> } | undefined {
  const deprecation = headers.get('deprecation');
  const sunset = headers.get('sunset');
  if (deprecation === null && sunset === null) return undefined;
  const meta: Record<string, string> = { route };
  const said: string[] = [];
  if (deprecation !== null) {
    meta['deprecation'] = clean(deprecation);
    // RFC 9745 writes the date as a structured-field date, `@` and Unix seconds: show it readably too.
    const seconds = /^@(-?\d{1,12})$/.exec(deprecation.trim())?.[1];
    const date = seconds === undefined ? undefined : new Date(Number(seconds) * 1000).toISOString();
    if (date !== undefined) meta['deprecationDate'] = date;
    said.push(`Deprecation: ${meta['deprecation']}${date !== undefined ? ` (${date})` : ''}`);
  }
  if (sunset !== null) {
    meta['sunset'] = clean(sunset);
    said.push(`Sunset: ${meta['sunset']}`);
  }
  const link = announcement(headers.get('link'));
  if (link !== undefined) {
    meta['link'] = link;
    said.push(`Link: ${link}`);
  }
  const message =
    `cxengage: the API signals that ${route} is deprecated (${said.join('; ')}). ` +
    'See "Moving to Get a Specific Interaction" in the cxengage-interactions README.';
  return { message, meta };
}

/** The target of a `Link` with `rel="deprecation"` or `rel="sunset"`, if any. */
function announcement(link: string | null): string | undefined {
  if (link === null) return undefined;
  const match = /<([^>]*)>[^,]*?;\s*rel="?[^",]*\b(?:deprecation|sunset)\b/i.exec(link);
  return match ? clean(match[1]!) : undefined;
}

function clean(value: string): string {
  const text = terminalText(value.trim());
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}
