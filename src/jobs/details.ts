/**
 * Enriching a walk with each interaction's details (Get a Specific Interaction), a bounded number of calls
 * at a time, in the walk's order. A standalone function over any iterable of interactions (a walk, a page,
 * a saved list), so clients that never ask for details carry none of this. An interaction whose details
 * answer 404 is yielded with `details: null` and the error, never dropped; any other failure ends the
 * enrichment with its error, after the interactions before it.
 */

import type { InteractionsClient } from '../client/types.js';
import { InvalidInputError } from '../errors.js';
import { NotFoundError } from '../http/failures.js';
import { checkCallOptions } from '../http/options.js';
import { linkSignal } from '../http/signals.js';
import type { Interaction } from '../types.js';
import { checkInteractionParams, checkSignal } from '../validation/params.js';
import type { DetailsOptions, InteractionWithDetails } from './types.js';

/** A well-formed id that stands in for the interaction ids while `tenantId` is checked. */
const ANY_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Yields `{ interaction, details }` for every interaction of `interactions`, in order, with up to
 * `concurrency` (default 4) detail calls in flight. Bad options throw {@link InvalidInputError} at once,
 * before anything is read or sent. Ending the loop early aborts the detail calls in flight and closes
 * `interactions`.
 *
 * @example
 * const walk = client.iterateInteractions({ tenantId, contactId, last: 50 });
 * for await (const { interaction, details, error } of withDetails(client, walk, { tenantId })) {
 *   console.log(interaction.interactionId, details?.flowName ?? error?.message);
 * }
 */
export function withDetails(
  client: Pick<InteractionsClient, 'getInteraction'>,
  interactions: AsyncIterable<Interaction> | Iterable<Interaction>,
  options: DetailsOptions,
): AsyncGenerator<InteractionWithDetails, void, undefined> {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidInputError('options', typeof options, 'must be an object');
  }
  const { tenantId, concurrency = 4, signal, ...call } = options;
  checkInteractionParams({ tenantId, interactionId: ANY_ID });
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new InvalidInputError('concurrency', concurrency, 'must be an integer ≥ 1');
  }
  checkCallOptions(call);
  return enrich(client, interactions, { tenantId, concurrency, signal: checkSignal(signal), call });
}

async function* enrich(
  client: Pick<InteractionsClient, 'getInteraction'>,
  interactions: AsyncIterable<Interaction> | Iterable<Interaction>,
  {
    tenantId,
    concurrency,
    signal,
    call,
  }: Required<Pick<DetailsOptions, 'tenantId' | 'concurrency'>> & {
    signal: AbortSignal | undefined;
    call: Omit<DetailsOptions, 'tenantId' | 'concurrency' | 'signal'>;
  },
): AsyncGenerator<InteractionWithDetails, void, undefined> {
  if (signal?.aborted) throw signal.reason;
  const controller = new AbortController();
  const unlink = linkSignal(controller, signal);
  const source =
    Symbol.asyncIterator in interactions
      ? interactions[Symbol.asyncIterator]()
      : (interactions as Iterable<Interaction>)[Symbol.iterator]();
  const inFlight: Promise<InteractionWithDetails>[] = [];
  let exhausted = false;

  const lookUp = (interaction: Interaction): Promise<InteractionWithDetails> => {
    const promise = client
      .getInteraction({ tenantId, interactionId: interaction.interactionId }, { ...call, signal: controller.signal })
      .then(
        (details) => ({ interaction, details }),
        (error: unknown) => {
          if (error instanceof NotFoundError) return { interaction, details: null, error };
          throw error;
        },
      );
    promise.catch(() => {}); // awaited in order below, or abandoned when the loop ends
    return promise;
  };

  try {
    for (;;) {
      while (!exhausted && inFlight.length < concurrency) {
        const next = await source.next();
        if (next.done) exhausted = true;
        else inFlight.push(lookUp(next.value));
      }
      const first = inFlight.shift();
      if (!first) return;
      yield await first;
    }
  } finally {
    controller.abort(new DOMException('The enrichment ended', 'AbortError'));
    unlink();
    if (!exhausted) await source.return?.();
  }
}
