import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../generated/schema.js';
import type { spec } from '../generated/spec.js';
import {
  ApiError,
  type Auth,
  AuthenticationError,
  BadRequestError,
  type BasicAuth,
  type ClientOptions,
  ConnectionError,
  CredentialsError,
  type CxEngageError,
  createInteractionsClient,
  type DerivedClientOptions,
  defaultRegion,
  type ErrorBody,
  type GetInteractionParams,
  type Interaction,
  type InteractionPage,
  type InteractionRecord,
  type InteractionsClient,
  type InteractionWithDetails,
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
  type TokenAuth,
  type TokenExchangeAuth,
  type ValidationMode,
  withDetails,
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
    expectTypeOf<Auth>().toEqualTypeOf<BasicAuth | TokenExchangeAuth | TokenAuth>();
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

  it('auth: Basic, a fixed token, a token function, or the key and secret exchanged for a token', () => {
    expectTypeOf<BasicAuth>().toEqualTypeOf<{ username: string; password: string }>();
    expectTypeOf<TokenAuth['token']>().toEqualTypeOf<string | (() => string | Promise<string>)>();
    expectTypeOf<TokenExchangeAuth['exchange']>().toEqualTypeOf<'token'>();
    expectTypeOf<TokenExchangeAuth['tokenLifetimeMs']>().toEqualTypeOf<number | undefined>();
    createInteractionsClient({ auth: { username: 'k', password: 's', exchange: 'token' } });
    createInteractionsClient({ auth: { username: 'k', password: 's', exchange: 'token', tokenLifetimeMs: 3_600_000 } });
    createInteractionsClient({ auth: { token: () => 't' } });
    createInteractionsClient({ auth: { token: async () => 't' } });
    // @ts-expect-error the exchange takes the key and secret, not a token
    createInteractionsClient({ auth: { token: 't', exchange: 'token' } });
    // @ts-expect-error 'token' is the only exchange
    createInteractionsClient({ auth: { username: 'k', password: 's', exchange: 'bearer' } });
    // @ts-expect-error a token function returns a string (or a promise of one)
    createInteractionsClient({ auth: { token: () => 42 } });
  });

  it('per-call options override the client on one call and one iteration', () => {
    const client = createInteractionsClient({ auth: { token: 't' } });
    expectTypeOf<RequestOptions>().toEqualTypeOf<{
      signal?: AbortSignal;
      timeoutMs?: number;
      deadlineMs?: number;
      maxRetries?: number;
      validate?: ValidationMode;
    }>();
    void client.listInteractions({ tenantId: 't', contactId: 'c' }, { timeoutMs: 5, maxRetries: 0, validate: 'off' });
    void client.getInteraction({ tenantId: 't', interactionId: 'i' }, { deadlineMs: 5 });
    client.iterateInteractions({ tenantId: 't', contactId: 'c', timeoutMs: 5, maxRetries: 1, validate: 'warn' });
    // @ts-expect-error not a validation mode
    void client.listInteractions({ tenantId: 't', contactId: 'c' }, { validate: 'lenient' });
    // @ts-expect-error not a per-call option
    void client.listInteractions({ tenantId: 't', contactId: 'c' }, { region: 'eu-west-1' });
  });

  it('withOptions: a client with some behaviour changed, never auth or where it goes', () => {
    const client = createInteractionsClient({ auth: { token: 't' } });
    expectTypeOf(client.withOptions).parameter(0).toEqualTypeOf<DerivedClientOptions>();
    expectTypeOf(client.withOptions).returns.toEqualTypeOf<InteractionsClient>();
    expectTypeOf<keyof DerivedClientOptions>().toEqualTypeOf<
      'timeoutMs' | 'deadlineMs' | 'maxRetries' | 'maxRetryAfterMs' | 'validate' | 'logger' | 'logLevel' | 'userAgent'
    >();
    client.withOptions({ maxRetries: 5, userAgent: 'my-sync/1.0' });
    // @ts-expect-error auth cannot change: the token cache is shared
    client.withOptions({ auth: { token: 'other' } });
    // @ts-expect-error nor where calls go
    client.withOptions({ baseUrl: 'https://elsewhere.test/v1' });
  });

  it('getInteraction and withDetails', async () => {
    const client = createInteractionsClient({ auth: { token: 't' } });
    expectTypeOf(client.getInteraction).parameters.toEqualTypeOf<
      [GetInteractionParams, (RequestOptions | undefined)?]
    >();
    expectTypeOf(client.getInteraction).returns.resolves.toEqualTypeOf<InteractionRecord>();
    expectTypeOf(client.getInteractionWithResponse).returns.resolves.toEqualTypeOf<{
      data: InteractionRecord;
      response: Response;
    }>();
    expectTypeOf<InteractionRecord['interactionId']>().toEqualTypeOf<string>();
    // Typed as the vendor's samples show (keys without a value are left out, or null with green=false);
    // a key the samples show only as null stays open.
    expectTypeOf<InteractionRecord['flowName']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<InteractionRecord['interactionTime']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<InteractionRecord['ivrAbandoned']>().toEqualTypeOf<unknown>();
    expectTypeOf<NonNullable<InteractionRecord['segments']>[number]['segmentTime']>().toEqualTypeOf<
      number | null | undefined
    >();
    expectTypeOf<NonNullable<InteractionRecord['details']>['contactId']>().toEqualTypeOf<unknown>();
    const walk = client.iterateInteractions({ tenantId: 't', contactId: 'c' });
    for await (const item of withDetails(client, walk, { tenantId: 't', concurrency: 2 })) {
      expectTypeOf(item).toEqualTypeOf<InteractionWithDetails>();
      if (item.details === null) {
        expectTypeOf(item.error.kind).toEqualTypeOf<'not_found'>();
      } else {
        expectTypeOf(item.details).toEqualTypeOf<InteractionRecord>();
        expectTypeOf(item.error).toEqualTypeOf<undefined>();
      }
    }
    // @ts-expect-error the tenant is required
    withDetails(client, walk, { concurrency: 2 });
  });

  it('errors', () => {
    for (const E of [
      CredentialsError,
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
      | 'out_of_range'
    >();
    expectTypeOf<PaginationError['page']>().toEqualTypeOf<number>();
    expectTypeOf<PaginationError['expected']>().toEqualTypeOf<number | null>();
    expectTypeOf<PaginationError['actual']>().toEqualTypeOf<number | null>();
  });
});
