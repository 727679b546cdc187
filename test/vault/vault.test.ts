/**
 * The personal-data vault through real HTTP (docs/architecture.md, "Personal data and erasure"):
 * case free text is stored as ciphertext only (events, read-model tables), opens for a
 * reader of the case history, and once erased (POST /people/{personId}/erasure, approved by a
 * second ADMIN; this service has no waiting period) reads as erased everywhere while the
 * ledger still verifies.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { CaseCommand } from '../../src/cases/case.command-types';
import { CASE_EVENT_DECLARATIONS, VAULT_FIELDS } from '../../src/cases/case.events';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { EventStore } from '../../src/event-store/event-store';
import { isVaultEnvelope } from '../../src/vault/vault-envelope';
import { casePersonId } from '../../src/vault/case-person';
import { bearer, PROBLEM_JSON } from '../http/support';
import { sendCommand, serviceForThisFile } from '../cases/support';
import { dumpAllTables, occurrences, SEARCH_TEXT_TABLE, searchCaughtUp, vaultValuesOf } from './support';

/** The values of the vault fields of each command's own event (a field name is personal data in one event, not in every one). */
const storyVaultValues = (commands: readonly CaseCommand[]): string[] =>
  commands.flatMap((command) => {
    const eventType = CASE_EVENT_DECLARATIONS.commandEvents[command.type];
    const fields = new Set<string>((eventType === undefined ? [] : VAULT_FIELDS[eventType]).map(String));
    return vaultValuesOf(command, fields);
  });
const STORY = SEED_STORIES.find((story) => storyVaultValues(story.commands).length >= 3) ?? SEED_STORIES[0];
const [OPENING] = STORY.commands;
if (OPENING?.type !== 'ReceiveReferral') throw new Error('a seed story opens with a referral');
const FORCE = OPENING.force;
const PURPOSE = 'Checking the personal-data vault';

/** An anonymous report through Crimestoppers: its summary must never be stored in clear. */
const ANONYMOUS_ID = randomUUID();
const ANONYMOUS_SUMMARY = `Caller alleges PC Zebedee Quartermain-${ANONYMOUS_ID.slice(0, 8)} sells PNC checks`;
const ANONYMOUS: CaseCommand = {
  ...OPENING,
  caseId: ANONYMOUS_ID,
  source: 'CRIMESTOPPERS_ANTI_CORRUPTION_SERVICE',
  anonymousSource: true,
  summary: ANONYMOUS_SUMMARY,
};

describe('the personal-data vault', () => {
  const service = serviceForThisFile({ LEDGER_ERASURE_DELAY_SECONDS: '0' });
  const responses: Response[] = [];
  const values = storyVaultValues(STORY.commands);
  const reader = () => bearer(service.app.config, { userId: 'acu-reader', roles: ['ACU_INVESTIGATOR'], force: FORCE });
  const admin = () => bearer(service.app.config, { userId: 'admin-1', roles: ['ADMIN'], force: FORCE });
  const auditor = () => bearer(service.app.config, { userId: 'auditor-1', roles: ['AUDITOR'], force: '*' });
  const lastPosition = () => String(responses.at(-1)?.headers['x-ledger-position']);

  /** Waits until every projection has caught up with the last command (case status and timeliness read models). */
  const caughtUp = async (caseId: string) => {
    for (const path of [`cases/${caseId}`, `cases/${caseId}/timeliness`]) {
      const response = await service.app
        .http()
        .get(`/api/v1/${path}`)
        .set('Authorization', reader())
        .set('X-Access-Purpose', PURPOSE)
        .set('X-Wait-For-Position', lastPosition());
      expect(response.status).toBe(200);
    }
  };
  const history = (caseId: string) => service.app.http().get(`/api/v1/cases/${caseId}/history`).set('Authorization', reader()).set('X-Access-Purpose', PURPOSE);
  const exported = (caseId: string) =>
    service.app.http().get(`/api/v1/cases/${caseId}/export`).set('Authorization', auditor()).set('X-Access-Purpose', PURPOSE);
  const approver = () => bearer(service.app.config, { userId: 'admin-2', roles: ['ADMIN'], force: FORCE });
  const send = (path: string, body: unknown, authorization: string) =>
    service.app.http().post(`/api/v1/${path}`).set('Authorization', authorization).set('Content-Type', 'application/json').send(JSON.stringify(body));
  const ask = (personId: string, body: unknown, authorization = admin()) => send(`people/${personId}/erasure`, body, authorization);
  /** Asked by one ADMIN and approved by a second: the approval's answer (or the refused request's). */
  const erase = async (personId: string, body: { reason: string }): Promise<Response> => {
    const asked = await ask(personId, body);
    return asked.status === 201 ? send(`people/${personId}/erasure/approval`, { reason: 'Request and its lawful basis checked' }, approver()) : asked;
  };
  const verify = () => service.app.http().get('/api/v1/ledger/verify').set('Authorization', auditor());

  beforeAll(async () => {
    for (const command of [...STORY.commands, ANONYMOUS]) responses.push(await sendCommand(service.app, command, { force: FORCE }));
    expect(responses.filter((response) => response.status !== 201).map((response) => response.body)).toEqual([]);
    await caughtUp(STORY.caseId);
    await caughtUp(ANONYMOUS_ID);
  });

  it("stores each vault field as an AES-256-GCM envelope under the case person's key, never in clear", async () => {
    expect(values.length).toBeGreaterThanOrEqual(3);
    const stored = await service.app.app.get(EventStore).readStream(`case-${STORY.caseId}`);
    const referral = stored.find((event) => event.type === 'ReferralReceived');
    expect(referral?.data.summary).toEqual({
      $vault: 'v1',
      personId: casePersonId(STORY.caseId),
      iv: expect.stringMatching(/^[A-Za-z0-9+/]{16}$/),
      ciphertext: expect.any(String),
      tag: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
    });
    for (const event of stored) {
      for (const field of VAULT_FIELDS[event.type as keyof typeof VAULT_FIELDS] ?? []) {
        const value = event.data[String(field)];
        if (value !== undefined && value !== null) expect(isVaultEnvelope(value)).toBe(true);
      }
    }
  });

  it("keeps no personal value in clear in any table but the search's, the anonymous report's included", async () => {
    const dump = await dumpAllTables(service.app.database.url, { except: SEARCH_TEXT_TABLE });
    expect(dump).toContain('case_status_events');
    expect(occurrences(dump, [...values, ANONYMOUS_SUMMARY])).toEqual([]);
  });

  it('opens the fields for a reader of the case history', async () => {
    const { body } = await history(STORY.caseId).expect(200);
    const shown = JSON.stringify(body);
    expect(occurrences(shown, values)).toEqual(values);
    expect(shown).not.toContain('"$vault"');
    const anonymous = await history(ANONYMOUS_ID).expect(200);
    expect(anonymous.body.events[0].data.summary).toBe(ANONYMOUS_SUMMARY);
  });

  it('exports the ciphertext the hashes cover, so the export verifies', async () => {
    const { body } = await exported(STORY.caseId).expect(200);
    expect(occurrences(JSON.stringify(body), values)).toEqual([]);
    expect(isVaultEnvelope(body.events[0].data.summary)).toBe(true);
  });

  it('refuses an erasure by anyone but an ADMIN, and a reason under 10 characters', async () => {
    const personId = casePersonId(STORY.caseId);
    const refused = await ask(personId, { reason: 'Right to erasure, UK GDPR art. 17' }, reader());
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    const short = await ask(personId, { reason: 'too short' });
    expect(short.status).toBe(400);
    expect(short.headers['content-type']).toMatch(PROBLEM_JSON);
  });

  describe('after the case person is erased', () => {
    let erasure: Response;
    let anonymousErasure: Response;

    beforeAll(async () => {
      erasure = await erase(casePersonId(STORY.caseId), { reason: 'Right to erasure, UK GDPR art. 17: request granted' });
      anonymousErasure = await erase(casePersonId(ANONYMOUS_ID), { reason: 'Retention period of the anonymous report ended' });
      expect(anonymousErasure.status).toBe(201);
    });

    it('answers 201 and records the request and its approval in the vault stream', async () => {
      expect(erasure.status).toBe(201);
      expect(erasure.body).toMatchObject({ personId: casePersonId(STORY.caseId), events: [{ type: 'ErasureApproved' }] });
      const [requested, approved] = await service.app.app.get(EventStore).readStream(`vault-${casePersonId(STORY.caseId)}`);
      expect(requested).toMatchObject({
        type: 'ErasureRequested',
        data: { personId: casePersonId(STORY.caseId), force: FORCE, reason: 'Right to erasure, UK GDPR art. 17: request granted', requestedBy: 'admin-1' },
      });
      expect(approved).toMatchObject({
        type: 'ErasureApproved',
        data: { personId: casePersonId(STORY.caseId), approvedBy: 'admin-2', approvedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      });
    });

    it('shows every vault field as { erased: true } in the history, the events staying', async () => {
      const { body } = await history(STORY.caseId).expect(200);
      expect(body.events).toHaveLength(STORY.commands.length);
      expect(body.events[0].data.summary).toEqual({ erased: true });
      expect(occurrences(JSON.stringify(body), values)).toEqual([]);
      const anonymous = await history(ANONYMOUS_ID).expect(200);
      expect(anonymous.body.events[0].data.summary).toEqual({ erased: true });
    });

    it('leaves the erased values in no table (the search read model included), history or export', async () => {
      await searchCaughtUp(service.app, String(anonymousErasure.headers['x-ledger-position']), reader());
      const dump = await dumpAllTables(service.app.database.url);
      expect(occurrences(dump, [...values, ANONYMOUS_SUMMARY])).toEqual([]);
      expect(dump).toMatch(/\(case-[0-9a-f-]+,,"[^"]+","[^"]+"\)/); // the tombstone: no wrapped key, erased_at set
      const { body } = await exported(STORY.caseId).expect(200);
      expect(occurrences(JSON.stringify(body), values)).toEqual([]);
    });

    it('still verifies: the hashes cover the ciphertext, which stays', async () => {
      const { body } = await verify().expect(200);
      expect(body).toMatchObject({ ok: true, mismatchCount: 0 });
    });

    it('refuses a second erasure: 422 alreadyErased', async () => {
      const again = await erase(casePersonId(STORY.caseId), { reason: 'Right to erasure, asked twice' });
      expect({ status: again.status, rule: again.body.rule as unknown }).toEqual({ status: 422, rule: 'alreadyErased' });
      expect(again.headers['content-type']).toMatch(PROBLEM_JSON);
    });
  });
});
