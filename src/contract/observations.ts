/**
 * What a contract run noticed beyond pass or fail: the raw material of the judgement calls. The
 * checks add to it as answers arrive; `judgement-calls.ts` reads it at the end.
 */

/** What a walk over pages tallies as it reads them: the history's walks, or the List's. */
export interface WalkTally {
  /** Walks that reached the end by `total`: how many distinct ids their pages held. */
  completeWalks: { limit: number; pages: number; total: number; count: number }[];
  order: { pairs: number; breaks: number };
  /** Results read by the walks, with or without a usable id. */
  resultsRead: number;
  /** Every distinct interaction seen (by id), as sent. */
  items: Record<string, unknown>[];
  itemIds: Set<string>;
}

/** What one answer of Get a List of Interactions came to: its status, and for a 200, what it held. */
export interface ListAnswer {
  status: number | null;
  total?: unknown;
  /** The records' ids, in order (a 200 whose body is a page). */
  ids?: string[];
  /** `limit` as echoed. */
  limit?: unknown;
  /** Each record's start, as sent. */
  starts?: unknown[];
}

/** What the checks of Get a List of Interactions saw, for its judgement calls (`list-calls.ts`). */
export interface ListObservations extends WalkTally {
  /** Why the List was not checked, when it was not. */
  skipped?: string;
  /** The first answer: `?contactId=` alone (the defaults). */
  first?: { page: unknown; limit: unknown; offset: unknown; total: unknown; ids: string[] };
  /** Pages of the walk after the first, with what they echoed. */
  echoes: { page: number; limit: number; pageEcho: unknown; offset: unknown }[];
  /** The history's walk at its maximum page size, to hold the contact's List against. */
  history?: { ids: string[]; complete: boolean; total: number | undefined; starts: Map<string, number> };
  /** The contact's walk of the List at its maximum page size. */
  contactWalk?: { ids: string[]; complete: boolean; total: number | undefined; limitEcho: unknown };
  /** The tenant's first page (no filter). */
  tenant?: ListAnswer;
  /** `?contactID=` (the example's spelling). */
  contactIdCase?: ListAnswer;
  /** The window asked for with `startTimeRange`/`endTimeRange`, what the history says it holds, and the answer. */
  window?: {
    from: number;
    to: number;
    /** Ids of the history that started in [from, to), at from, and at to. */
    expected: string[];
    atFrom: string[];
    atTo: string[];
    answer: ListAnswer;
  };
  /** The same window as `start`/`end` (the search page's spelling). */
  startEnd?: ListAnswer;
  /** The first page again with `green=false`, and the same page without it. */
  green?: { plain: Record<string, unknown>[]; nulls: Record<string, unknown>[] | undefined; status: number | null };
  /** One over the maximum `limit`. */
  overMax?: ListAnswer;
  unknownContact?: ListAnswer;
  reversed?: ListAnswer;
  malformedContact?: ListAnswer;
  /**
   * A hook of a record, asked for by its `hookType`, `hookSubType` and `hookId`, then by `hookType` alone,
   * within the range the walk read: how many records that range holds, and how many have that `hookType`.
   */
  hook?: {
    hook: Record<string, unknown>;
    source: string;
    answer: ListAnswer;
    matching: number;
    inRange: number;
    typed: number;
    typeSpelling?: ListAnswer;
  };
  /** A custom reporting attribute of a record, asked for by `attribute-value`. */
  attribute?: { value: string; source: string; answer: ListAnswer; matching: number; shape: 'envelope' | 'other' };
  /** Records of the List (the defaults: nulls left out), by id. */
  records: Map<string, Record<string, unknown>>;
}

export interface Observations extends WalkTally {
  /** `page` of the first answer, requested without `page`. */
  pageWhenOmitted?: { value: unknown };
  pageEchoes: { sent: number; got: unknown }[];
  /** Pages after the first, with their offsets. */
  offsets: { page: number; limit: number; offset: unknown }[];
  pastTheEnd?: { status: number | null; count?: number };
  /** Error answers: their parsed bodies (`undefined` when not JSON), and the verdicts of `inspect` on them. */
  errorBodies: { status: number; body: unknown; verdicts?: readonly { message: string }[] }[];
  /** The probes that inform a judgement call rather than a rule, with what each was answered. */
  refusals: Refusal[];
  /** Records read through Get a Specific Interaction (JSON objects, not wrapped), each with its history item. */
  records: { item: Record<string, unknown>; record: Record<string, unknown>; tenantId: string; contactId: string }[];
  /** Why no record was read, when none was (the checks were left out, or nothing could be read). */
  noRecords?: string;
  /** Get a List of Interactions. */
  list: ListObservations;
}

/** A probe of how the API refuses what the vendor's documentation says nothing about, and its answer. */
export interface Refusal {
  /** The judgement call it informs. */
  call: string;
  /** What was sent, e.g. `limit=abc`. */
  what: string;
  /** The status the spec presumes. */
  expect: number;
  /** The status answered; `null` when no answer came. */
  status: number | null;
  /** For a 2xx answer: what the page made of the request (`limit 10`, `total 0`), no customer data. */
  echo?: string;
}

export function newObservations(): Observations {
  return {
    pageEchoes: [],
    offsets: [],
    completeWalks: [],
    order: { pairs: 0, breaks: 0 },
    resultsRead: 0,
    items: [],
    itemIds: new Set(),
    errorBodies: [],
    refusals: [],
    records: [],
    list: {
      completeWalks: [],
      order: { pairs: 0, breaks: 0 },
      resultsRead: 0,
      items: [],
      itemIds: new Set(),
      echoes: [],
      records: new Map(),
    },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
