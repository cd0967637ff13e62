/**
 * The Request for one operation of the spec: its path and parameters (and body) typed by the generated
 * `paths` exactly as openapi-fetch's client types them, its URL built by openapi-fetch's own pieces
 * (`createFinalURL` over the path and query serializers `createClient` uses by default, the body by its
 * `defaultBodySerializer`). The SDK sends every call through its own pipeline: its fetch, its body
 * reading (`parseAs: 'stream'`), its error bodies. Of `createClient` it used the typed URL and nothing
 * else; these pieces alone weigh about 1.5 kB (gzipped) less in every browser bundle than the whole
 * client, whose middleware, response parsing and table of methods the SDK never ran.
 */
import {
  type Client,
  type ClientPathsWithMethod,
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  type ParamsOption,
  type RequestBodyOption,
} from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';

/** The spec's paths that have an operation for `method`. */
export type PathWith<M extends 'get' | 'post'> = ClientPathsWithMethod<Client<paths>, M>;

/** What the operation at `path` takes: its parameters and body, as openapi-fetch's `GET`/`POST` take them. */
export type Init<M extends 'get' | 'post', P extends PathWith<M>> = ParamsOption<paths[P][M]> &
  RequestBodyOption<paths[P][M]>;

/** Where every request goes and who sends it: the resolved options' part a request needs. */
export interface Target {
  baseUrl: string;
  /** The `User-Agent` header value, or undefined where the platform forbids it (browsers). */
  userAgent: string | undefined;
}

const querySerializer = createQuerySerializer();

/** The Request for `method` `path` with `init`, to `target`, carrying `signal` when given. */
export function requestFor<M extends 'get' | 'post', P extends PathWith<M>>(
  method: M,
  path: P,
  init: Init<M, P>,
  target: Target,
  signal?: AbortSignal,
): Request {
  const { params = {}, body } = init as { params?: { path?: Record<string, unknown> }; body?: unknown };
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (target.userAgent) headers['User-Agent'] = target.userAgent;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = createFinalURL(path, {
    baseUrl: target.baseUrl,
    params,
    querySerializer,
    pathSerializer: defaultPathSerializer,
  });
  return new Request(url, {
    method: method.toUpperCase(),
    headers,
    ...(body !== undefined ? { body: defaultBodySerializer(body) } : {}),
    ...(signal ? { signal } : {}),
  });
}
