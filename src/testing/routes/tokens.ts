/**
 * `POST /tokens`: an API key and secret (the JSON body `{username, password}`, no auth on the call) for a
 * token the store accepts until its lifetime ends (`tokenLifetimeMs`, by the store's clock; then 401 on
 * every call that sends it). 400 for a body that is not such JSON (object shape, naming the field), 401 for
 * an unknown key or a wrong secret. The body is two short strings, so it is read up to a small limit.
 */
import { spec } from '../../../generated/spec.js';
import { errorAnswer, jsonAnswer } from '../respond.js';
import type { Route } from '../route.js';

const { successStatus } = spec.operations.createToken;
const MAX_BODY_BYTES = 16 * 1024;

export const tokens: Route = {
  operationId: 'createToken',
  async handle({ request, store }) {
    const invalid = (attribute: Record<string, string>) =>
      errorAnswer({ status: 400, message: 'Invalid request body.', attribute });
    const text = await request.text(MAX_BODY_BYTES);
    if (text === undefined) return invalid({ body: `must be at most ${MAX_BODY_BYTES} bytes` });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return invalid({ body: 'must be JSON' });
    }
    const { username, password } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const attribute: Record<string, string> = {};
    if (typeof username !== 'string') attribute['username'] = 'is required (a string)';
    if (typeof password !== 'string') attribute['password'] = 'is required (a string)';
    if (Object.keys(attribute).length > 0) return invalid(attribute);
    const token = store.issueToken(username as string, password as string);
    if (token === undefined) return errorAnswer({ status: 401 });
    return jsonAnswer(successStatus, { token });
  },
};
