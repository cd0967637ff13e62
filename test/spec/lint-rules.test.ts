// The house-style rules in redocly.yaml catch the mistakes they exist for: each case breaks a
// copy of openapi/ in one way and expects `redocly lint` to name the rule.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redoclyBin, redoclyEnv, root } from '../../scripts/lib/tools.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'cxi-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function lintWith(name: string, file: string, edit: (text: string) => string) {
  return lintWithEdits(name, { [file]: edit });
}

/** Lints a copy of openapi/ with each file's edit applied. */
function lintWithEdits(
  name: string,
  edits: Record<string, (text: string) => string>,
  format: 'stylish' | 'json' = 'stylish',
) {
  const dir = path.join(scratch, name);
  cpSync(path.join(root, 'openapi'), dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(dir, file);
    const before = readFileSync(target, 'utf8');
    const after = edit(before);
    expect(after, `the edit must change ${file}`).not.toBe(before);
    writeFileSync(target, after);
  }
  const run = spawnSync(
    process.execPath,
    [
      redoclyBin,
      'lint',
      path.join(dir, 'openapi.yaml'),
      '--config',
      path.join(root, 'redocly.yaml'),
      '--format',
      format,
    ],
    { encoding: 'utf8', env: redoclyEnv },
  );
  return { status: run.status, output: run.stdout + run.stderr, stdout: run.stdout };
}

describe('redocly.yaml house rules', () => {
  it('the spec as it is: 0 problems', () => {
    const r = lintWith('clean', 'openapi.yaml', (t) => `${t}\n`);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/Your API description is valid/);
    expect(r.output).not.toMatch(/\d+ warnings?\b/);
  });

  it('rule/property-description: a property without a description', () => {
    const r = lintWith('no-desc', 'components/schemas/InteractionPage.yaml', (t) =>
      t.replace(
        "  total:\n    description: The number of all the contact's interactions, on every page.\n",
        '  total:\n',
      ),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('rule/property-description');
  });

  it('rule/uuid-path-params: a path parameter without format: uuid', () => {
    const r = lintWith('no-uuid', 'paths/contact-interactions.yaml', (t) =>
      t.replace(/(- name: contactId[\s\S]*?type: string\n)\s*format: uuid\n/, '$1'),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('rule/uuid-path-params');
  });

  it('rule/response-has-example: a response without an example', () => {
    const r = lintWith('no-example', 'paths/contact-interactions.yaml', (t) =>
      t.replace(
        /(description: No such tenant or contact\.[\s\S]*?ErrorBody\.yaml\n)\s*examples:\n\s*stringShape:\n\s*summary: .*\n\s*value:\n\s*error: Contact not found\.\n/,
        '$1',
      ),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('rule/response-has-example');
  });

  it('rule/interaction-open: Interaction with additionalProperties: false', () => {
    const r = lintWith('closed', 'components/schemas/Interaction.yaml', (t) =>
      t.replace('additionalProperties: true', 'additionalProperties: false'),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('rule/interaction-open');
  });

  // One lint run for the operations added in 1.1.0 (each rule is proven above; this proves the rules
  // reach the new files): each break must be reported by its rule, at its place, and nothing else.
  it('the rules cover Get a Specific Interaction and POST /tokens', () => {
    const r = lintWithEdits(
      'new-operations',
      {
        'paths/interaction.yaml': (t) =>
          t.replace(/(- name: interactionId[\s\S]*?type: string\n)\s*format: uuid\n/, '$1'),
        'paths/tokens.yaml': (t) =>
          t.replace(/(TokenRequest\.yaml\n)\s*examples:\n[\s\S]*?password: EXAMPLE-API-SECRET\n/, '$1'),
        'components/schemas/InteractionRecord.yaml': (t) =>
          t
            .replace(/( {6}contactId:\n) {8}description: \|\n(?: {10}.*\n)+/, '$1        type: string\n')
            .replace(
              '    type: object\n    additionalProperties: true',
              '    type: object\n    additionalProperties: false',
            ),
        'components/schemas/TokenResponse.yaml': (t) =>
          t.replace('additionalProperties: true', 'additionalProperties: false'),
      },
      'json',
    );
    expect(r.status).not.toBe(0);
    const problems = (
      JSON.parse(r.stdout) as {
        problems: { ruleId: string; location: { source: { ref: string }; pointer: string }[] }[];
      }
    ).problems;
    const found = problems
      .map((p) => `${p.ruleId} ${path.basename(p.location[0]!.source.ref)}${p.location[0]!.pointer}`)
      .sort();
    expect(found).toEqual(
      [
        'rule/interaction-open InteractionRecord.yaml#/properties/details/additionalProperties',
        'rule/interaction-open TokenResponse.yaml#/additionalProperties',
        'rule/property-description InteractionRecord.yaml#/properties/details/properties/contactId/description',
        'rule/response-has-example tokens.yaml#/post/requestBody/content/application~1json',
        'rule/uuid-path-params interaction.yaml#/get/parameters/1/schema/format',
      ].sort(),
    );
  });
});
