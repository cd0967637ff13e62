// Without `@opentelemetry/api` (an optional peer), the SDK works as before: no error, no `traceparent`, the
// same answers, at debug its request lines still logged. Run in a child process whose module resolution
// cannot find the package, as on a machine where it is not installed.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { root } from '../../scripts/lib/tools.ts';

const script = `
import { createInteractionsClient } from './src/index.ts';
const page = { page: 0, limit: 10, offset: 0, total: 0, results: [] };
const sent = [];
const lines = [];
const fetch = async (request) => {
  sent.push(request.headers.get('traceparent'));
  return new Response(JSON.stringify(page), { headers: { 'content-type': 'application/json' } });
};
let otel = 'absent';
await import('@opentelemetry/api').then(() => (otel = 'found'), () => {});
for (const tracing of [undefined, true]) {
  const client = createInteractionsClient({
    auth: { token: 'token-0123456789' }, fetch, tracing, logLevel: 'debug',
    logger: { warn: () => {}, debug: (msg) => lines.push(msg) },
  });
  await client.listInteractions({ tenantId: '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b', contactId: '2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c' });
  await client.listInteractions({ tenantId: '8f2b1a34-5c6d-4e7f-8a9b-0c1d2e3f4a5b', contactId: '2c9e7d10-3b4a-4f5e-9d8c-7b6a5f4e3d2c' });
}
console.log(JSON.stringify({ otel, sent, lines: lines.length }));
`;

it('costs nothing but a failed look-up when @opentelemetry/api is absent: calls work, no traceparent', async () => {
  const hook = path.join(root, 'test/http/fixtures/no-opentelemetry.mjs');
  const output = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', '--import', hook, '--input-type=module', '-e', script],
      { cwd: root, timeout: 30_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    ),
  );
  const result = JSON.parse(output.trim().split('\n').at(-1)!);
  expect(result).toEqual({ otel: 'absent', sent: [null, null, null, null], lines: 4 });
});
