import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../generated/schema.js';
import type { spec } from '../generated/spec.js';
import {
  ApiError,
  type Auth,
  AuthenticationError,
  BadRequestError,
  type ClientOptions,
  ConnectionError,
  type CxEngageError,
  createInteractionsClient,
  defaultRegion,
  type ErrorBody,
  type Interaction,
  type InteractionPage,
  type InteractionsClient,
  InvalidInputError,
  InvalidResponseError,
  type IterateParams,
  type ListParams,
  type Logger,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  type Region,
  type RequestOptions,
  ResponseValidationError,
  regions,
  ServerError,
  TimeoutError,
  type ValidationMode,
} from '../src/index.js';

describe('public surface', () => {
  it('createInteractionsClient', () => {
    expectTypeOf(createInteractionsClient).parameter(0).toEqualTypeOf<ClientOptions>();
    expectTypeOf(createInteractionsClient).returns.toEqualTypeOf<InteractionsClient>();
    // The spec's region names, as literals (never widened to string).
    expectTypeOf<Region>().toEqualTypeOf<keyof typeof spec.regions>();
    expectTypeOf<string>().not.toMatchTypeOf<Region>();
    expectTypeOf(regions).toEqualTypeOf<Record<Region, string>>();
    expectTypeOf(defaultRegion).toEqualTypeOf<Region>();
    expectTypeOf<ValidationMode>().toEqualTypeOf<'off' | 'warn' | 'strict'>();
    expectTypeOf<Auth>().toEqualTypeOf<{ username: string; password: string } | { token: string }>();
    expectTypeOf<ClientOptions['region']>().toEqualTypeOf<Region | undefined>();
    expectTypeOf<ClientOptions['logger']>().toEqualTypeOf<Logger | undefined>();
    // @ts-expect-error auth is required
    createInteractionsClient({});
    // @ts-expect-error unknown region
    createInteractionsClient({ auth: { token: 't' }, region: 'ap-south-1' });
  });

  it('one page', () => {
    const client = createInteractionsClient({ auth: { token: 't' } });
    expectTypeOf(client.listInteractions).parameters.toEqualTypeOf<[ListParams, (RequestOptions | undefined)?]>();
    expectTypeOf(client.listInteractions).returns.resolves.toEqualTypeOf<InteractionPage>();
    expectTypeOf(client.listInteractionsWithResponse).returns.resolves.toEqualTypeOf<{
      data: InteractionPage;
      response: Response;
    }>();
    expectTypeOf<ListParams>().toEqualTypeOf<{ tenantId: string; contactId: string; limit?: number; page?: number }>();
    // @ts-expect-error contactId is required
    void client.listInteractions({ tenantId: 'x' });
  });

  it('iterators', () => {
    const client = createInteractionsClient({ auth: { token: 't' } });
    expectTypeOf(client.iterateInteractions).parameter(0).toEqualTypeOf<IterateParams>();
    expectTypeOf(client.iterateInteractions).returns.toEqualTypeOf<AsyncIterableIterator<Interaction>>();
    expectTypeOf(client.iteratePages).returns.toEqualTypeOf<AsyncIterableIterator<InteractionPage>>();
    expectTypeOf<IterateParams['signal']>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<IterateParams['maxPages']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<IterateParams['deadlineMs']>().toEqualTypeOf<number | undefined>();
  });

  it('Interaction and page fields come from the spec', () => {
    expectTypeOf<InteractionPage['results']>().toEqualTypeOf<Interaction[]>();
    expectTypeOf<InteractionPage['page']>().toEqualTypeOf<number | null>();
    expectTypeOf<InteractionPage['total']>().toEqualTypeOf<number>();
    expectTypeOf<Interaction['interactionId']>().toEqualTypeOf<string>();
    expectTypeOf<Interaction['endTimestamp']>().toEqualTypeOf<string | null>();
    // The spec's enums, kept as literal unions (never widened to string or number).
    type Schema = components['schemas']['Interaction'];
    expectTypeOf<Interaction['channelType']>().toEqualTypeOf<Schema['channelType']>();
    expectTypeOf<string>().not.toMatchTypeOf<Interaction['channelType']>();
    expectTypeOf<Interaction['directionType']>().toEqualTypeOf<Schema['directionType']>();
    expectTypeOf<string>().not.toMatchTypeOf<Interaction['directionType']>();
    expectTypeOf<Interaction['note']>().toEqualTypeOf<Schema['note']>();
    expectTypeOf<number>().not.toMatchTypeOf<Interaction['note']>();
    expectTypeOf<Interaction['csat']>().toEqualTypeOf<number | null>();
    expectTypeOf<Interaction['somethingUndocumented']>().toEqualTypeOf<unknown>();
    expectTypeOf<ErrorBody['error']>().toMatchTypeOf<string | string[] | object>();
  });

  it('errors', () => {
    for (const E of [
      InvalidInputError,
      ApiError,
      ConnectionError,
      TimeoutError,
      InvalidResponseError,
      ResponseValidationError,
      PaginationError,
    ]) {
      expectTypeOf(E.prototype).toMatchTypeOf<CxEngageError>();
    }
    for (const E of [
      BadRequestError,
      AuthenticationError,
      PermissionDeniedError,
      NotFoundError,
      RateLimitError,
      ServerError,
    ]) {
      expectTypeOf(E.prototype).toMatchTypeOf<ApiError>();
    }
    expectTypeOf<CxEngageError>().toMatchTypeOf<Error>();
    expectTypeOf<ApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<ApiError['kind']>().toEqualTypeOf<
      'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'rate_limited' | 'server_error' | 'unexpected_status'
    >();
    expectTypeOf<NotFoundError['kind']>().toEqualTypeOf<'not_found'>();
    expectTypeOf<ApiError['code']>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf<ApiError['fieldErrors']>().toEqualTypeOf<Record<string, string[]>>();
    expectTypeOf<ApiError['headers']>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<ApiError['body']>().toEqualTypeOf<unknown>();
    expectTypeOf<InvalidInputError['param']>().toEqualTypeOf<string>();
    expectTypeOf<ResponseValidationError['pointer']>().toEqualTypeOf<string>();
    expectTypeOf<TimeoutError['scope']>().toEqualTypeOf<'attempt' | 'deadline' | 'walk'>();
    expectTypeOf<PaginationError['code']>().toEqualTypeOf<
      | 'page_mismatch'
      | 'offset_mismatch'
      | 'page_size_mismatch'
      | 'oversized_page'
      | 'short_page'
      | 'total_mismatch'
      | 'total_shrank'
      | 'no_new_ids'
      | 'duplicate_ids'
      | 'overlap_mismatch'
      | 'out_of_order'
      | 'ids_missing'
      | 'page_bound_exceeded'
      | 'max_pages_exceeded'
    >();
    expectTypeOf<PaginationError['page']>().toEqualTypeOf<number>();
    expectTypeOf<PaginationError['expected']>().toEqualTypeOf<number | null>();
    expectTypeOf<PaginationError['actual']>().toEqualTypeOf<number | null>();
  });
});
