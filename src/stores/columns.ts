/**
 * The columns of the interactions table every SQL store creates, and the same fields in a Singer record.
 * Each typed column names the key it is filled from in each route's shape: the history's item (the 18
 * documented fields, plus the contact and tenant of the request path) and the List's record (the typed
 * `InteractionRecord` of spec 1.2.0, some keys under `details`). Its name is that key in snake_case, and
 * its type follows from the JSON type the spec gives the key (`generated/fields.ts`, read from the spec
 * at generate time; a parameter's from `generated/spec.ts`), never retyped here: where the two routes'
 * keys disagree on a type, loading this module fails. A value that does not fit its column (the spec
 * leaves some keys open; a server may break it) is stored as NULL there, and exactly in the record's JSON.
 */
import { fields } from '../../generated/fields.js';
import { spec } from '../../generated/spec.js';
import type { DocumentedField } from '../common/interaction-fields.js';
import type { InteractionRecord } from '../types.js';
import type { RowSource } from './types.js';

type Documented<T> = keyof { [K in keyof T as string extends K ? never : K]: true } & string;
type RecordKey = Documented<InteractionRecord>;
type DetailsKey = Documented<NonNullable<InteractionRecord['details']>>;

/** Where a history row's value comes from: an item's key, or a parameter of the request path. */
type HistorySource = DocumentedField | 'path:tenantId' | 'path:contactId';
/** Where a List row's value comes from: a record's key, or a key of its `details`. */
type RecordSource = RecordKey | `details.${DetailsKey}`;

/** The SQL-independent kind of a typed column, from the JSON type (and format) of its keys. */
export type ColumnKind = 'text' | 'timestamp' | 'real' | 'integer' | 'boolean';

/** A typed column of the interactions table, and where each route's rows fill it from. */
export interface TypedColumn {
  /** The column's name (snake_case). */
  name: string;
  /** The same field in a Singer record: the key's own name (camelCase). */
  field: string;
  /** Its kind, from the spec's type of its keys; each store names it in its own SQL. */
  kind: ColumnKind;
  /** Part of the primary key (with `tenant_id`): never NULL. */
  key: boolean;
  /** The history item's key it comes from (`path:…`: the request path's parameter); `undefined`: none, NULL. */
  history: string | undefined;
  /** The List record's key it comes from (`details.…`: under `details`); `undefined`: none, NULL. */
  record: string | undefined;
}

/**
 * The typed columns, in table order, with the key each route fills them from (`undefined`: that route
 * has no such key, and the column is NULL for its rows). A key whose type the spec leaves open (any JSON
 * value, such as `details.contactId`) is stored only where it has the column's type.
 */
const SOURCES: readonly { history?: HistorySource; record?: RecordSource; key?: true }[] = [
  { history: 'path:tenantId', record: 'tenantId', key: true },
  { history: 'interactionId', record: 'interactionId', key: true },
  { history: 'path:contactId', record: 'details.contactId' },
  { history: 'startTimestamp', record: 'startTimestamp' },
  { history: 'endTimestamp', record: 'endTimestamp' },
  { history: 'channelType', record: 'details.channelType' },
  { history: 'channelName' },
  { history: 'directionType', record: 'details.direction' },
  { history: 'directionName' },
  { history: 'customer', record: 'customer' },
  { record: 'contactPoint' },
  { history: 'note' },
  { history: 'csat', record: 'customerSatisfactionScore' },
  { history: 'lastAgentId' },
  { history: 'lastAgentName' },
  { history: 'lastQueueId' },
  { history: 'lastQueueName' },
  { history: 'lastDispositionId' },
  { history: 'lastDispositionName' },
  { record: 'flowId' },
  { record: 'flowName' },
  { record: 'interactionTime' },
];

interface FieldFact {
  readonly types: readonly string[];
  readonly format?: string;
}

function historyFact(source: HistorySource): FieldFact {
  if (source.startsWith('path:')) {
    const { schema } = spec.operations.listContactInteractions.parameters[source.slice(5) as 'tenantId' | 'contactId'];
    return { types: [schema.type], format: schema.format };
  }
  return fields.Interaction[source as DocumentedField];
}

function recordFact(source: RecordSource): FieldFact {
  if (source.startsWith('details.')) return fields.InteractionRecordDetails[source.slice(8) as DetailsKey];
  return fields.InteractionRecord[source as RecordKey];
}

function kindOf(fact: FieldFact): ColumnKind | undefined {
  const types = fact.types.filter((type) => type !== 'null');
  if (types.length !== 1) return undefined; // any JSON value, or a union: no one column type
  const type = types[0]!;
  if (type === 'string') return fact.format === 'date-time' ? 'timestamp' : 'text';
  if (type === 'number') return 'real';
  if (type === 'integer' || type === 'boolean') return type;
  return undefined;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const fieldName = (source: string) => source.replace(/^(path:|details\.)/, '');

function column({ history, record, key }: (typeof SOURCES)[number]): TypedColumn {
  const field = fieldName(history ?? record!);
  const kinds = [history && historyFact(history), record && recordFact(record)]
    .filter((fact) => fact !== undefined)
    .map(kindOf)
    .filter((kind) => kind !== undefined);
  const kind = kinds[0];
  if (kind === undefined || kinds.some((k) => k !== kind)) {
    throw new Error(
      `column ${snake(field)}: the spec types ${history} and ${record} as ${kinds.join(' and ') || 'any'}`,
    );
  }
  return { name: snake(field), field, kind, key: key === true, history, record };
}

/** The typed columns, in table order. */
export const typedColumns: readonly TypedColumn[] = SOURCES.map(column);
const sources = new Map(SOURCES.map((source, i) => [typedColumns[i]!, source]));

/** The value of a row's key for `source`: from the history item (or the run's path), or from the record. */
export function sourceValue(
  column: TypedColumn,
  source: RowSource,
  interaction: Record<string, unknown>,
  path: { tenantId: string; contactId: string | null },
): unknown {
  const { history, record } = sources.get(column) ?? {};
  if (source === 'history') {
    const from = history;
    if (from === 'path:tenantId') return path.tenantId;
    if (from === 'path:contactId') return path.contactId;
    return from === undefined ? undefined : interaction[from];
  }
  const from = record;
  if (from === undefined) return undefined;
  if (!from.startsWith('details.')) return interaction[from];
  const details = interaction['details'];
  return typeof details === 'object' && details !== null
    ? (details as Record<string, unknown>)[from.slice(8)]
    : undefined;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const INT64 = 2n ** 63n;

/**
 * `value` as its column holds it, or `null` where it does not fit: a time in ISO 8601 UTC with
 * milliseconds (years 1 to 9999, which every SQL store can hold), a finite number, an integer within 64
 * bits, a boolean, a string. The record's JSON keeps the value exactly either way.
 */
export function typedValue(kind: ColumnKind, value: unknown): string | number | bigint | boolean | null {
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? value : null;
    case 'timestamp': {
      if (typeof value !== 'string' || !ISO.test(value)) return null;
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) return null;
      const iso = new Date(ms).toISOString();
      return iso >= '0001' && iso < '9999-12-31T24' ? iso : null;
    }
    case 'real':
      if (typeof value === 'bigint') return Number(value);
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'integer':
      if (typeof value === 'bigint') return value >= -INT64 && value < INT64 ? value : null;
      return Number.isSafeInteger(value) ? (value as number) : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
  }
}
