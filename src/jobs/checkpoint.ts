/**
 * Reading back what a sync wrote: a stored checkpoint, or the progress of a sync an export stopped
 * part-way. Both are plain JSON from the caller's store, so each is checked whole before a sync trusts it:
 * written by this SDK, in a version it reads, for the very tenant and contact it is used for. A failure is
 * a {@link CheckpointError}, thrown before any request is sent. Ids are compared in their normal form
 * (trimmed, lower-case), so a checkpoint saved under one spelling of an id serves every other.
 */
import { normalId } from '../common/ids.js';
import { CheckpointError } from './checkpoint-error.js';
import type { SyncBoundary, SyncCheckpoint, SyncProgress, WatchedInteraction } from './types.js';

/**
 * Checks a stored checkpoint against the contact it is used for. Throws {@link CheckpointError}:
 * `unsupported_version`, `other_tenant`, `other_contact`, or `malformed`.
 */
export function checkCheckpoint(
  value: unknown,
  tenantId: string,
  contactId: string,
  param = 'checkpoint',
): SyncCheckpoint {
  const c = checkHeader(value, tenantId, contactId, param);
  const bad = (problem: string): never => {
    throw new CheckpointError('malformed', param, value, problem);
  };
  if (!isDate(c['syncedAt'])) bad('syncedAt must be a date-time');
  if (!isWindow(c['settleWindowMs']) || !isWindow(c['openWindowMs'])) bad('its windows must be numbers ≥ 0');
  if (c['newest'] !== null && !isBoundary(c['newest'])) bad('newest must be null or { startTimestamp, ids }');
  if (!isWatch(c['watch'])) bad('watch must be a list of [interactionId, startTimestamp, fingerprint]');
  return value as SyncCheckpoint;
}

/** Checks the progress of a sync stopped part-way (from an export's state), as {@link checkCheckpoint} does. */
export function checkProgress(value: unknown, tenantId: string, contactId: string, param = 'progress'): SyncProgress {
  const p = checkHeader(value, tenantId, contactId, param);
  const bad = (problem: string): never => {
    throw new CheckpointError('malformed', param, value, problem);
  };
  if (p['from'] !== null) checkCheckpoint(p['from'], tenantId, contactId, `${param}.from`);
  if (!isDate(p['startedAt'])) bad('startedAt must be a date-time');
  if (!isWindow(p['settleWindowMs']) || !isWindow(p['openWindowMs'])) bad('its windows must be numbers ≥ 0');
  const counts = ['pageSize', 'offset', 'total', 'pages'].map((key) => p[key]);
  if (!counts.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) || (p['pageSize'] as number) < 1)
    bad('pageSize, offset, total and pages must be integers ≥ 0');
  if (p['firstTotal'] !== null && !(Number.isSafeInteger(p['firstTotal']) && (p['firstTotal'] as number) >= 0))
    bad('firstTotal must be null or an integer ≥ 0');
  if (p['cursor'] !== null && !isBoundary(p['cursor'])) bad('cursor must be null or { startTimestamp, ids }');
  if (p['newest'] !== null && !isBoundary(p['newest'])) bad('newest must be null or { startTimestamp, ids }');
  if (!isWatch(p['watch'])) bad('watch must be a list of [interactionId, startTimestamp, fingerprint]');
  return value as SyncProgress;
}

function checkHeader(value: unknown, tenantId: string, contactId: string, param: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CheckpointError('malformed', param, value, 'must be an object this SDK wrote');
  }
  const c = value as Record<string, unknown>;
  if (c['version'] !== 1) {
    const code = typeof c['version'] === 'number' ? 'unsupported_version' : 'malformed';
    throw new CheckpointError(code, `${param}.version`, c['version'], 'must be 1 (the version this SDK reads)');
  }
  if (typeof c['tenantId'] !== 'string' || normalId(c['tenantId']) !== normalId(tenantId)) {
    throw new CheckpointError(
      'other_tenant',
      `${param}.tenantId`,
      c['tenantId'],
      `belongs to another tenant than ${tenantId}`,
    );
  }
  if (typeof c['contactId'] !== 'string' || normalId(c['contactId']) !== normalId(contactId)) {
    throw new CheckpointError(
      'other_contact',
      `${param}.contactId`,
      c['contactId'],
      `belongs to another contact than ${contactId}`,
    );
  }
  return c;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isWindow = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isBoundary = (v: unknown): v is SyncBoundary =>
  typeof v === 'object' &&
  v !== null &&
  isDate((v as SyncBoundary).startTimestamp) &&
  Array.isArray((v as SyncBoundary).ids) &&
  (v as SyncBoundary).ids.every((id) => typeof id === 'string');
const isWatch = (v: unknown): v is WatchedInteraction[] =>
  Array.isArray(v) &&
  v.every(
    (w) => Array.isArray(w) && w.length === 3 && typeof w[0] === 'string' && isDate(w[1]) && typeof w[2] === 'string',
  );
