/**
 * The personal-data vault for the registers and recommendations, through real HTTP: their
 * free text is stored as ciphertext only (events, read-model tables), opens for an
 * authorised reader of the integrity record and the recommendations list, a command
 * retried with its Idempotency-Key seals the same bytes, and after erasure of the register's
 * person and of `recommendation-<id>` it reads as erased, is in no table, export or log
 * line, while the ledger still verifies.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Response } from 'supertest';
import type { CaseCommand } from '../../src/cases/case.command-types';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { EventStore } from '../../src/event-store/event-store';
import { RECOMMENDATION_EVENT_DECLARATIONS } from '../../src/recommendations/recommendation.events';
import { recommendationPersonId } from '../../src/recommendations/recommendation.stream';
import { REGISTER_EVENT_DECLARATIONS } from '../../src/registers/registers.events';
import { isVaultEnvelope } from '../../src/vault/vault-envelope';
import { bearer, PROBLEM_JSON } from '../http/support';
import { post, sendCommand } from '../cases/support';
import type { TestApp } from '../support/app';
import { everyRegisterRoute, pathOf, registerIds } from '../registers/every-route';
import { dumpAllTables, occurrences, SEARCH_TEXT_TABLE, searchCaughtUp, startServiceCapturingLogs, vaultValuesOf } from './support';

const fieldsOf = (table: { readonly [type: string]: readonly PropertyKey[] }): Set<string> =>
  new Set(Object.values(table).flatMap((fields) => fields.map(String)));
const REGISTER_VAULT_FIELDS = REGISTER_EVENT_DECLARATIONS.vaultFields;
const RECOMMENDATION_VAULT_FIELDS = RECOMMENDATION_EVENT_DECLARATIONS.vaultFields;
const REGISTER_FIELDS = fieldsOf(REGISTER_VAULT_FIELDS);
const RECOMMENDATION_FIELDS = fieldsOf(RECOMMENDATION_VAULT_FIELDS);
const TAG = randomUUID().slice(0, 8);
const PURPOSE = 'Checking the personal-data vault';

/** `body` with each vault field's text made unique to this file, so finding it anywhere means it leaked. */
function tagged(body: Record<string, unknown>, fields: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, fields.has(key) && typeof value === 'string' ? `${value} [${TAG}]` : value]));
}

const IDS = registerIds();
/** The case a declared conflict of interest concerns: its export must not carry the register's text. */
const [OPENING] = SEED_STORIES[0].commands;
if (OPENING?.type !== 'ReceiveReferral') throw new Error('a seed story opens with a referral');
const CONFLICT_CASE: CaseCommand = { ...OPENING, caseId: randomUUID(), force: 'HAMPSHIRE' };
const STEPS = everyRegisterRoute(IDS).map((step) => ({
  ...step,
  body: tagged(step.event === 'ConflictOfInterestDeclared' ? { ...step.body, caseId: CONFLICT_CASE.caseId } : step.body, REGISTER_FIELDS),
}));
const REGISTER_VALUES = vaultValuesOf(
  STEPS.map((step) => step.body),
  REGISTER_FIELDS,
);
/** What the integrity record shows of them: not the reasons of a rescission or a vetting withdrawal. */
const SHOWN_REGISTER_VALUES = vaultValuesOf(
  STEPS.map((step) => step.body),
  new Set(['details', 'conditions', 'offeredBy', 'person']),
);

const MADE = tagged(
  { source: 'IOPC', madeOn: '2023-03-01', dueOn: '2023-09-01', text: 'Review how PC Zebedee Quartermain came to search the complainant’s neighbour on PNC' },
  RECOMMENDATION_FIELDS,
);
const RESPONDED = tagged({ respondedOn: '2023-04-20', accepted: true, response: 'Accepted: PC Quartermain’s team briefed' }, RECOMMENDATION_FIELDS);
const ACTED = tagged({ on: '2023-06-01', action: 'Briefing given at Winchester on 1 June' }, RECOMMENDATION_FIELDS);
const RECOMMENDATION_VALUES = vaultValuesOf([MADE, RESPONDED, ACTED], RECOMMENDATION_FIELDS);

describe('the personal-data vault for registers and recommendations', () => {
  let service: TestApp;
  let logs: string[];
  let lastPosition = '';
  let recommendationId = '';

  const reader = () => bearer(service.config, { userId: 'acu-reader', roles: ['ACU_INVESTIGATOR'], force: 'HAMPSHIRE' });
  const admin = () => bearer(service.config, { userId: 'admin-1', roles: ['ADMIN'], force: 'HAMPSHIRE' });
  const auditor = () => bearer(service.config, { userId: 'auditor-1', roles: ['AUDITOR'], force: '*' });
  const allValues = () => [...REGISTER_VALUES, ...RECOMMENDATION_VALUES];

  /** POST under /api/v1 as a PSD investigator of Hampshire; 201 expected unless told. */
  async function send(path: string, body: object, options: { expected?: number; headers?: Record<string, string> } = {}): Promise<Response> {
    const response = await post(service, path, body, { headers: options.headers });
    expect({ path, status: response.status }).toEqual({ path, status: options.expected ?? 201 });
    if (response.status === 201) lastPosition = String(response.headers['x-ledger-position']);
    return response;
  }
  const integrityRecord = () =>
    service
      .http()
      .get(`/api/v1/people/${IDS.personId}/integrity-record`)
      .set('Authorization', reader())
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', lastPosition);
  const recommendations = () =>
    service
      .http()
      .get('/api/v1/recommendations?force=HAMPSHIRE')
      .set('Authorization', bearer(service.config, { roles: ['INSPECTOR'], force: '*' }))
      .set('X-Wait-For-Position', lastPosition);
  const caseExport = () => service.http().get(`/api/v1/cases/${CONFLICT_CASE.caseId}/export`).set('Authorization', auditor()).set('X-Access-Purpose', PURPOSE);
  /** Asked by one ADMIN and approved by a second (the service runs with no waiting period): the approval's answer. */
  const erase = async (personId: string) => {
    const step = (path: string, authorization: string) =>
      service
        .http()
        .post(`/api/v1/people/${personId}/erasure${path}`)
        .set('Authorization', authorization)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ reason: 'Right to erasure, UK GDPR art. 17: request granted' }));
    expect((await step('', admin())).status).toBe(201);
    return step('/approval', bearer(service.config, { userId: 'admin-2', roles: ['ADMIN'], force: 'HAMPSHIRE' }));
  };
  const stream = (name: string) => service.app.get(EventStore).readStream(name);

  /**
   * Sends `body` with an Idempotency-Key, forgets the stored answer (as if the service died
   * after the append, before answering), and sends it again: the handler runs again with
   * the same event ids, and the store takes the retry only if the sealed bytes are the same.
   */
  async function retriedAfterLostAnswer(path: string, body: object): Promise<[Response, Response]> {
    const key = randomUUID();
    const first = await send(path, body, { headers: { 'Idempotency-Key': key } });
    const client = new Client({ connectionString: service.database.url });
    await client.connect();
    try {
      expect((await client.query('DELETE FROM idempotency_keys WHERE idempotency_key = $1', [key])).rowCount).toBe(1);
    } finally {
      await client.end();
    }
    return [first, await send(path, body, { headers: { 'Idempotency-Key': key } })];
  }

  beforeAll(async () => {
    ({ service, logs } = await startServiceCapturingLogs());
    expect((await sendCommand(service, CONFLICT_CASE, { force: 'HAMPSHIRE' })).status).toBe(201);
    for (const step of STEPS) await send(pathOf(step.route, IDS), step.body);
    const made = await send('recommendations', MADE);
    recommendationId = String(made.body.recommendationId);
    await send(`recommendations/${recommendationId}/response`, RESPONDED);
    await send(`recommendations/${recommendationId}/actions`, ACTED);
  });

  afterAll(async () => {
    await service.close();
  });

  it('stores each vault field as an envelope under the register person’s key, or the recommendation’s', async () => {
    expect(REGISTER_VALUES.length).toBeGreaterThanOrEqual(7);
    expect(RECOMMENDATION_VALUES).toHaveLength(3);
    const stored = [...(await stream(`person-${IDS.personId}`)), ...(await stream(`recommendation-${recommendationId}`))];
    const vaultFieldsOf = (type: string): readonly PropertyKey[] =>
      (({ ...REGISTER_VAULT_FIELDS, ...RECOMMENDATION_VAULT_FIELDS }) as Record<string, readonly PropertyKey[]>)[type] ?? [];
    const sealed = stored.flatMap((event) =>
      vaultFieldsOf(event.type)
        .map(String)
        .filter((field) => Object.hasOwn(event.data, field))
        .map((field) => event.data[field]),
    );
    expect(sealed).toHaveLength(REGISTER_VALUES.length + RECOMMENDATION_VALUES.length);
    expect(sealed.filter((value) => !isVaultEnvelope(value))).toEqual([]);
    expect(new Set(sealed.map((value) => (isVaultEnvelope(value) ? value.personId : null)))).toEqual(
      new Set([IDS.personId, recommendationPersonId(recommendationId)]),
    );
  });

  it('keeps no register or recommendation text in clear in any table but the search read model, ledger_events and the read models included', async () => {
    expect((await integrityRecord()).status).toBe(200);
    expect((await recommendations()).status).toBe(200);
    const dump = await dumpAllTables(service.database.url, { except: SEARCH_TEXT_TABLE });
    expect(dump).toContain('ledger_events');
    expect(dump).toMatch(/integrity_record/);
    expect(dump).toMatch(/recommendations/);
    expect(occurrences(dump, allValues())).toEqual([]);
  });

  it('opens the register text for an authorised reader of the integrity record', async () => {
    const { body } = await integrityRecord().expect(200);
    expect(SHOWN_REGISTER_VALUES).toHaveLength(6);
    expect(occurrences(JSON.stringify(body), REGISTER_VALUES)).toEqual(SHOWN_REGISTER_VALUES);
    expect(JSON.stringify(body)).not.toContain('"$vault"');
    const [first] = body.businessInterests;
    expect(first).toMatchObject({ details: STEPS[0].body.details, conditions: STEPS[1].body.conditions });
    expect(body.associations[0].person).toBe(STEPS.find((step) => step.event === 'NotifiableAssociationDeclared')?.body.person);
  });

  it('opens the recommendation text for a reader of the recommendations list', async () => {
    const { body } = await recommendations().expect(200);
    expect(body.items).toEqual([
      expect.objectContaining({ recommendationId, text: MADE.text, response: RESPONDED.response, actions: [{ on: ACTED.on, action: ACTED.action }] }),
    ]);
  });

  it('appends a retried gift and recommendation action once: the retry seals the same bytes', async () => {
    const gift = tagged(
      { offeredOn: '2024-01-05', kind: 'GIFT', estimatedValuePence: 2500, offeredBy: 'Mrs Alba Quince of Quince Florists', decision: 'DECLINED_AT_TIME' },
      REGISTER_FIELDS,
    );
    const [first, again] = await retriedAfterLostAnswer(`people/${IDS.personId}/gifts-and-hospitality`, gift);
    expect(again.body.events).toEqual(first.body.events);
    const gifts = (await stream(`person-${IDS.personId}`)).filter((event) => event.type === 'GiftOrHospitalityOffered');
    expect(gifts).toHaveLength(2);
    expect(gifts.filter((event) => event.eventId === first.body.events[0].eventId)).toHaveLength(1);

    const action = tagged({ on: '2023-07-01', action: 'Second briefing at Basingstoke' }, RECOMMENDATION_FIELDS);
    const [made, remade] = await retriedAfterLostAnswer(`recommendations/${recommendationId}/actions`, action);
    expect(remade.body.events).toEqual(made.body.events);
    expect((await stream(`recommendation-${recommendationId}`)).filter((event) => event.eventId === made.body.events[0].eventId)).toHaveLength(1);
  });

  describe('after the register person and the recommendation are erased', () => {
    beforeAll(async () => {
      expect((await erase(IDS.personId)).status).toBe(201);
      expect((await erase(recommendationPersonId(recommendationId))).status).toBe(201);
      // Recorded after the erasure, so the read models have seen everything there is.
      await send(`people/${IDS.personId}/drug-tests`, { testedOn: '2024-09-09', kind: 'RANDOM', result: 'NEGATIVE' });
    });

    it('shows every register text as { erased: true } in the integrity record, the entries staying', async () => {
      const { body } = await integrityRecord().expect(200);
      expect(body.businessInterests.map((interest: { details: unknown; conditions: unknown }) => [interest.details, interest.conditions])).toEqual([
        [{ erased: true }, { erased: true }],
        [{ erased: true }, null],
      ]);
      expect(body.associations.map((association: { person: unknown }) => association.person)).toEqual([{ erased: true }]);
      expect(body.giftsAndHospitality.map((gift: { offeredBy: unknown }) => gift.offeredBy)).toEqual([{ erased: true }, { erased: true }]);
      expect(body.conflictsOfInterest.map((conflict: { details: unknown }) => conflict.details)).toEqual([{ erased: true }]);
      expect(body.drugTests).toHaveLength(2);
      expect(occurrences(JSON.stringify(body), allValues())).toEqual([]);
    });

    it('shows the recommendation’s text, response and actions as { erased: true }, its dates and status staying', async () => {
      const { body } = await recommendations().expect(200);
      expect(body.items).toEqual([
        expect.objectContaining({
          recommendationId,
          status: 'ACCEPTED',
          dueOn: '2023-09-01',
          text: { erased: true },
          response: { erased: true },
          actions: [
            { on: ACTED.on, action: { erased: true } },
            { on: '2023-07-01', action: { erased: true } },
          ],
        }),
      ]);
    });

    it('leaves the values in no table (the search read model included), no export and no log line', async () => {
      await searchCaughtUp(service, lastPosition, reader());
      const dump = await dumpAllTables(service.database.url);
      expect(occurrences(dump, allValues())).toEqual([]);
      const exported = await caseExport().expect(200);
      expect(exported.body.events.length).toBeGreaterThan(0);
      expect(occurrences(JSON.stringify(exported.body), allValues())).toEqual([]);
      expect(logs.some((line) => line.includes('/integrity-record'))).toBe(true);
      expect(occurrences(logs.join('\n'), allValues())).toEqual([]);
    });

    it('still verifies: the hashes cover the ciphertext, which stays', async () => {
      const { body } = await service.http().get('/api/v1/ledger/verify').set('Authorization', auditor()).expect(200);
      expect(body).toMatchObject({ ok: true, mismatchCount: 0 });
    });

    it('refuses new free text for the erased person and recommendation (409)', async () => {
      const refused = await send(
        `people/${IDS.personId}/gifts-and-hospitality`,
        { offeredOn: '2024-09-10', kind: 'GIFT', estimatedValuePence: 100, offeredBy: 'A firm', decision: 'ACCEPTED' },
        { expected: 409 },
      );
      expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(refused.body.type).toMatch(/personal-data-erased$/);
      await send(`recommendations/${recommendationId}/actions`, { on: '2023-08-01', action: 'A third briefing' }, { expected: 409 });
    });
  });
});
