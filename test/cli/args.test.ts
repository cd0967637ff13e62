import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import { regions } from '../../src/index.ts';

const base = ['list', '--tenant', 'T', '--contact', 'C'];

describe('parseCommand', () => {
  it('reads a one-page list with defaults (ids in their normal form: trimmed, lower-case)', () => {
    expect(parseCommand(base)).toEqual({
      kind: 'list',
      tenantId: 't',
      contactId: 'c',
      limit: undefined,
      page: undefined,
      walk: { mode: 'page' },
      concurrency: undefined,
      format: 'table',
      csvRaw: false,
      target: { default: true },
      credentials: { apiKey: undefined, apiSecret: undefined, token: undefined },
      debug: false,
    });
  });

  it.each([
    [['--all'], { walk: { mode: 'all' } }],
    [['--last', '25'], { walk: { mode: 'last', count: 25 } }],
    [
      ['--last', '25', '--concurrency', '3', '--limit', '10'],
      { walk: { mode: 'last', count: 25 }, concurrency: 3, limit: 10 },
    ],
    [['--page', '2', '--limit', '50'], { page: 2, limit: 50 }],
    [['--page=-1'], { page: -1 }], // the SDK rejects it with the spec's bound
    [['--format', 'csv'], { format: 'csv' }],
    [['--format', 'csv', '--csv-raw'], { format: 'csv', csvRaw: true }],
    [['--base-url', 'http://127.0.0.1:4010'], { target: { baseUrl: 'http://127.0.0.1:4010' } }],
    [['--api-key', 'k', '--api-secret', 's'], { credentials: { apiKey: 'k', apiSecret: 's', token: undefined } }],
    [
      ['--token', 't', '--debug'],
      { credentials: { apiKey: undefined, apiSecret: undefined, token: 't' }, debug: true },
    ],
  ])('%j', (extra, expected) => {
    expect(parseCommand([...base, ...extra])).toMatchObject(expected);
  });

  it('accepts every region the spec names, and only those', () => {
    for (const region of Object.keys(regions))
      expect(parseCommand([...base, '--region', region])).toMatchObject({ target: { region } });
    expect(() => parseCommand([...base, '--region', 'ap-south-1'])).toThrow(
      /--region must be one of us-east-1, eu-west-1/,
    );
  });

  it.each([
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['list', '--help'], 'help'],
    [['--version'], 'version'],
    [['-V'], 'version'],
  ])('%j is %s', (argv, kind) => {
    expect(parseCommand(argv).kind).toBe(kind);
  });

  it.each([
    [[], /missing command/],
    [['show'], /unknown command 'show'/],
    [[...base, 'extra'], /unexpected argument 'extra'/],
    [['list', '--contact', 'C'], /--tenant is required/],
    [['list', '--tenant', 'T'], /--contact is required/],
    [[...base, '--bogus'], /Unknown option '--bogus'/],
    [[...base, '--limit'], /argument missing/],
    [[...base, '--limit', 'ten'], /--limit must be an integer \(got 'ten'\)/],
    [[...base, '--limit', '1.5'], /--limit must be an integer/],
    [[...base, '--all', '--last', '3'], /--all and --last cannot be combined/],
    [[...base, '--all', '--page', '1'], /--page picks one page/],
    [[...base, '--concurrency', '2'], /--concurrency needs --all or --last/],
    [[...base, '--region', 'eu-west-1', '--base-url', 'http://127.0.0.1:1'], /cannot be combined/],
    [[...base, '--format', 'xml'], /--format must be one of table, json, ndjson, csv/],
    [[...base, '--csv-raw'], /--csv-raw needs --format csv/],
    [[...base, '--format', 'json', '--csv-raw'], /--csv-raw needs --format csv/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
