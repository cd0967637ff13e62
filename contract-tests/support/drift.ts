/**
 * Drift switches for the contract suite: each breaks one documented rule of the history route on
 * purpose, through the reference API's generic `transformPage` hook, so the tests can prove that the
 * contract checks notice. They live here, not in the shipped testing kit: only this repository needs them.
 */
import type { Interaction, InteractionPage, PageContext, ReferenceApiOptions } from '../../src/testing/index.ts';

/**
 * - `field-renamed`: `interactionId` is sent as `interactionID`;
 * - `type-changed`: `note` is sent as a boolean instead of 0/1;
 * - `offset-off-by-one`: `offset` is `page * limit + 1`;
 * - `page-not-echoed`: `page` is `null` even when the request sent one;
 * - `duplicate-across-pages`: every page after the first repeats the previous page's last item;
 * - `oldest-first`: results come oldest first.
 */
export const driftModes = [
  'field-renamed',
  'type-changed',
  'offset-off-by-one',
  'page-not-echoed',
  'duplicate-across-pages',
  'oldest-first',
] as const;
export type Drift = (typeof driftModes)[number];

function applyDrift(drift: Drift, page: InteractionPage, { history, limit, page: index }: PageContext): unknown {
  const start = index * limit;
  switch (drift) {
    case 'field-renamed':
      return {
        ...page,
        results: page.results.map(({ interactionId, ...rest }) => ({ ...rest, interactionID: interactionId })),
      };
    case 'type-changed':
      return { ...page, results: page.results.map((item) => ({ ...item, note: item.note === 1 })) };
    case 'offset-off-by-one':
      return { ...page, offset: page.offset + 1 };
    case 'page-not-echoed':
      return { ...page, page: null };
    case 'duplicate-across-pages':
      return start > 0 ? { ...page, results: history.slice(start - 1, start - 1 + limit) } : page;
    case 'oldest-first': {
      const all: Interaction[] = history.slice(0, history.length).reverse();
      return { ...page, results: all.slice(start, start + limit) };
    }
  }
}

/** A `transformPage` hook that breaks `drift` for every tenant, or per tenant id (others behave). */
export function drifting(
  drift: Drift | Readonly<Record<string, Drift>>,
): NonNullable<ReferenceApiOptions['transformPage']> {
  return (page, context) => {
    const chosen = typeof drift === 'string' ? drift : drift[context.tenantId];
    return chosen ? applyDrift(chosen, page, context) : page;
  };
}
