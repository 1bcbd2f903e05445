/**
 * @telehealth/api-client: a typed client of the gateway's REST API. Its types are generated from
 * the committed OpenAPI document (docs/openapi.json -> src/openapi.ts by `npm run openapi`), so a
 * route, field or status that changes there changes here, and code built on it stops compiling.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './openapi';

export type { components, paths };
/** The request and response bodies, by schema name: `Schemas['AppointmentDto']`. */
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** The gateway, e.g. https://api.example.health (the paths carry /v1). */
  baseUrl: string;
  /** An access token, or a function returning the current one (after a refresh). */
  token?: string | (() => string | undefined);
  /** Headers sent with every request (e.g. a correlation id). */
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
}

/** Sends the bearer token with every request that does not set its own Authorization. */
function bearer(token: NonNullable<ApiClientOptions['token']>): Middleware {
  return {
    onRequest({ request }) {
      const value = typeof token === 'function' ? token() : token;
      if (value && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  };
}

/**
 * A client whose every call is typed by the document: `client.POST('/v1/appointments', { body })`
 * checks the body and answers `{ data, error, response }` with `data` typed by the 2xx response
 * and `error` by the error body (`reason` says what to branch on; see docs/errors.md).
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, headers: options.headers, fetch: options.fetch });
  if (options.token) client.use(bearer(options.token));
  return client;
}
