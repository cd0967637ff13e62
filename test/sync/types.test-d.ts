import { describe, expectTypeOf, it } from 'vitest';
import {
  type ExportEvent,
  type ExportParams,
  type ExportRun,
  type ExportSummary,
  exportInteractions,
  type Interaction,
  type InteractionsClient,
  limitRate,
  type RateLimitOptions,
  type SyncChange,
  type SyncCheckpoint,
  type SyncParams,
  type SyncProgress,
  type SyncRecord,
  type SyncRun,
  syncInteractions,
} from '../../src/index.js';

/** `true` when every value in T is one JSON.stringify round-trips unchanged (no functions, dates, undefined…). */
type IsPlainJson<T> = T extends string | number | boolean | null
  ? true
  : T extends readonly (infer U)[]
    ? IsPlainJson<U>
    : T extends (...args: never[]) => unknown
      ? false
      : T extends object
        ? { [K in keyof T]-?: IsPlainJson<T[K]> }[keyof T] extends true
          ? true
          : false
        : false;

describe('sync types', () => {
  it('syncInteractions(client, params) returns a SyncRun: records to iterate, then checkpoint()', () => {
    expectTypeOf(syncInteractions).parameters.toEqualTypeOf<[InteractionsClient, SyncParams]>();
    expectTypeOf(syncInteractions).returns.toEqualTypeOf<SyncRun>();
    expectTypeOf<SyncRun>().toMatchTypeOf<AsyncIterable<SyncRecord>>();
    expectTypeOf<SyncRun['checkpoint']>().returns.toEqualTypeOf<SyncCheckpoint>();
    expectTypeOf<SyncRun['pages']>().toEqualTypeOf<number>();
    expectTypeOf<SyncRecord>().toEqualTypeOf<{ interaction: Interaction; change: SyncChange }>();
    expectTypeOf<SyncChange>().toEqualTypeOf<'new' | 'updated'>();
  });

  it('a checkpoint is plain JSON with a version, and goes back in as `checkpoint`', () => {
    expectTypeOf<IsPlainJson<SyncCheckpoint>>().toEqualTypeOf<true>();
    expectTypeOf<IsPlainJson<SyncProgress>>().toEqualTypeOf<true>();
    expectTypeOf<IsPlainJson<{ at: Date }>>().toEqualTypeOf<false>(); // the check can fail
    expectTypeOf<SyncCheckpoint['version']>().toEqualTypeOf<1>();
    expectTypeOf<SyncParams['checkpoint']>().toEqualTypeOf<SyncCheckpoint | undefined>();
  });
});

describe('export types', () => {
  it('exportInteractions(client, params) returns an ExportRun: events to iterate, summary() at any time', () => {
    expectTypeOf(exportInteractions).parameters.toEqualTypeOf<[InteractionsClient, ExportParams]>();
    expectTypeOf<ExportRun>().toMatchTypeOf<AsyncIterable<ExportEvent>>();
    expectTypeOf<ExportRun['summary']>().returns.toEqualTypeOf<ExportSummary>();
    expectTypeOf<ExportParams['contacts']>().toEqualTypeOf<Iterable<string> | AsyncIterable<string>>();
  });

  it('events narrow on `type`', () => {
    const handle = (event: ExportEvent) => {
      if (event.type === 'record') {
        expectTypeOf(event.interaction).toEqualTypeOf<Interaction>();
        expectTypeOf(event.change).toEqualTypeOf<SyncChange>();
      } else if (event.type === 'done') {
        expectTypeOf(event.checkpoint).toEqualTypeOf<SyncCheckpoint>();
      } else if (event.type === 'failed') {
        expectTypeOf(event.error).toEqualTypeOf<Error>();
      } else {
        expectTypeOf(event.reason).toEqualTypeOf<'already-done' | 'repeated'>();
      }
      expectTypeOf(event.contactId).toEqualTypeOf<string>();
    };
    expectTypeOf(handle).toBeFunction();
  });
});

describe('rate limit types', () => {
  it('limitRate(client, { requestsPerSecond, burst? }) returns its release', () => {
    expectTypeOf(limitRate).parameters.toEqualTypeOf<[InteractionsClient, RateLimitOptions]>();
    expectTypeOf(limitRate).returns.toEqualTypeOf<() => void>();
    expectTypeOf<RateLimitOptions>().toEqualTypeOf<{ requestsPerSecond: number; burst?: number }>();
  });
});
