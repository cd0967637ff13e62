/**
 * The one rule for quoting a long text (a body, a header, a reason) in a message: its first characters,
 * then an ellipsis. A leaf: the error catalogue and the request pipeline both cut text this way.
 */

/** The first 300 characters of a body, for error messages and properties. */
export function snippet(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
