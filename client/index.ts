/**
 * A typed client of the service, generated from its OpenAPI document
 * (docs/generated/openapi.json) by openapi-typescript: `npm run client` writes ledger-api.ts
 * anew, and test/openapi/contract.test.ts fails when it is stale. Every path, parameter,
 * body and answer is typed; a force's own systems can copy this folder, or generate their
 * own from the document (README, "A client of your own").
 *
 *   const ledger = createLedgerClient({ baseUrl: 'https://ledger.example.police.uk', token });
 *   const { data, error } = await ledger.GET('/api/v1/cases/{caseId}', {
 *     params: { path: { caseId }, header: { 'X-Access-Purpose': 'Reviewing the case file' } },
 *   });
 */
import createClient from 'openapi-fetch';
import type { Client } from 'openapi-fetch';
import type { components, paths } from './ledger-api';

export type { components, operations, paths } from './ledger-api';

/** The body of an error (problem+json). */
export type Problem = components['schemas']['Problem'];

export type LedgerClient = Client<paths>;

/** A client sending the bearer token on every request. */
export function createLedgerClient(options: { baseUrl: string; token: string }): LedgerClient {
  return createClient<paths>({ baseUrl: options.baseUrl, headers: { Authorization: `Bearer ${options.token}` } });
}
