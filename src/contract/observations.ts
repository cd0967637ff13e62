/**
 * What a contract run noticed beyond pass or fail: the raw material of the judgement calls. The
 * checks add to it as answers arrive; `judgement-calls.ts` reads it at the end.
 */

export interface Observations {
  /** `page` of the first answer, requested without `page`. */
  pageWhenOmitted?: { value: unknown };
  pageEchoes: { sent: number; got: unknown }[];
  /** Pages after the first, with their offsets. */
  offsets: { page: number; limit: number; offset: unknown }[];
  /** Walks that reached the end by `total`: how many distinct ids their pages held. */
  completeWalks: { limit: number; pages: number; total: number; count: number }[];
  pastTheEnd?: { status: number | null; count?: number };
  order: { pairs: number; breaks: number };
  /** Results read by the walks, with or without a usable id. */
  resultsRead: number;
  /** Every distinct interaction seen (by id), as sent. */
  items: Record<string, unknown>[];
  itemIds: Set<string>;
  /** Error answers: their parsed bodies (`undefined` when not JSON), and the verdicts of `inspect` on them. */
  errorBodies: { status: number; body: unknown; verdicts?: readonly { message: string }[] }[];
  /** The probes that inform a judgement call rather than a rule, with what each was answered. */
  refusals: Refusal[];
  /** Records read through Get a Specific Interaction (JSON objects, not wrapped), each with its history item. */
  records: { item: Record<string, unknown>; record: Record<string, unknown>; tenantId: string; contactId: string }[];
  /** Why no record was read, when none was (the checks were left out, or nothing could be read). */
  noRecords?: string;
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
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
