// Telling Prism's own answers apart from the API's: Prism speaks application/problem+json with a
// `type` under https://stoplight.io/prism/errors#…, the spec only ever declares application/json.

const PRISM_ERROR_TYPE = 'https://stoplight.io/prism/errors#';

export interface PrismProblem {
  type: string;
  title?: string;
  status?: number;
  detail?: string;
  validation?: { location: string[]; severity: string; code: string | number; message: string }[];
}

/** The problem+json body when Prism (not the API) produced this response, otherwise undefined. */
export function prismProblem(contentType: string | null, body: unknown): PrismProblem | undefined {
  if (!contentType?.startsWith('application/problem+json')) return undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const type = (body as { type?: unknown }).type;
  return typeof type === 'string' && type.startsWith(PRISM_ERROR_TYPE) ? (body as PrismProblem) : undefined;
}

/** The part of Prism's error type after `#`, e.g. `NOT_FOUND`, `UNPROCESSABLE_ENTITY`, `VIOLATIONS`. */
export function prismErrorKind(problem: PrismProblem): string {
  return problem.type.slice(PRISM_ERROR_TYPE.length);
}
