/**
 * The spec's path templates as a test needs them: filled in, for a raw request to the reference API (or an
 * expectation of what a client sent), and as a pattern, for the server's route table or a test's own fake.
 * Every path the kit, the tests and the bench use is read from `generated/spec.ts` through here, never typed.
 */
import { spec } from '../../generated/spec.js';
import type { OperationId } from './options.js';

/** The real API's base path (`/v1`), read from the spec's servers: every route is served under it. */
export const apiBasePath = new URL(spec.regions[spec.defaultRegion]).pathname.replace(/\/$/, '');

/**
 * The path of `operationId` with its template's parameters put in, e.g.
 * `operationPath('getInteraction', { tenantId, interactionId })` → `/tenants/…/interactions/…`. Values go
 * in as given (encode those that need it; uuids do not); a missing one throws.
 */
export function operationPath(operationId: OperationId, params: Readonly<Record<string, string>>): string {
  return spec.operations[operationId].path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${operationId} needs the path parameter ${name}`);
    return value;
  });
}

/**
 * A pattern matching `operationId`'s path at the end of a pathname, capturing its parameters (undecoded) in
 * template order; with `prefix`, the pathname must be exactly `prefix` + the path.
 */
export function pathPattern(operationId: OperationId, prefix?: string): RegExp {
  const path = spec.operations[operationId].path.replace(/\{[^}]+\}/g, '([^/]+)');
  const start = prefix === undefined ? '' : `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
  return new RegExp(`${start}${path}$`);
}
