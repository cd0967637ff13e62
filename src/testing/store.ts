/**
 * The reference API's in-memory state: tenants, contacts and their histories (most recent first), the
 * credentials it accepts (API keys, tokens given and tokens it issued, which expire by its clock), and
 * failures queued by tests. Mutate it between requests to simulate new activity or deletions while a
 * client walks the pages.
 */
import { spec } from '../../generated/spec.js';
import type { Interaction } from '../types.js';
import { ReferenceClock } from './clock.js';
import { ContactHistory } from './history.js';
import { interactionAt } from './interactions.js';
import { seededRandom, uuid } from './random.js';
import { TenantTimeline } from './timeline.js';

/** The permission the history route requires (`CONTACTS_INTERACTION_HISTORY_READ`, from the spec); without it, 403. */
export const REQUIRED_PERMISSION: string = spec.operations.listContactInteractions.permission;

/** Every permission an operation of the spec requires: what a credential may do unless told otherwise. */
export const ALL_PERMISSIONS: readonly string[] = [
  ...new Set(
    Object.values(spec.operations).flatMap((operation) => ('permission' in operation ? [operation.permission] : [])),
  ),
];

/** What Get a List of Interactions says of a tenant besides its interactions (`tenantName`, `tenantTimezone`). */
export interface TenantOptions {
  /** Default: `Tenant` and the first 8 characters of its id. */
  name?: string;
  /** A time-zone database name. Default: `UTC`. */
  timezone?: string;
}

/** A tenant: its name and time zone, its contacts, and the timeline of all their interactions. */
interface Tenant {
  name: string;
  timezone: string;
  contacts: Map<string, ContactHistory>;
  timeline: TenantTimeline;
  /** Interaction id → contact, for what listings served lately (oldest first). */
  listed: Map<string, string>;
}

/** How many listed interactions a tenant remembers the contact of. */
const LISTED_REMEMBERED = 100_000;

/** What a credential may do. `permissions` defaults to {@link ALL_PERMISSIONS}. */
export interface CredentialOptions {
  permissions?: readonly string[];
}

/** A token given with `addToken`: it may expire, by the store's clock. */
export interface TokenOptions extends CredentialOptions {
  /** When it stops being accepted (the store clock's ms); default never. */
  expiresAt?: number;
}

/** The three error-body shapes the vendor's own code reads. */
export type ErrorShape = 'string' | 'array' | 'object';

/** A failure the API answers instead of the next matching request(s). */
export interface QueuedFailure {
  status: number;
  /** Shape of the `error` body; by default the shape the API uses for that status. */
  shape?: ErrorShape;
  /** How many requests fail; default 1. */
  times?: number;
  /** Extra response headers, such as `Retry-After`. */
  headers?: Record<string, string>;
}

interface PendingFailure {
  status: number;
  times: number;
  headers: Record<string, string>;
  shape?: ErrorShape;
}

/** Options of a {@link ReferenceStore}. */
export interface StoreOptions {
  /** Seed for the interactions (and tokens) the store generates; the same seed gives the same data. */
  seed?: string | number;
  /** How long a token issued by `POST /v1/tokens` is accepted, in ms of the store's clock (see {@link ReferenceStore.advance}). Default: forever. */
  tokenLifetimeMs?: number;
  /** Where the store's clock starts, in ms since the epoch (see {@link ReferenceStore.now}). Default: the real time at creation. */
  clock?: number;
}

/** How long after an interaction ends its csat score comes in (when it gets one). */
export const CSAT_DELAY_MS = 30 * 60 * 1000;

/** The reference API's state. See the module comment. */
export class ReferenceStore {
  readonly seed: string;
  private readonly tenants = new Map<string, Tenant>();
  private readonly apiKeys = new Map<string, { secret: string; permissions: readonly string[] }>();
  private readonly tokens = new Map<string, { permissions: readonly string[]; expiresAt: number }>();
  private readonly failures: PendingFailure[] = [];
  private readonly tokenLifetimeMs: number;
  private issued = 0;
  private readonly clock: ReferenceClock;
  private begun = 0;

  constructor(options: StoreOptions = {}) {
    this.seed = String(options.seed ?? 'reference-api');
    const lifetime = options.tokenLifetimeMs ?? Infinity;
    if (!(lifetime > 0)) throw new RangeError('tokenLifetimeMs must be > 0');
    this.tokenLifetimeMs = lifetime;
    this.clock = new ReferenceClock(options.clock ?? Date.now());
  }

  /**
   * The store's clock, in ms since the epoch: live interactions ({@link ReferenceStore.beginInteractions})
   * start at it, and end as it is driven forward with {@link ReferenceStore.advance}. It never moves by itself.
   */
  now(): number {
    return this.clock.now();
  }

  /**
   * Moves the clock forward by `ms`: live interactions whose time has come end (`endTimestamp` and a
   * disposition are set), and csat scores due come in. Returns how many changes were applied.
   */
  advance(ms: number): number {
    return this.clock.advance(ms);
  }

  /**
   * `count` live interactions start now (all at the same `startTimestamp`), at the front of the contact's
   * list, open: `endTimestamp`, disposition and csat are null. Each ends after its generated duration (5 s
   * to 2 h) as the clock advances, with its generated disposition; those with a generated csat score get it
   * {@link CSAT_DELAY_MS} later. Deterministic for the store's seed. Returns them as they start.
   */
  beginInteractions(tenantId: string, contactId: string, count = 1): Interaction[] {
    const history = this.mustGet(tenantId, contactId);
    const now = this.clock.now();
    const newest = history.length > 0 ? Date.parse(history.slice(0, 1)[0]!.startTimestamp) : -Infinity;
    if (now < newest) throw new RangeError("the store clock is behind the contact's newest interaction");
    const started = new Date(now).toISOString();
    const planned = Array.from({ length: count }, () => interactionAt(`${this.seed}/live`, this.begun++));
    const fresh = planned.map((plan) => ({
      ...plan,
      startTimestamp: started,
      endTimestamp: null,
      lastDispositionId: null,
      lastDispositionName: null,
      csat: null,
    }));
    const arrived = history.arrive(fresh);
    for (const plan of planned) {
      const duration = plan.endTimestamp ? Date.parse(plan.endTimestamp) - Date.parse(plan.startTimestamp) : 600_000;
      const id = plan.interactionId;
      const { lastDispositionId, lastDispositionName, csat } = plan;
      this.clock.schedule(now + duration, () => {
        const endTimestamp = new Date(now + duration).toISOString();
        this.history(tenantId, contactId)?.update(id, { endTimestamp, lastDispositionId, lastDispositionName });
      });
      if (csat !== null) {
        this.clock.schedule(now + duration + CSAT_DELAY_MS, () =>
          this.history(tenantId, contactId)?.update(id, { csat }),
        );
      }
    }
    return arrived;
  }

  /**
   * Creates `count` contacts of a tenant, each with generated interactions (a number, or one per contact
   * from `interactions(i)`), as cheaply as {@link ReferenceStore.addContact}. Returns their ids, which are
   * deterministic for the store's seed and the tenant.
   */
  addContacts(tenantId: string, count: number, interactions: number | ((index: number) => number)): string[] {
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be an integer ≥ 0, got ${count}`);
    const random = seededRandom(`${this.seed}/${tenantId}/contacts`);
    return Array.from({ length: count }, (_, i) => {
      const contactId = uuid(random);
      this.put(tenantId, contactId, typeof interactions === 'number' ? interactions : interactions(i));
      return contactId;
    });
  }

  /**
   * Registers a tenant with no contacts yet (so its contacts 404 but the tenant exists), or changes the
   * name and time zone Get a List of Interactions gives for it.
   */
  addTenant(tenantId: string, options: TenantOptions = {}): void {
    const tenant = this.tenants.get(tenantId) ?? {
      name: `Tenant ${tenantId.slice(0, 8)}`,
      timezone: 'UTC',
      contacts: new Map(),
      timeline: new TenantTimeline(),
      listed: new Map(),
    };
    if (options.name !== undefined) tenant.name = options.name;
    if (options.timezone !== undefined) tenant.timezone = options.timezone;
    this.tenants.set(tenantId, tenant);
  }

  /**
   * Creates (or replaces) a contact with the given interactions, most recent first, or with `count`
   * generated ones (deterministic for the store's seed, tenant and contact; a generated history costs no
   * memory until it is changed, so a contact may have millions). Returns a copy of the first 1,000.
   */
  addContact(tenantId: string, contactId: string, interactions: readonly Interaction[] | number = 0): Interaction[] {
    return this.put(tenantId, contactId, interactions)
      .slice(0, 1_000)
      .map((item) => ({ ...item }));
  }

  private put(tenantId: string, contactId: string, interactions: readonly Interaction[] | number): ContactHistory {
    this.addTenant(tenantId);
    const seed = `${this.seed}/${tenantId}/${contactId}`;
    const history =
      typeof interactions === 'number'
        ? ContactHistory.generated(seed, interactions)
        : ContactHistory.of(seed, interactions);
    const tenant = this.tenants.get(tenantId)!;
    tenant.contacts.get(contactId)?.attach(undefined);
    tenant.contacts.set(contactId, history);
    history.attach(tenant.timeline.observe(contactId, seed));
    return history;
  }

  /** True when the tenant is known. */
  hasTenant(tenantId: string): boolean {
    return this.tenants.has(tenantId);
  }

  /** The contact's interactions, most recent first (a copy), or undefined for an unknown contact. */
  interactions(tenantId: string, contactId: string): Interaction[] | undefined {
    const history = this.history(tenantId, contactId);
    return history?.slice(0, history.length).map((item) => ({ ...item }));
  }

  /** The contact's history, uncopied, for the server. @internal */
  history(tenantId: string, contactId: string): ContactHistory | undefined {
    return this.tenants.get(tenantId)?.contacts.get(contactId);
  }

  /** The tenant's name, time zone and timeline, for the server. @internal */
  tenant(tenantId: string): Readonly<Pick<Tenant, 'name' | 'timezone' | 'timeline'>> | undefined {
    return this.tenants.get(tenantId);
  }

  /**
   * Adds interactions at the front of the contact's list, as new activity does on the real API:
   * `n` generated ones newer than every existing one, or the given ones (most recent first).
   * Returns the inserted interactions.
   */
  insertInteractions(
    tenantId: string,
    contactId: string,
    interactions: readonly Interaction[] | number,
  ): Interaction[] {
    return this.mustGet(tenantId, contactId).arrive(interactions);
  }

  /** Removes the given interactions (by id), or all of them when no ids are given. Returns how many went. */
  deleteInteractions(tenantId: string, contactId: string, interactionIds?: readonly string[]): number {
    return this.mustGet(tenantId, contactId).remove(interactionIds);
  }

  /** Accepts HTTP Basic with this API key and secret, and exchanges them for tokens (`POST /v1/tokens`). */
  addApiKey(key: string, secret: string, options: CredentialOptions = {}): void {
    this.apiKeys.set(key, { secret, permissions: options.permissions ?? ALL_PERMISSIONS });
  }

  /** Accepts `Authorization: Token <token>` (until `expiresAt`, if given). */
  addToken(token: string, options: TokenOptions = {}): void {
    this.tokens.set(token, {
      permissions: options.permissions ?? ALL_PERMISSIONS,
      expiresAt: options.expiresAt ?? Infinity,
    });
  }

  /**
   * What `POST /v1/tokens` does: a new token with the key's permissions, accepted for `tokenLifetimeMs`
   * from now; undefined for an unknown key or a wrong secret. Tokens are deterministic for the seed.
   */
  issueToken(key: string, secret: string): string | undefined {
    const permissions = this.permissionsForKey(key, secret);
    if (!permissions) return undefined;
    this.issued += 1;
    const random = seededRandom(`${this.seed}/token/${this.issued}`);
    const token = `ref-${this.issued}-${Array.from({ length: 24 }, () => Math.floor(random() * 36).toString(36)).join('')}`;
    this.addToken(token, { permissions, expiresAt: this.now() + this.tokenLifetimeMs });
    return token;
  }

  /** The permissions of a valid API key and secret, or undefined. @internal */
  permissionsForKey(key: string, secret: string): readonly string[] | undefined {
    const entry = this.apiKeys.get(key);
    return entry && entry.secret === secret ? entry.permissions : undefined;
  }

  /** The permissions of a valid token that has not expired, or undefined. @internal */
  permissionsForToken(token: string): readonly string[] | undefined {
    const entry = this.tokens.get(token);
    return entry && this.now() < entry.expiresAt ? entry.permissions : undefined;
  }

  /**
   * The interaction with this id among the tenant's contacts (a copy), and the contact it belongs to;
   * undefined when none has it. An interaction a listing served lately is looked for in its contact's
   * history first; otherwise every history of the tenant is searched (see `ContactHistory.find`).
   */
  findInteraction(
    tenantId: string,
    interactionId: string,
  ): { contactId: string; interaction: Interaction } | undefined {
    const tenant = this.tenants.get(tenantId);
    const listedBy = tenant?.listed.get(interactionId);
    const hint = listedBy === undefined ? undefined : tenant?.contacts.get(listedBy)?.find(interactionId);
    if (hint) return { contactId: listedBy!, interaction: { ...hint } };
    for (const [contactId, history] of tenant?.contacts ?? []) {
      const interaction = history.find(interactionId);
      if (interaction) return { contactId, interaction: { ...interaction } };
    }
    return undefined;
  }

  /**
   * Remembers which contact each interaction a listing served belongs to (the last 100,000), so that reading one of them by id next does not search a large tenant's
   * every history. @internal
   */
  noteListed(tenantId: string, listed: readonly { contactId: string; interaction: Interaction }[]): void {
    const remembered = this.tenants.get(tenantId)?.listed;
    if (!remembered) return;
    for (const { contactId, interaction } of listed) {
      remembered.delete(interaction.interactionId);
      remembered.set(interaction.interactionId, contactId);
    }
    for (const oldest of remembered.keys()) {
      if (remembered.size <= LISTED_REMEMBERED) break;
      remembered.delete(oldest);
    }
  }

  /** Makes the next request(s) fail with this status, whatever they ask for. */
  queueFailure(failure: QueuedFailure): void {
    const times = failure.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be a positive integer');
    this.failures.push({
      status: failure.status,
      times,
      headers: failure.headers ?? {},
      ...(failure.shape ? { shape: failure.shape } : {}),
    });
  }

  /** Takes one queued failure, if any. @internal */
  takeFailure(): Readonly<PendingFailure> | undefined {
    const next = this.failures[0];
    if (!next) return undefined;
    next.times -= 1;
    if (next.times === 0) this.failures.shift();
    return next;
  }

  private mustGet(tenantId: string, contactId: string): ContactHistory {
    const history = this.history(tenantId, contactId);
    if (!history) throw new Error(`unknown contact ${contactId} of tenant ${tenantId}; call addContact first`);
    return history;
  }
}
