// The benchmarks' server: the reference API (the one test server of the project) with one generated
// contact of TOTAL interactions (virtual, so a million costs no memory) and LATENCY_MS per request, run
// as a child process so its CPU time is not charged to the client being measured.
//   node --import tsx bench/page-server.ts PORT TOTAL LATENCY_MS
import { startReferenceApi } from '../src/testing/index.ts';
import { benchIds, benchToken } from './fixtures.ts';

const [portArg, totalArg, latencyArg] = process.argv.slice(2);
const api = await startReferenceApi({
  port: Number(portArg),
  seed: 'bench',
  dataSets: [{ ...benchIds, interactions: Number(totalArg) }],
  credentials: { tokens: [{ token: benchToken }] },
  latencyMs: Number(latencyArg ?? 0),
});
process.on('SIGTERM', () => {
  void api.close().then(() => process.exit(0));
});
