// A loopback page server for the benchmarks, run as a child process so its CPU time is not
// charged to the client being measured. Pages are generated from the seeded fixture generator;
// small histories are serialised once, large ones are generated per request and never held.
//   node --import tsx bench/page-server.ts PORT TOTAL LATENCY_MS
import { createServer } from 'node:http';
import { spec } from '../generated/spec.ts';
import { interactionAt } from '../test/faults/interactions.ts';

const [portArg, totalArg, latencyArg] = process.argv.slice(2);
const port = Number(portArg);
const total = Number(totalArg);
const latencyMs = Number(latencyArg ?? 0);
const seed = 20240601;
const cacheLimit = 100_000;
const route = /^\/v1\/tenants\/[^/]+\/contacts\/[^/]+\/interactions$/;

const cache = new Map<string, Buffer>();

function body(limit: number, page: number, pageSent: boolean): Buffer {
  const key = `${limit}:${page}:${pageSent}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const offset = page * limit;
  const count = Math.max(0, Math.min(limit, total - offset));
  const results = Array.from({ length: count }, (_, i) => interactionAt(seed, offset + i));
  const buffer = Buffer.from(JSON.stringify({ page: pageSent ? page : null, limit, offset, total, results }));
  if (total <= cacheLimit) cache.set(key, buffer);
  return buffer;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (!route.test(url.pathname)) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
    return;
  }
  const pageText = url.searchParams.get('page');
  const payload = body(Number(url.searchParams.get('limit') ?? spec.operations.listContactInteractions.parameters.limit.schema.default), Number(pageText ?? 0), pageText !== null);
  const send = () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': payload.length }).end(payload);
  if (latencyMs > 0) setTimeout(send, latencyMs);
  else send();
});
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
