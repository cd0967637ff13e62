/**
 * Checks on single answers: a page (status, JSON, the spec's schema through the compiled validator,
 * the echoes of `limit` and `page`, `offset`, and how many results the page holds), each finding
 * pointing at the offending value and showing it, or the start of the body; and an error answer,
 * noted for the judgement calls on error bodies (the vendor documents no error schema and the SDK
 * reads any body, so an error's shape is never a finding).
 */

import { spec } from '../../generated/spec.js';
import { type ValidationIssue, validateInteractionPage } from '../../generated/validators.js';
import { asJsonNumbers, MAX_JSON_DEPTH, type ParsedJson, parseJson } from '../common/exact-json.js';
import { clean, shown } from './display.js';
import type { FindingDetails, Ledger } from './ledger.js';
import { isRecord, type Observations } from './observations.js';
import type { Answer } from './transport.js';
import type { ContractRuleId } from './types.js';

const operation = spec.operations.listContactInteractions;
export const defaultLimit: number = operation.parameters.limit.schema.default;
export const SUCCESS: number = operation.successStatus;

/** What a page request sent; `undefined` means the parameter was left out. */
export interface SentPage {
  limit?: number;
  page?: number;
}

/** A page that passed the checks far enough to be walked. */
export interface PageView {
  total: number | undefined;
  items: Record<string, unknown>[];
  /** Length of `results`. */
  count: number;
}

/** A body as the SDK reads it (`common/exact-json.ts`): nested at most 64 levels, integers exact. */
export function parse(text: string): ParsedJson {
  return parseJson(text);
}

/** Why a JSON-typed body could not be used, for a finding. */
/**
 * An answer's body read as JSON, under `rule` (a content-type rule): a finding unless the content-type
 * accepts JSON and the body parses within the depth bound. `typeOk` is that rule's verdict.
 */
export function checkJson(
  answer: Answer,
  ledger: Ledger,
  rule: ContractRuleId,
): { typeOk: boolean; parsed: ParsedJson } {
  const parsed = parse(answer.text);
  const jsonType = jsonAccepted(answer.contentType);
  const typeOk = ledger.check(rule, jsonType && parsed.ok, () =>
    findingAt(
      answer,
      '',
      jsonType ? unusableJson(parsed) : `expected JSON, got content-type ${shown(answer.contentType)}`,
    ),
  );
  return { typeOk, parsed };
}

export function unusableJson(parsed: ParsedJson): string {
  return !parsed.ok && parsed.problem === 'depth'
    ? `the body is nested more than ${MAX_JSON_DEPTH} levels deep (the SDK's bound)`
    : 'the body is not valid JSON';
}

export const isJsonType = (type: string | null) => type !== null && /[/+]json\b/i.test(type);

/**
 * Whether the client takes an answer's content-type as JSON: a JSON type, or none at all (as `parseJson`
 * in the client does: the vendor's page says the answer is JSON, not which header says so).
 */
export const jsonAccepted = (type: string | null) => type === null || isJsonType(type);

/** A finding on `answer`: the value at `pointer` as the snippet, or the start of the body. */
export function findingAt(answer: Answer, pointer: string, message: string, body?: unknown): FindingDetails {
  const value = pointer && body !== undefined ? valueAt(body, pointer) : undefined;
  return {
    request: answer.request,
    status: answer.status,
    pointer,
    message: clean(message, 300),
    snippet: value === undefined ? clean(answer.text) : shown(value, 160),
  };
}

function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isRecord(node)) node = node[key];
    else return undefined;
  }
  return node;
}

/** The JSON pointer and message of ajv's first issue (a missing or extra property is pointed at itself). */
export function firstIssue(issues: readonly ValidationIssue[] | null | undefined): {
  pointer: string;
  message: string;
} {
  const issue = issues?.[0];
  if (!issue) return { pointer: '', message: 'does not match the spec' };
  const child = issue.params['missingProperty'] ?? issue.params['additionalProperty'];
  const pointer =
    issue.instancePath + (typeof child === 'string' ? `/${child.replace(/~/g, '~0').replace(/\//g, '~1')}` : '');
  return { pointer, message: issue.message ?? issue.keyword };
}

/** Verdicts of `ContractOptions.inspect` (e.g. a validating proxy) become findings under `rule`. */
export function proxyVerdicts(answer: Answer, rule: ContractRuleId, ledger: Ledger): void {
  for (const verdict of answer.verdicts) {
    ledger.check(rule, false, () => findingAt(answer, verdict.pointer, verdict.message));
  }
}

/**
 * Checks a page answer to a valid request. `walkTotal` is the `total` of the walk's first page (the
 * page's own `total` when absent); `pastTheEnd` leaves the page's length to the caller. Returns the
 * page when it can be walked on, `undefined` otherwise.
 */
export function checkPageAnswer(
  answer: Answer,
  sent: SentPage,
  ledger: Ledger,
  observed: Observations,
  { walkTotal, pastTheEnd = false }: { walkTotal?: number | undefined; pastTheEnd?: boolean } = {},
): PageView | undefined {
  const status = answer.status;
  const noAnswer = answer.failure ? `no answer: ${answer.failure.message}` : undefined;
  if (
    !ledger.check('status', status === SUCCESS, () =>
      findingAt(answer, '', noAnswer ?? `expected ${SUCCESS}, got ${status}`),
    )
  ) {
    if (status !== null && status >= 400) observeErrorBody(answer, observed);
    return undefined;
  }
  const { typeOk, parsed } = checkJson(answer, ledger, 'content-type');
  if (!typeOk || !parsed.ok) return undefined;
  const body = parsed.value;
  proxyVerdicts(answer, 'response-schema', ledger);
  if (!validateInteractionPage(asJsonNumbers(body))) {
    const { pointer, message } = firstIssue(validateInteractionPage.errors);
    ledger.check('response-schema', false, () =>
      findingAt(answer, pointer, `${message} (schema ${operation.successSchema})`, body),
    );
  } else ledger.check('response-schema', true, () => findingAt(answer, '', ''));
  if (!isRecord(body) || !Array.isArray(body['results'])) return undefined;

  const limit = sent.limit ?? defaultLimit;
  const page = sent.page ?? 0;
  ledger.check('limit-echo', body['limit'] === limit, () =>
    findingAt(
      answer,
      '/limit',
      sent.limit === undefined
        ? `no limit was sent, so limit must be the default ${limit}; got ${shown(body['limit'])}`
        : `limit ${limit} was sent; got ${shown(body['limit'])}`,
      body,
    ),
  );
  // Whether `null` or the number comes back is a judgement call (page-null-when-omitted, page-echoed-when-sent).
  ledger.check('page-echo', body['page'] === null || body['page'] === page, () =>
    findingAt(
      answer,
      '/page',
      `${sent.page === undefined ? 'no page was sent (page 0)' : `page ${page} was sent`}, so page must be ${page} or null; got ${shown(body['page'])}`,
      body,
    ),
  );
  if (sent.page === undefined) observed.pageWhenOmitted = { value: body['page'] };
  else observed.pageEchoes.push({ sent: sent.page, got: body['page'] });
  ledger.check('offset', body['offset'] === page * limit, () =>
    findingAt(answer, '/offset', `offset must be page × limit = ${page * limit}; got ${shown(body['offset'])}`, body),
  );
  if (page > 0) observed.offsets.push({ page, limit, offset: body['offset'] });

  const results = body['results'] as unknown[];
  const total = typeof body['total'] === 'number' ? body['total'] : undefined;
  const reference = walkTotal ?? total;
  if (reference !== undefined && !pastTheEnd) {
    const expected = Math.min(limit, Math.max(0, reference - page * limit));
    ledger.check('limit-honoured', results.length === expected, () =>
      findingAt(
        answer,
        '/results',
        `${results.length} interactions on page ${page}, expected ${expected} (limit ${limit}, total ${reference})`,
      ),
    );
  }
  return { total, items: results.filter(isRecord), count: results.length };
}

/** Notes an error answer's body, and the verdicts of `inspect` on it, for the calls on error bodies. */
export function observeErrorBody(answer: Answer, observed: Observations): void {
  const parsed = parse(answer.text);
  observed.errorBodies.push({
    status: answer.status ?? 0,
    body: parsed.ok ? parsed.value : undefined,
    ...(answer.verdicts.length > 0 ? { verdicts: answer.verdicts } : {}),
  });
}
