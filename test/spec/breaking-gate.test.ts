// Proves the breaking-change gate both ways: it fails on deliberately breaking copies of the spec,
// passes on compatible ones, and accepts a breaking change only with a major version bump. The gate's
// function is called here (each case still a real `redocly diff`, all at once); `npm test` runs the script.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkBreaking } from '../../scripts/check-breaking.ts';
import { releasedSpec } from '../../scripts/lib/tools.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'cxi-breaking-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Spec = any;
const operation = (s: Spec) => s.paths['/tenants/{tenantId}/contacts/{contactId}/interactions'].get;
const param = (s: Spec, name: string) => operation(s).parameters.find((p: { name: string }) => p.name === name);

async function gate(name: string, mutate: (s: Spec) => void) {
  const spec = parse(readFileSync(releasedSpec, 'utf8'));
  mutate(spec);
  const file = path.join(scratch, `${name}.yaml`);
  writeFileSync(file, stringify(spec));
  const run = await checkBreaking(releasedSpec, file);
  return { status: run.status, output: run.stdout + run.stderr };
}

describe.concurrent('check:breaking', () => {
  it('fails when the limit maximum is lowered', async () => {
    const r = await gate('limit-lowered', (s) => (param(s, 'limit').schema.maximum = 50));
    expect(r.status, r.output).toBe(1);
    expect(r.output).toMatch(/Upper bound changed/);
  });

  it('fails when a response field is removed', async () => {
    const r = await gate('field-removed', (s) => {
      const interaction = s.components.schemas.Interaction;
      delete interaction.properties.customer;
      interaction.required = interaction.required.filter((f: string) => f !== 'customer');
    });
    expect(r.status, r.output).toBe(1);
    expect(r.output).toMatch(/FAILED/);
  });

  it('fails when a new required query parameter appears', async () => {
    const r = await gate('required-param', (s) =>
      operation(s).parameters.push({
        name: 'since',
        in: 'query',
        required: true,
        description: 'x',
        schema: { type: 'string' },
      }),
    );
    expect(r.status, r.output).toBe(1);
  });

  it('passes a compatible change (new optional response field, clearer description)', async () => {
    const r = await gate('compatible', (s) => {
      s.components.schemas.Interaction.properties.interactionTime = { description: 'Duration in ms.', type: 'integer' };
      operation(s).description += '\nMore words.';
    });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/0 breaking/);
  });

  it('passes a breaking change that comes with a major bump of info.version', async () => {
    const r = await gate('major-bump', (s) => {
      param(s, 'limit').schema.maximum = 50;
      s.info.version = '2.0.0';
    });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/accepted, info.version has the major bump/);
  });

  it('passes the spec as it is against the released baseline', async () => {
    const run = await checkBreaking();
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });
});
