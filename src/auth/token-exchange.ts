/**
 * The token exchange, `POST /v1/tokens`: the API key and secret in a JSON body, no auth on the call, sent
 * through the same request loop as every call (the pipeline builds the Request and hands both over:
 * timeouts, retries on 5xx and network errors, typed errors, the body reader's limits), its answer read
 * here. Its answer is a credential, so it is never shown: the token is added to the
 * redactor before it is used, and an error about the answer quotes no part of its body. Loaded (a dynamic
 * import) only by clients whose auth exchanges a key for a token.
 */
import { validateTokenResponse } from '../../generated/validate-token-response.js';
import { MAX_JSON_DEPTH, parseJson } from '../common/exact-json.js';
import type { BodyHandoff } from '../http/body-handoff.js';
import { apiErrorOf } from '../http/error-body.js';
import { InvalidResponseError } from '../http/failures.js';
import type { ResolvedOptions } from '../http/options.js';
import type { RetryingFetch } from '../http/retry.js';
import { isSendableToken, secretForms } from '../http/up-front.js';
import { ResponseValidationError, schemaFailure } from '../validation/response.js';
import type { Redaction } from './redaction.js';

/** What the exchange needs from the client that owns the token cache. */
export interface ExchangeContext {
  options: ResolvedOptions;
  /** The exchange's Request (the key and secret in its body), built by the pipeline. */
  request: Request;
  /** How the exchange is named in messages, e.g. `POST /tokens`. */
  route: string;
  /** The request loop, without credentials (the key and secret are in the body). */
  send: RetryingFetch;
  bodies: BodyHandoff;
  /** Aborts the exchange: when every call waiting for the token has stopped waiting (see `credentials.ts`). */
  signal?: AbortSignal;
  /** Sees every answer's headers (the deprecation notice); the exchange waits for what it returns. */
  onResponse(response: Response, route: string): Promise<void> | undefined | void;
}

/** Exchanges the key and secret for a token. Rejects with the SDK's typed errors; never with the token in them. */
export async function exchangeToken(context: ExchangeContext): Promise<string> {
  const { options, send, bodies, request, route, signal } = context;
  const { redaction } = options;
  const response = await send(request, signal ? { signal } : {});
  await context.onResponse(response, route);
  if (!response.ok) {
    const redact = await redaction.redactor();
    throw await apiErrorOf(response, redact, `Token exchange (${route}) failed: `);
  }
  return readToken(response, bodies.take(response) ?? '', redaction);
}

function readToken(response: Response, text: string, redaction: Redaction): string {
  const fail = (problem: string): never => {
    // No body snippet: the body is (or holds) a credential.
    throw new InvalidResponseError(response.status, `the token response ${problem} (its body is not shown)`, '');
  };
  const type = response.headers.get('content-type');
  if (type !== null && !/[/+]json\b/i.test(type)) fail('is not declared as JSON');
  const parsed = parseJson(text);
  if (!parsed.ok && parsed.problem === 'depth')
    fail(`is nested more than ${MAX_JSON_DEPTH} levels deep (MAX_JSON_DEPTH)`);
  if (!parsed.ok) return fail(text.trim() ? 'is not valid JSON (malformed or truncated)' : 'is empty');
  const body = parsed.value;
  // The one field the SDK relies on is checked whatever the validation mode.
  const failure = schemaFailure(validateTokenResponse, body);
  if (failure) throw failure;
  const { token } = body as { token: string };
  // A secret from now on, before anything else can show it (even a token refused below).
  for (const form of secretForms(token)) redaction.add(form);
  if (!isSendableToken(token)) {
    const message = 'must be a non-empty string of visible ASCII, to be sent as Authorization: Token …';
    const issue = { instancePath: '/token', schemaPath: '#/invariant/header', keyword: 'pattern', params: {}, message };
    throw new ResponseValidationError('/token', [issue], message);
  }
  return token;
}
