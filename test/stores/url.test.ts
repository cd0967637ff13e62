// A store named by one string (`--to`): each form read as the store it names, and each bad one refused
// with an InvalidInputError that names the flag and never repeats a password.
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { parseStoreUrl, withoutPassword } from '../../src/stores/url.js';

describe('parseStoreUrl', () => {
  it.each([
    ['sqlite:interactions.db', { kind: 'sqlite', file: 'interactions.db' }],
    ['sqlite:./data/x.sqlite', { kind: 'sqlite', file: './data/x.sqlite' }],
    ['sqlite:/var/lib/x.db', { kind: 'sqlite', file: '/var/lib/x.db' }],
    ['sqlite:///var/lib/x.db', { kind: 'sqlite', file: '/var/lib/x.db' }],
    ['SQLite:x.db', { kind: 'sqlite', file: 'x.db' }],
    ['singer', { kind: 'singer' }],
    ['ndjson:out.ndjson', { kind: 'ndjson', file: 'out.ndjson' }],
    ['NDJSON:/var/lib/out.ndjson', { kind: 'ndjson', file: '/var/lib/out.ndjson' }],
    ['ndjson:///var/lib/out.ndjson', { kind: 'ndjson', file: '/var/lib/out.ndjson' }],
    [
      'postgres://sync@db.example.com:5432/crm',
      { kind: 'postgres', location: 'postgres://sync@db.example.com:5432/crm', password: undefined },
    ],
    [
      'postgresql://sync:p%40ss@127.0.0.1/crm?sslmode=require',
      { kind: 'postgres', location: 'postgres://sync@127.0.0.1/crm', password: 'p@ss' },
    ],
    [
      'postgres:///crm?host=/var/run/postgresql',
      { kind: 'postgres', location: 'postgres:///crm?host=/var/run/postgresql', password: undefined },
    ],
  ])('reads %s', (text, expected) => {
    expect(parseStoreUrl(text, '--to')).toMatchObject(expected);
  });

  it.each([
    ['', /must name a store/],
    ['sqlite:', /sqlite: needs a file/],
    ['sqlite::memory:', /in-memory SQLite database keeps nothing/],
    ['sqlite://host/x.db', /takes a path, not a host/],
    ['postgres://', /not a valid URL|names no host/],
    ['postgres://sync:secret@host:99999/db', /not a valid URL/],
    ['postgres://sync:secret@/db', /not a valid URL|names no host/],
    ['postgres://sync@host/a/b', /names a path, not a database/],
    ['postgres://sync:%E0%A4%A@host/db', /malformed percent-encoding/],
    ['mysql://sync@host/db', /no store is called mysql:/],
    ['ndjson:', /ndjson: needs a file/],
    ['ndjson:-', /not stdout: name a file/],
    ['ndjson://host/out.ndjson', /takes a path, not a host/],
    ['jsonl:out.jsonl', /must be one of sqlite:FILE, postgres:.*, ndjson:FILE or singer/],
    ['interactions.db', /must be one of/],
  ])('refuses %j, naming --to', (text, problem) => {
    let error: unknown;
    try {
      parseStoreUrl(text, '--to');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).param).toBe('--to');
    expect((error as Error).message).toMatch(/^Invalid --to: /);
    expect((error as Error).message).toMatch(problem);
    expect((error as Error).message).not.toContain('secret');
  });

  it('hides a password in any URL it shows', () => {
    expect(withoutPassword('postgres://u:hunter2@h/db')).toBe('postgres://u:[redacted]@h/db');
    expect(withoutPassword('postgresql://u:p@ss:w@rd@h:1/db')).not.toContain('ss:w');
    expect(withoutPassword('postgres://u@h/db')).toBe('postgres://u@h/db');
  });
});
