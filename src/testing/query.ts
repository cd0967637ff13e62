/**
 * A route's query string read against the spec's parameter facts (`generated/spec.ts`), as a strict
 * server would: each parameter at most once, integers within their bounds, booleans `true` or `false`,
 * strings matching their pattern or format. What fails is named, with why, for the vendor's 400
 * (`error.attribute`); parameters the spec does not declare are ignored, as an API ignores what it does
 * not know.
 */
import { type ParamFacts, paramFormats } from '../../generated/spec.js';

/** The query parameters read (absent and failed ones undefined), and the messages of those that failed (none: empty). */
export interface ParsedQuery {
  values: Record<string, string | number | boolean | undefined>;
  attribute: Record<string, string>;
}

/** Why `value` breaks `schema`, or the value it stands for. */
function read(schema: ParamFacts['schema'], value: string): { value: string | number | boolean } | { problem: string } {
  if (schema.type === 'integer') {
    const { minimum, maximum } = schema;
    const range = maximum === undefined ? `at least ${minimum}` : `between ${minimum} and ${maximum}`;
    const n = Number(value);
    const fits =
      /^-?\d+$/.test(value) && (minimum === undefined || n >= minimum) && (maximum === undefined || n <= maximum);
    return fits ? { value: n } : { problem: `must be an integer ${range}` };
  }
  if (schema.type === 'boolean') {
    return value === 'true' || value === 'false' ? { value: value === 'true' } : { problem: 'must be true or false' };
  }
  if (schema.format && !paramFormats[schema.format]!.test(value))
    return { problem: `must be a ${schema.format.toUpperCase()}` };
  if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
    return { problem: `must match the pattern ${schema.pattern}` };
  return { value };
}

/** Reads every query parameter of `parameters` from `params`. */
export function parseQuery(params: URLSearchParams, parameters: Readonly<Record<string, ParamFacts>>): ParsedQuery {
  const values: Record<string, string | number | boolean | undefined> = {};
  const attribute: Record<string, string> = {};
  for (const [name, { in: where, schema }] of Object.entries(parameters)) {
    if (where !== 'query') continue;
    const given = params.getAll(name);
    if (given.length === 0) continue;
    const result = read(schema, given[0]!);
    if ('problem' in result) attribute[name] = result.problem;
    else if (given.length > 1) attribute[name] = repeated(schema);
    else values[name] = result.value;
  }
  return { values, attribute };
}

/** A repeated integer gets its type's message (what the history route has always said), others a plain one. */
function repeated(schema: ParamFacts['schema']): string {
  const problem = schema.type === 'integer' ? read(schema, '') : undefined;
  return problem && 'problem' in problem ? problem.problem : 'must be given once';
}
