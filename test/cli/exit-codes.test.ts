import { describe, expect, it } from 'vitest';
import { errorReport, exitCodeFor, exitCodes, Interrupted } from '../../src/cli/exit-codes.ts';
import { PartialFailure } from '../../src/cli/partial-failure.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import {
  AbortedError,
  ApiError,
  AuthenticationError,
  ConnectionError,
  InvalidInputError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  ServerError,
} from '../../src/index.ts';
import { StoreError } from '../../src/stores/errors.ts';

describe('exitCodeFor', () => {
  it('gives each documented class its own code', () => {
    expect(new Set(Object.values(exitCodes)).size).toBe(Object.keys(exitCodes).length);
    expect(exitCodes).toEqual({
      ok: 0,
      failure: 1,
      usage: 2,
      auth: 3,
      notFound: 4,
      partial: 5,
      store: 6,
      interrupted: 130,
      terminated: 143,
    });
  });

  it.each([
    [new UsageError('bad flag'), exitCodes.usage],
    [new InvalidInputError('limit', 101, 'must be <= 100'), exitCodes.usage],
    [new AuthenticationError(401, 'HTTP 401: Unauthorized'), exitCodes.auth],
    [new PermissionDeniedError(403, 'HTTP 403: Forbidden'), exitCodes.auth],
    [new NotFoundError(404, 'HTTP 404: Contact not found.'), exitCodes.notFound],
    [new ServerError(503, 'HTTP 503: Service unavailable.'), exitCodes.failure],
    [new ApiError(418, 'HTTP 418'), exitCodes.failure],
    [new ConnectionError('connection refused'), exitCodes.failure],
    [new InvalidResponseError(200, 'not JSON', '<html>'), exitCodes.failure],
    [new PartialFailure('3 of 10 contacts failed'), exitCodes.partial],
    [new StoreError('locked', 'sqlite:x.db', 'sqlite:x.db is held by process 42'), exitCodes.store],
    [new StoreError('shape', 'sqlite:x.db', 'another shape'), exitCodes.store],
    [new StoreError('unreachable', 'postgres://h/db', 'cannot be reached'), exitCodes.failure],
    [new StoreError('write', 'postgres://h/db', 'the connection broke during a commit'), exitCodes.failure],
    [new Error('anything else'), exitCodes.failure],
    ['a thrown string', exitCodes.failure],
    [new AbortedError(new Interrupted('SIGINT')), exitCodes.interrupted],
    [new AbortedError(new Interrupted('SIGTERM')), exitCodes.terminated],
    [new AbortedError(new DOMException('aborted', 'AbortError')), exitCodes.failure],
  ])('%s → %i', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});

describe('errorReport', () => {
  it('is one line without --debug, with a help hint for usage errors', () => {
    expect(errorReport(new UsageError('--tenant is required'), false)).toBe(
      "cxengage-interactions: --tenant is required (see 'cxengage-interactions --help')",
    );
    expect(errorReport(new Error('first\n  second'), false)).toBe('cxengage-interactions: first second');
  });

  it('adds the stack and causes with --debug', () => {
    const report = errorReport(new Error('outer', { cause: new Error('inner') }), true);
    expect(report.split('\n')[0]).toBe('cxengage-interactions: outer');
    expect(report).toMatch(/at .*exit-codes\.test\.ts/);
    expect(report).toContain('caused by: Error: inner');
  });
});
