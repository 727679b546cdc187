/**
 * Issue 18 point 1, through real HTTP on a real PostgreSQL: GET /search finds a case by a word
 * of its summary, a person by a misspelt surname and a register entry by its associate's name,
 * for a PSD investigator of the force; the same search as another force's user, as the subject
 * of the case, and after the erasure of the case's and the person's data finds nothing of them;
 * hidden documents (a covert case) are not counted; each result returned is recorded as a read
 * with the search's purpose.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Response } from 'supertest';
import type { CaseCommand } from '../../src/cases/case.command-types';
import { EventStore } from '../../src/event-store/event-store';
import { accessStreamName } from '../../src/access-log/access.events';
import { casePersonId } from '../../src/vault/case-person';
import type { Role } from '../../src/http';
import { bearer } from '../http/support';
import { FORCE, post, sendCommand, serviceForThisFile } from '../cases/support';

const PURPOSE = 'Checking whether we have seen this officer before';
const CASE_ID = randomUUID();
const COVERT_ID = randomUUID();
const OFFICER = randomUUID();
const SUBJECT = randomUUID();
const NO_FLAGS = { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false };

const referral = (caseId: string, sensitivity: 'STANDARD' | 'COVERT', summary: string): CaseCommand => ({
  type: 'ReceiveReferral',
  caseId,
  force: FORCE,
  receivedOn: '2025-03-03',
  source: 'INTELLIGENCE',
  caseType: 'CORRUPTION_INTELLIGENCE',
  summary,
  anonymousSource: false,
  sensitivity,
  corruptionCategories: ['THEFT'],
  flags: { ...NO_FLAGS, violenceAgainstWomenAndGirls: sensitivity === 'STANDARD' },
});

describe('search', () => {
  const service = serviceForThisFile({ LEDGER_ERASURE_DELAY_SECONDS: '0' });
  let lastPosition = '';

  async function sent(response: Promise<Response>): Promise<Response> {
    const answer = await response;
    expect(answer.status).toBe(201);
    lastPosition = String(answer.headers['x-ledger-position']);
    return answer;
  }

  function search(query: Record<string, string>, reader: { userId?: string; roles?: Role[]; force?: string } = {}) {
    return service.app
      .http()
      .get(`/api/v1/search?${new URLSearchParams(query).toString()}`)
      .set('Authorization', bearer(service.app.config, { userId: 'psd-reader', roles: ['PSD_INVESTIGATOR'], force: FORCE, ...reader }))
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', lastPosition);
  }

  const found = (response: Response) =>
    (response.body.results as { kind: string; caseId: string | null; personId: string | null }[]).map((result) => result.kind);

  beforeAll(async () => {
    const app = service.app;
    await sent(sendCommand(app, referral(CASE_ID, 'STANDARD', 'Seized cash missing from the Basingstoke property store after a night shift')));
    await sent(
      sendCommand(app, {
        type: 'AddSubject',
        caseId: CASE_ID,
        subjectId: SUBJECT,
        personId: OFFICER,
        workforceType: 'POLICE_OFFICER',
        rank: 'CONSTABLE',
        lengthOfServiceMonths: 60,
        unit: 'Response',
      }),
    );
    await sent(
      sendCommand(app, {
        type: 'RecordAllegation',
        caseId: CASE_ID,
        allegationId: randomUUID(),
        subjectId: SUBJECT,
        summary: 'PC Harrowgate signed the exhibit out and did not return it',
        standards: ['HONESTY_AND_INTEGRITY'],
        corruptionCategory: 'THEFT',
      }),
    );
    // A covert case PSD may not know of: it matches the same words and must not be counted.
    await sent(sendCommand(app, referral(COVERT_ID, 'COVERT', 'Intelligence that property store exhibits are sold on by PC Harrowgate')));
    await sent(
      post(app, `people/${OFFICER}/associations`, {
        associationId: randomUUID(),
        declaredOn: '2024-11-01',
        nature: 'FRIEND',
        person: 'Declan Fitzmaurice, a scrap-metal dealer',
      }),
    );
  });

  it('finds a case by a word of its summary, and does not count the covert case it may not see', async () => {
    const response = await search({ q: 'basingstoke property' }).expect(200);
    expect(response.body.results).toEqual([expect.objectContaining({ kind: 'case', caseId: CASE_ID, force: FORCE, stage: expect.any(String) })]);
    expect(response.body.total).toBe(1);
    const words = await search({ q: 'property store' }).expect(200);
    expect(words.body.results.map((result: { caseId: string }) => result.caseId)).not.toContain(COVERT_ID);
    expect(words.body.total).toBe(words.body.results.length);
    // An ACU investigator may see the covert case: the same words find it.
    const acu = await search({ q: 'property store' }, { roles: ['ACU_INVESTIGATOR'] }).expect(200);
    expect(acu.body.results.map((result: { caseId: string }) => result.caseId)).toContain(COVERT_ID);
    expect(acu.body.total).toBe(words.body.total + 1);
  });

  it('finds a person in the case by a misspelt surname', async () => {
    const response = await search({ q: 'Harowgate' }).expect(200);
    expect(response.body.fuzzy).toBe(true);
    expect(response.body.results).toContainEqual(expect.objectContaining({ kind: 'person', personId: OFFICER, caseId: CASE_ID }));
    expect(response.body.results.map((result: { caseId: string }) => result.caseId)).not.toContain(COVERT_ID);
  });

  it("finds a register entry by its associate's name", async () => {
    const response = await search({ q: 'Fitzmaurice' }).expect(200);
    expect(response.body.results).toEqual([
      expect.objectContaining({ kind: 'register-entry', personId: OFFICER, entry: 'NOTIFIABLE_ASSOCIATION', force: FORCE }),
    ]);
    expect(response.body.total).toBe(1);
  });

  it('filters by flag, kind and dates', async () => {
    expect(found(await search({ q: 'Harrowgate', flag: 'VIOLENCE_AGAINST_WOMEN_AND_GIRLS' }).expect(200)).sort()).toEqual(['case', 'person']);
    expect(found(await search({ q: 'Harrowgate', kind: 'person' }).expect(200))).toEqual(['person']);
    expect((await search({ q: 'Harrowgate', flag: 'APSP' }).expect(200)).body.total).toBe(0);
    expect(found(await search({ q: 'Fitzmaurice', kind: 'case' }).expect(200))).toEqual([]);
    expect((await search({ q: 'Fitzmaurice', from: '2024-12-01' }).expect(200)).body.total).toBe(0);
    expect((await search({ q: 'Fitzmaurice', to: '2024-12-01' }).expect(200)).body.total).toBe(1);
  });

  it('records each result read with the purpose of the search, whatever its kind', async () => {
    const recommendation = await post(service.app, 'recommendations', {
      source: 'HMICFRS',
      madeOn: '2024-11-01',
      dueOn: '2025-05-01',
      reference: 'Property store audit',
      text: 'The force should audit the Odiham exhibits store every quarter.',
    });
    expect(recommendation.status).toBe(201);
    const recommendationId = recommendation.body.recommendationId as string;
    await search({ q: 'Fitzmaurice' }, { userId: 'recorded-reader' }).expect(200);
    await search({ q: 'basingstoke' }, { userId: 'recorded-reader' }).expect(200);
    let odiham: string[] = [];
    // The recommendation is found once the search read model has it.
    for (let attempt = 0; attempt < 100 && !odiham.includes('recommendation'); attempt += 1) {
      odiham = found(await search({ q: 'odiham' }, { userId: 'recorded-reader' }).expect(200));
      if (!odiham.includes('recommendation')) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(odiham).toEqual(['recommendation']);
    const store = service.app.app.get(EventStore);
    const today = accessStreamName(new Date().toISOString());
    let reads: { type: string; data: Record<string, unknown> }[] = [];
    // The recorder appends in batches: wait for the batch (not a timed assertion: it polls for the fact).
    const kinds = () => new Set(reads.map((read) => read.type)).size;
    for (let attempt = 0; attempt < 100 && kinds() < 3; attempt += 1) {
      reads = (await store.readStream(today)).filter((event) => event.data.userId === 'recorded-reader');
      if (kinds() < 3) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'PersonRecordAccessed', data: expect.objectContaining({ personId: OFFICER, purpose: PURPOSE, granted: true }) }),
        expect.objectContaining({ type: 'CaseAccessed', data: expect.objectContaining({ caseId: CASE_ID, purpose: PURPOSE, granted: true }) }),
        expect.objectContaining({
          type: 'RecommendationAccessed',
          data: expect.objectContaining({ recommendationId, recommendationForce: FORCE, purpose: PURPOSE, granted: true }),
        }),
      ]),
    );
    // The access log lists every kind, the recommendation's read with its id (the read model follows the store: polled).
    const auditor = bearer(service.app.config, { userId: 'auditor-1', roles: ['AUDITOR'], force: FORCE });
    let listed: { caseId: string | null; personId: string | null; recommendationId: string | null; purpose: string }[] = [];
    for (let attempt = 0; attempt < 100 && !listed.some((item) => item.recommendationId === recommendationId); attempt += 1) {
      const log = await service.app
        .http()
        .get('/api/v1/access-log')
        .query({ userId: 'recorded-reader', pageSize: 500 })
        .set('Authorization', auditor)
        .expect(200);
      listed = log.body.items as typeof listed;
      if (!listed.some((item) => item.recommendationId === recommendationId)) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ caseId: null, personId: null, recommendationId, purpose: PURPOSE }),
        expect.objectContaining({ caseId: CASE_ID, personId: null, recommendationId: null, purpose: PURPOSE }),
        expect.objectContaining({ caseId: null, personId: OFFICER, recommendationId: null, purpose: PURPOSE }),
      ]),
    );
  });

  it("finds nothing of them as another force's user", async () => {
    for (const q of ['basingstoke property', 'Harowgate', 'Fitzmaurice', CASE_ID]) {
      const response = await search({ q }, { force: 'SURREY' }).expect(200);
      expect({ q, results: response.body.results, total: response.body.total }).toEqual({ q, results: [], total: 0 });
    }
  });

  it('finds nothing of them as the subject of the case', async () => {
    for (const q of ['basingstoke property', 'Harowgate', 'Fitzmaurice', OFFICER]) {
      const response = await search({ q }, { userId: OFFICER }).expect(200);
      expect({ q, results: response.body.results, total: response.body.total }).toEqual({ q, results: [], total: 0 });
    }
  });

  it('refuses a search without a purpose, and a role that reads nothing', async () => {
    await service.app
      .http()
      .get('/api/v1/search?q=property')
      .set('Authorization', bearer(service.app.config, { roles: ['PSD_INVESTIGATOR'], force: FORCE }))
      .expect(400);
    await search({ q: 'property' }, { roles: ['ADMIN'] }).expect(403);
    await search({ q: ' ' }).expect(400);
  });

  describe("after the erasure of the case's and the officer's personal data", () => {
    beforeAll(async () => {
      const admin = (userId: string) => ({ role: 'ADMIN' as const, userId });
      for (const personId of [casePersonId(CASE_ID), OFFICER]) {
        await sent(post(service.app, `people/${personId}/erasure`, { reason: 'Right to erasure, UK GDPR art. 17: request granted' }, admin('admin-1')));
        await sent(post(service.app, `people/${personId}/erasure/approval`, { reason: 'Request and its lawful basis checked' }, admin('admin-2')));
      }
    });

    it('finds nothing of them by their words or names', async () => {
      for (const q of ['basingstoke property', 'Harowgate', 'Fitzmaurice']) {
        const response = await search({ q }).expect(200);
        expect({ q, results: response.body.results, total: response.body.total }).toEqual({ q, results: [], total: 0 });
      }
    });

    it('keeps none of their text in the read model', async () => {
      const client = new Client({ connectionString: service.app.database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ body: string }>(
          `SELECT body || parts::text AS body FROM search_documents WHERE case_id = $1 OR person_id = $2 OR vault_owner = ANY($3::text[])`,
          [CASE_ID, OFFICER, [casePersonId(CASE_ID), OFFICER]],
        );
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.map((row) => row.body).filter((body) => /Basingstoke|Harrowgate|Fitzmaurice/i.test(body))).toEqual([]);
      } finally {
        await client.end();
      }
    });
  });
});
