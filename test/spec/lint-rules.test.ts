// The house-style rules in redocly.yaml catch the mistakes they exist for: each case breaks a
// copy of openapi/ in one way and expects `redocly lint` to name the rule. Every copy is linted by one
// `redocly lint` run (one JSON report per file, in order): a Redocly start per case was most of this file's time.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redoclyBin, redoclyEnv, redoclyNode, root } from '../../scripts/lib/tools.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'cxi-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Edits = Record<string, (text: string) => string>;
interface Report {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; location: { source: { ref: string }; pointer: string }[] }[];
}
/** One copy's verdict: `status` as `redocly lint` of that copy alone exits (non-zero on an error). */
interface Linted {
  status: number;
  output: string;
  report: Report;
}

/** Copies openapi/ once per case, applies the case's edits, lints every copy in one run. */
async function lintCopies(cases: Record<string, Edits>): Promise<Record<string, Linted>> {
  const names = Object.keys(cases);
  const entries = names.map((name) => {
    const dir = path.join(scratch, name);
    cpSync(path.join(root, 'openapi'), dir, { recursive: true });
    for (const [file, edit] of Object.entries(cases[name]!)) {
      const target = path.join(dir, file);
      const before = readFileSync(target, 'utf8');
      const after = edit(before);
      expect(after, `${name}: the edit must change ${file}`).not.toBe(before);
      writeFileSync(target, after);
    }
    return path.join(dir, 'openapi.yaml');
  });
  const args = [redoclyBin, 'lint', ...entries, '--config', path.join(root, 'redocly.yaml'), '--format', 'json'];
  const stdout = await new Promise<string>((resolve) => {
    execFile(redoclyNode(), args, { encoding: 'utf8', env: redoclyEnv, maxBuffer: 16 * 1024 * 1024 }, (_e, out) =>
      resolve(out),
    );
  });
  // The reports are printed back to back, each closing `}` followed by the next `{` on one line.
  const reports = JSON.parse(`[${stdout.replace(/^\}\{$/gm, '},{')}]`) as Report[];
  expect(reports, stdout).toHaveLength(names.length);
  return Object.fromEntries(
    names.map((name, i) => {
      const report = reports[i]!;
      return [name, { status: report.totals.errors > 0 ? 1 : 0, output: JSON.stringify(report, null, 2), report }];
    }),
  );
}

const cases: Record<string, Edits> = {
  clean: { 'openapi.yaml': (t) => `${t}\n` },
  'no-desc': {
    'components/schemas/InteractionPage.yaml': (t) =>
      t.replace(
        "  total:\n    description: The number of all the contact's interactions, on every page.\n",
        '  total:\n',
      ),
  },
  'no-uuid': {
    'paths/contact-interactions.yaml': (t) =>
      t.replace(/(- name: contactId[\s\S]*?type: string\n)\s*format: uuid\n/, '$1'),
  },
  'no-example': {
    'paths/contact-interactions.yaml': (t) =>
      t.replace(
        /(description: No such tenant or contact\.[\s\S]*?ErrorBody\.yaml\n)\s*examples:\n\s*stringShape:\n\s*summary: .*\n\s*value:\n\s*error: Contact not found\.\n/,
        '$1',
      ),
  },
  closed: {
    'components/schemas/Interaction.yaml': (t) =>
      t.replace('additionalProperties: true', 'additionalProperties: false'),
  },
  // The operations added in 1.1.0 (each rule is proven above; this proves the rules reach the new files).
  'new-operations': {
    'paths/interaction.yaml': (t) => t.replace(/(- name: interactionId[\s\S]*?type: string\n)\s*format: uuid\n/, '$1'),
    'paths/tokens.yaml': (t) =>
      t.replace(/(TokenRequest\.yaml\n)\s*examples:\n[\s\S]*?password: EXAMPLE-API-SECRET\n/, '$1'),
    'components/schemas/InteractionRecordDetails.yaml': (t) =>
      t
        .replace(/( {2}contactId:\n) {4}description: \|\n(?: {6}.*\n)+/, '$1    title: contact\n')
        .replace('type: object\nadditionalProperties: true', 'type: object\nadditionalProperties: false'),
    'components/schemas/TokenResponse.yaml': (t) =>
      t.replace('additionalProperties: true', 'additionalProperties: false'),
  },
  // The operation and the schemas added in 1.2.0.
  'list-operation': {
    'paths/interactions.yaml': (t) =>
      t
        .replace(/(- name: tenantId[\s\S]*?type: string\n)\s*format: uuid\n/, '$1')
        .replace(
          /(description: No such tenant\.[\s\S]*?ErrorBody\.yaml\n)\s*examples:\n\s*stringShape:\n\s*summary: .*\n\s*value:\n\s*error: Tenant not found\.\n/,
          '$1',
        ),
    'components/schemas/InteractionRecordPage.yaml': (t) =>
      t.replace('additionalProperties: true', 'additionalProperties: false'),
    'components/schemas/InteractionSegment.yaml': (t) =>
      t.replace('additionalProperties: true', 'additionalProperties: false'),
    'components/schemas/InteractionQueue.yaml': (t) =>
      t.replace('additionalProperties: true', 'additionalProperties: false'),
    'components/schemas/InteractionAgent.yaml': (t) =>
      t.replace('additionalProperties: true', 'additionalProperties: false'),
    'components/schemas/InteractionHook.yaml': (t) =>
      t
        .replace(/( {2}hookedBy:\n) {4}description: .*\n/, '$1')
        .replace('additionalProperties: true', 'additionalProperties: false'),
  },
};

let linted: Record<string, Linted>;
beforeAll(async () => {
  linted = await lintCopies(cases);
}, 60_000);

describe('redocly.yaml house rules', () => {
  it('the spec as it is: 0 problems', () => {
    const r = linted.clean!;
    expect(r.status, r.output).toBe(0);
    expect(r.report.totals, r.output).toMatchObject({ errors: 0, warnings: 0 });
    expect(r.report.problems).toEqual([]);
  });

  it('rule/property-description: a property without a description', () => {
    const r = linted['no-desc']!;
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('rule/property-description');
  });

  it('rule/uuid-path-params: a path parameter without format: uuid', () => {
    const r = linted['no-uuid']!;
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('rule/uuid-path-params');
  });

  it('rule/response-has-example: a response without an example', () => {
    const r = linted['no-example']!;
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('rule/response-has-example');
  });

  it('rule/interaction-open: Interaction with additionalProperties: false', () => {
    const r = linted.closed!;
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('rule/interaction-open');
  });

  // Each break must be reported by its rule, at its place, and nothing else.
  it('the rules cover Get a Specific Interaction and POST /tokens', () => {
    const r = linted['new-operations']!;
    expect(r.status).not.toBe(0);
    const found = r.report.problems
      .map((p) => `${p.ruleId} ${path.basename(p.location[0]!.source.ref)}${p.location[0]!.pointer}`)
      .sort();
    expect(found).toEqual(
      [
        'rule/interaction-open InteractionRecordDetails.yaml#/additionalProperties',
        'rule/interaction-open TokenResponse.yaml#/additionalProperties',
        'rule/property-description InteractionRecordDetails.yaml#/properties/contactId/description',
        'rule/response-has-example tokens.yaml#/post/requestBody/content/application~1json',
        'rule/uuid-path-params interaction.yaml#/get/parameters/1/schema/format',
      ].sort(),
    );
  });

  it('the rules cover Get a List of Interactions and the record’s sub-schemas', () => {
    const r = linted['list-operation']!;
    expect(r.status).not.toBe(0);
    // Closing the queue and agent items also makes the seed examples (which carry keys the vendor's
    // samples do not show) invalid: that is the built-in rule doing its job, not what this case proves.
    const found = r.report.problems
      .filter((p) => p.ruleId !== 'no-invalid-media-type-examples')
      .map((p) => `${p.ruleId} ${path.basename(p.location[0]!.source.ref)}${p.location[0]!.pointer}`)
      .sort();
    expect(found).toEqual(
      [
        'rule/interaction-open InteractionAgent.yaml#/additionalProperties',
        'rule/interaction-open InteractionHook.yaml#/additionalProperties',
        'rule/interaction-open InteractionQueue.yaml#/additionalProperties',
        'rule/interaction-open InteractionRecordPage.yaml#/additionalProperties',
        'rule/interaction-open InteractionSegment.yaml#/additionalProperties',
        'rule/property-description InteractionHook.yaml#/properties/hookedBy/description',
        'rule/response-has-example interactions.yaml#/get/responses/404/content/application~1json',
        'rule/uuid-path-params interactions.yaml#/get/parameters/0/schema/format',
      ].sort(),
    );
  });
});
