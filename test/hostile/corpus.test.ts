// The hostile corpus: every bad input and hostile answer found so far (CSV and terminal output,
// status lines, headers, bodies, sizes, credentials echoed, aborts, the CLI's own process, a tenant's
// lawful but undocumented behaviour under the contract checks, and the classes of issue 19: writers,
// paths, ids, waits, answers, sync, depth and numbers, messages), each case asserting the safe
// behaviour. Prints `hostile: N inputs, H held, B broke`; any broken case fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceApi } from '../../src/testing/index.ts';
import { CLI_KEY, CLI_SECRET, cliGroups, staleCli } from './cli-cases.ts';
import { contractGroups } from './contract-cases.ts';
import { CONTACT, type Context, TENANT } from './corpus.ts';
import { githubGroups } from './github-cases.ts';
import { listGroups } from './list-cases.ts';
import { outputGroups } from './output-cases.ts';
import { safetyGroups } from './safety-cases.ts';
import { sdkGroups } from './sdk-cases.ts';
import { wireGroups } from './wire-cases.ts';
import { startWireServer } from './wire-server.ts';

const groups = [
  ...outputGroups,
  ...sdkGroups,
  ...wireGroups,
  ...cliGroups,
  ...contractGroups,
  ...listGroups,
  ...githubGroups,
  ...safetyGroups,
];
const tally = { run: 0, held: 0, broke: 0 };
const context = { stall: { on: false, seen: 0 } } as Context;

beforeAll(async () => {
  const stale = staleCli();
  if (stale) throw new Error(stale);
  context.wire = await startWireServer();
  context.reference = await startReferenceApi({
    seed: 'hostile',
    dataSets: [{ tenantId: TENANT, contactId: CONTACT, interactions: 20_000 }],
    credentials: { apiKeys: [{ key: CLI_KEY, secret: CLI_SECRET }] },
    // While a test stalls the server, requests get no answer (until the client gives up).
    intercept: () => {
      if (!context.stall.on) return false;
      context.stall.seen++;
      return true;
    },
  });
});

afterAll(async () => {
  await context.wire?.close();
  await context.reference?.close();
  console.log(`hostile: ${tally.run} inputs, ${tally.held} held, ${tally.broke} broke`);
  expect(tally.broke).toBe(0);
});

for (const group of groups) {
  (group.sequential ? describe : describe.concurrent)(group.name, () => {
    for (const hostile of group.cases) {
      it(hostile.input, async () => {
        tally.run++;
        try {
          await hostile.check(context);
          tally.held++;
        } catch (error) {
          tally.broke++;
          throw error;
        }
      });
    }
  });
}
