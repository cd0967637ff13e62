// The export command's pieces that need no server: its state journal and output file on a real
// file system, its progress and summary text, and its flags.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src/cli/args.ts';
import { ExportOutput } from '../../../../src/cli/commands/export/output.ts';
import { bar, duration, progressText, rateMeter, summaryText } from '../../../../src/cli/commands/export/progress.ts';
import { UsageError } from '../../../../src/cli/usage-error.ts';
import { JournalError, type JournalHeader, StateJournal } from '../../../../src/files/journal.ts';
import type { ExportContactState, ExportSummary } from '../../../../src/index.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'cxi-export-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const file = (name: string) => path.join(scratch, `${++n}-${name}`);
const header: JournalHeader = { cxengageExport: 1, tenantId: 't', format: 'ndjson', out: '/x', shard: null, at: 0 };
const failed = (message: string): ExportContactState => ({ error: { name: 'E', message } });

describe('StateJournal', () => {
  it('appends one line per save; reading it back gives each contact its latest state and the last length', async () => {
    const f = file('state.json');
    const journal = await StateJournal.create(f, header);
    await journal.append('a', failed('1'), 10);
    await journal.append('b', failed('2'), 20);
    await journal.append('a', failed('3'), 30);
    await journal.close();
    expect(readFileSync(f, 'utf8').trimEnd().split('\n')).toHaveLength(4);
    const back = await StateJournal.read(f);
    expect(back?.at).toBe(30);
    expect([...back!.contacts]).toEqual([
      ['a', failed('3')],
      ['b', failed('2')],
    ]);
  });

  it('a last line cut short by a crash is dropped; resuming rewrites the file without it', async () => {
    const f = file('torn.json');
    const journal = await StateJournal.create(f, header);
    await journal.append('a', failed('1'), 10);
    await journal.close();
    appendFileSync(f, '{"contactId":"b","at":20,"state":{"err');
    const back = await StateJournal.read(f);
    expect(back).toMatchObject({ at: 10 });
    expect([...back!.contacts.keys()]).toEqual(['a']);
    const resumed = await StateJournal.resume(f, back!);
    await resumed.close();
    expect(readFileSync(f, 'utf8').endsWith('\n')).toBe(true);
    expect(readFileSync(f, 'utf8')).not.toContain('"b"');
  });

  it('a temp file left by a run killed mid-compaction is removed on resume; the state file was intact', async () => {
    const f = file('stale.json');
    const journal = await StateJournal.create(f, header);
    await journal.append('a', failed('1'), 10);
    await journal.close();
    const stale = `${f}.999999.tmp`;
    writeFileSync(stale, 'half a snapshot');
    const resumed = await StateJournal.resume(f, (await StateJournal.read(f))!);
    await resumed.close();
    expect(existsSync(stale)).toBe(false);
    expect((await StateJournal.read(f))?.at).toBe(10);
  });

  it('a damaged line in the middle, or a file that is no state file, is a JournalError', async () => {
    const damaged = file('damaged.json');
    writeFileSync(damaged, `${JSON.stringify(header)}\nnot json\n{"contactId":"a","at":1,"state":{}}\n`);
    await expect(StateJournal.read(damaged)).rejects.toThrow(JournalError);
    const other = file('other.json');
    writeFileSync(other, '{"some":"json"}\n');
    await expect(StateJournal.read(other)).rejects.toThrow(/not a cxengage-interactions export state file/);
    expect(await StateJournal.read(file('absent.json'))).toBeUndefined();
  });

  it('compaction keeps the file one line per contact, whatever the number of saves (bounded size)', async () => {
    const f = file('compact.json');
    const journal = await StateJournal.create(f, header);
    const big = failed('x'.repeat(2_000));
    for (let i = 0; i < 400; i++) await journal.append(`c${i % 5}`, big, i);
    await journal.close();
    // 400 saves of 2 kB each: 800 kB appended, yet the file never holds much more than one compaction's worth.
    expect(readFileSync(f).length).toBeLessThan(300 * 1024);
    const back = await StateJournal.read(f);
    expect(back?.at).toBe(399);
    expect(back?.contacts.size).toBe(5);
  });
});

describe('ExportOutput', () => {
  it('knows its length exactly; a resume cuts the file back to the length the state accounts for', async () => {
    const f = file('out.ndjson');
    const out = await ExportOutput.create(f);
    out.write('one\n');
    out.write('twö\n');
    await out.sync();
    expect(out.length).toBe(Buffer.byteLength('one\ntwö\n'));
    const kept = out.length;
    out.write('three, written after the last save\n');
    await out.close();
    const resumed = await ExportOutput.resume(f, kept);
    resumed.write('three\n');
    await resumed.close();
    expect(readFileSync(f, 'utf8')).toBe('one\ntwö\nthree\n');
  });

  it('refuses to resume a file shorter than the state says, or a missing one', async () => {
    const f = file('short.ndjson');
    writeFileSync(f, 'abc');
    await expect(ExportOutput.resume(f, 10)).rejects.toThrow(
      /shorter \(3 bytes\) than the state file accounts for \(10\)/,
    );
    await expect(ExportOutput.resume(file('gone.ndjson'), 10)).rejects.toThrow(/is missing/);
  });
});

describe('progress and summary text', () => {
  const summary: ExportSummary = {
    contacts: 1000,
    done: 400,
    failed: 2,
    skipped: 10,
    records: 61_204,
    new: 61_000,
    updated: 204,
    requests: 2_114,
    throttled: 3,
    elapsedMs: 100_500,
  };

  it.each<[number, string]>([
    [0, '0s'],
    [9_400, '9s'],
    [252_000, '4m 12s'],
    [3_720_000, '1h 02m'],
    [Number.NaN, '--'],
  ])('duration(%d) = %s', (ms, text) => {
    expect(duration(ms)).toBe(text);
  });

  it('the bar fills in proportion', () => {
    expect(bar(0, 10, 10)).toBe('[----------]');
    expect(bar(5, 10, 10)).toBe('[#####-----]');
    expect(bar(10, 10, 10)).toBe('[##########]');
    expect(bar(0, 0, 4)).toBe('[####]');
  });

  it('the live line: contacts (done before included), interactions, req/s, 429s, ETA from this run’s own pace', () => {
    // 402 contacts in 100.5 s → 588 left take 147 s.
    expect(progressText({ summary, total: 1000, rate: 21.04 })).toBe(
      '[########------------] 412/1,000 contacts · 61,204 interactions · 21.0 req/s · 3 × 429 · ETA 2m 27s',
    );
  });

  it('the summary line', () => {
    expect(summaryText(summary)).toBe(
      'export: 1,000 contacts (400 done, 2 failed, 10 done before) · 61,204 interactions (61,000 new, 204 updated) · 2,114 requests, 3 × 429 · 1m 41s',
    );
  });

  it('requests per second over the last seconds', () => {
    const meter = rateMeter(5_000);
    expect(meter(0, 0)).toBe(0);
    expect(meter(1_000, 10)).toBe(10);
    expect(meter(6_000, 20)).toBeCloseTo(2); // the sample at 0 is out of the window
  });
});

describe('export flags', () => {
  const base = ['export', '--tenant', 't', '--contacts', 'c.txt', '--out', 'o.ndjson'];
  it('parses every flag', () => {
    expect(
      parseCommand([
        ...base,
        '--state',
        's.json',
        '--since-state',
        'old.json',
        '--format',
        'csv',
        '--rate',
        '2.5',
        '--concurrency',
        '3',
        '--fail-fast',
        '--shard',
        '2/4',
      ]),
    ).toMatchObject({
      kind: 'export',
      tenantId: 't',
      contacts: 'c.txt',
      out: 'o.ndjson',
      state: 's.json',
      sinceState: 'old.json',
      format: 'csv',
      rate: 2.5,
      concurrency: 3,
      failFast: true,
      shard: { index: 2, count: 4 },
    });
    expect(parseCommand(base)).toMatchObject({ format: 'ndjson', failFast: false, shard: undefined });
  });

  it.each<[string, string[], RegExp]>([
    ['no --out', ['export', '--tenant', 't', '--contacts', 'c'], /--out is required/],
    ['--out -', [...base.slice(0, 5), '--out', '-'], /--out must be a file/],
    ['no --contacts', ['export', '--tenant', 't', '--out', 'o'], /--contacts is required/],
    ['a shard past N', [...base, '--shard', '3/2'], /--shard must be I\/N/],
    ['a shard 0', [...base, '--shard', '0/2'], /--shard must be I\/N/],
    ['a rate that is not a number', [...base, '--rate', 'fast'], /--rate must be a number/],
    ['format json', [...base, '--format', 'json'], /--format must be one of ndjson, csv/],
    ['a list flag', [...base, '--all'], /--all is not an option of 'export'/],
  ])('%s is a usage error', (_name, argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
