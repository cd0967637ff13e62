// The testing kit's additions for sync and export tests: many contacts, a drivable clock with live
// interactions that end and get rated, and a rate limit that answers 429 with Retry-After.
import { describe, expect, it } from 'vitest';
import { ReferenceClock } from '../../src/testing/clock.ts';
import {
  CSAT_DELAY_MS,
  generateInteractions,
  operationPath,
  ReferenceStore,
  startReferenceApi,
} from '../../src/testing/index.ts';
import { createThrottle } from '../../src/testing/throttle.ts';

const tenantId = '2b8d4f60-7a1c-4e3b-9d5f-1a3c5e7b9d0f';
const START = Date.UTC(2025, 2, 1);

describe('ReferenceClock', () => {
  it('applies what falls due, in time order (then in the order scheduled), only when advanced', () => {
    const clock = new ReferenceClock(1_000);
    const log: string[] = [];
    clock.schedule(3_000, () => log.push(`b@${clock.now()}`));
    clock.schedule(2_000, () => log.push(`a@${clock.now()}`));
    clock.schedule(3_000, () => log.push(`c@${clock.now()}`));
    expect(clock.advance(999)).toBe(0);
    expect(clock.pending).toBe(3);
    expect(clock.advance(1_500)).toBe(3);
    expect(log).toEqual(['a@2000', 'b@3000', 'c@3000']);
    expect(clock.now()).toBe(3_499);
    expect(clock.pending).toBe(0);
  });

  it('refuses to go back or to start nowhere', () => {
    expect(() => new ReferenceClock(Number.NaN)).toThrow(RangeError);
    expect(() => new ReferenceClock(0).advance(-1)).toThrow(RangeError);
  });
});

describe('the reference rate limit', () => {
  it('admits a burst, then the rate; a refusal says how many whole seconds to wait', () => {
    let now = 0;
    const admit = createThrottle({ requestsPerSecond: 2, burst: 2 }, () => now);
    expect([admit(), admit()]).toEqual([{ admitted: true }, { admitted: true }]);
    expect(admit()).toEqual({ admitted: false, retryAfterSeconds: 1 });
    now = 499;
    expect(admit()).toMatchObject({ admitted: false });
    now = 500;
    expect(admit()).toEqual({ admitted: true });
  });

  it('over HTTP: 429 in the vendor shape with Retry-After, counted apart from the requests', async () => {
    const api = await startReferenceApi({
      rateLimit: { requestsPerSecond: 1, burst: 2 },
      dataSets: [{ tenantId, contactId: tenantId, interactions: 1 }],
      credentials: { tokens: [{ token: 'live' }] },
    });
    try {
      const url = `${api.baseUrl}${operationPath('listContactInteractions', { tenantId, contactId: tenantId })}`;
      const get = () => fetch(url, { headers: { authorization: 'Token live' } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await get());
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 429, 429]);
      expect(statuses[2]!.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(await statuses[2]!.json()).toEqual({ error: 'Too many requests.' });
      expect({ requests: api.requests(), throttled: api.throttled() }).toEqual({ requests: 4, throttled: 2 });
    } finally {
      await api.close();
    }
  });
});

describe('many contacts and live interactions', () => {
  it('addContacts: deterministic ids for the seed and tenant, each with its own generated history', () => {
    const a = new ReferenceStore({ seed: 's' });
    const ids = a.addContacts(tenantId, 3, (i) => i * 2);
    expect(new ReferenceStore({ seed: 's' }).addContacts(tenantId, 3, 0)).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    expect(ids.map((id) => a.interactions(tenantId, id)!.length)).toEqual([0, 2, 4]);
  });

  it('begun interactions start open at the front, at the clock; advancing ends them, and csat comes later', () => {
    const store = new ReferenceStore({ seed: 'live', clock: START });
    store.addContact(tenantId, tenantId, generateInteractions(5, 'old'));
    const begun = store.beginInteractions(tenantId, tenantId, 3);
    const front = store.interactions(tenantId, tenantId)!.slice(0, 3);
    expect(front).toEqual(begun);
    for (const item of begun) {
      expect(item).toMatchObject({
        startTimestamp: new Date(START).toISOString(),
        endTimestamp: null,
        lastDispositionId: null,
        csat: null,
      });
    }
    store.advance(2 * 3_600_000); // live interactions last 5 s to 2 h
    const ended = store.interactions(tenantId, tenantId)!.slice(0, 3);
    for (const item of ended) {
      expect(Date.parse(item.endTimestamp!)).toBeGreaterThan(START);
      expect(Date.parse(item.endTimestamp!)).toBeLessThanOrEqual(START + 2 * 3_600_000);
      expect(item.csat).toBeNull();
    }
    store.advance(CSAT_DELAY_MS);
    const rated = store.interactions(tenantId, tenantId)!.slice(0, 3);
    expect(rated.some((item) => item.csat !== null || item.lastDispositionId !== null)).toBe(true);
  });

  it('a clock behind the newest interaction cannot start one', () => {
    const store = new ReferenceStore({ seed: 'behind', clock: Date.UTC(2000, 0, 1) });
    store.addContact(tenantId, tenantId, 3);
    expect(() => store.beginInteractions(tenantId, tenantId)).toThrow(RangeError);
  });
});
