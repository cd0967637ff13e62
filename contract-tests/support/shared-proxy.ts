// One `prism proxy --errors` for the whole suite (global-setup.ts), also for the files that need a
// reference API of their own, to drive its store, its clock or its hooks from the test: each Prism start
// costs about 3 CPU-seconds. Such a file names its API in a request header; Prism passes request headers
// on, and the suite's reference API, Prism's upstream, hands any request carrying it to that API
// untouched and streams the answer back. So the request is validated by Prism on the way in, the answer
// on the way out, exactly as with a proxy of the file's own.
import { type IncomingMessage, request, type ServerResponse } from 'node:http';

export const UPSTREAM_HEADER = 'x-contract-upstream';

/** A fetch that sends every request (through the shared proxy) on to the reference API at `upstream()`. */
export function toOwnApi(upstream: () => string, inner: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init) => {
    const routed = new Request(input, init);
    routed.headers.set(UPSTREAM_HEADER, upstream());
    return inner(routed);
  };
}

/**
 * For the suite's reference API (its `intercept` hook): passes a request that names another reference
 * API on to it, same method, path, headers and body; returns false for any other request. Only loopback
 * APIs are reached: the suite talks to nothing else.
 */
export function forwardToOwnApi(req: IncomingMessage, res: ServerResponse): boolean {
  const named = req.headers[UPSTREAM_HEADER];
  if (typeof named !== 'string') return false;
  const target = new URL(named);
  if (target.protocol !== 'http:' || target.hostname !== '127.0.0.1') {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`${UPSTREAM_HEADER} must be a loopback http URL\n`);
    return true;
  }
  const { [UPSTREAM_HEADER]: _, host: __, ...headers } = req.headers;
  const onward = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  onward.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`${named}: ${error.message}\n`);
  });
  req.pipe(onward);
  return true;
}
