/**
 * One write path (issue 12, item 1): every command route of the OpenAPI document appends
 * through the one command handler (one message class on the command bus, every append made
 * while it runs), a refused command appends nothing, and two commands sent at once to one
 * stream without If-Match both land (the loser decides again on the new state) unless a
 * rule refuses one; with If-Match the loser is answered 409.
 */
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { EventStore } from '../../src/event-store/event-store';
import type { Role } from '../../src/http/roles';
import { documentRoutes, everyRoute, legacyRoute, pathOf, referralBody, subjectBody, walkIds } from '../cases/every-route';
import { PDF, upload, uploadTo } from '../documents/support';
import { post } from '../cases/support';
import type { Sender } from '../cases/support';
import { everyRegisterRoute, pathOf as registerPathOf, registerIds, WITHDRAW_ROUTE } from '../registers/every-route';
import { TEST_JWT_SECRET } from '../http/support';
import { poolFor } from '../support/database';
import { alertIdOf } from '../../src/alerts/alert-reactor';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { startTestApp, TestApp } from '../support/app';

/** Streams the service appends to by itself, not for a command: the access log and the seals. */
const NOT_COMMANDS = /^(access-|\$ledger)/;

interface Sent {
  path: string;
  body: Record<string, unknown>;
  sender: Sender;
}

describe('one write path', () => {
  let service: TestApp;
  /** Command bus messages in flight, and the class of each message sent. */
  let inFlight = 0;
  const messages: string[] = [];
  /** Appends of command streams made while no command was on the bus. */
  const outside: string[] = [];

  beforeAll(async () => {
    service = await startTestApp({
      LEDGER_JWT_SECRET: TEST_JWT_SECRET,
      LEDGER_ERASURE_DELAY_SECONDS: '0',
      LEDGER_SEAL_EVERY_EVENTS: '0',
      LEDGER_SEAL_INTERVAL_SECONDS: '0',
    });
    const bus = service.app.get(CommandBus);
    const execute = bus.execute.bind(bus);
    jest.spyOn(bus, 'execute').mockImplementation(async (message) => {
      messages.push(message.constructor.name);
      inFlight += 1;
      try {
        return await execute(message);
      } finally {
        inFlight -= 1;
      }
    });
    const store = service.app.get(EventStore);
    const append = store.appendToStream.bind(store);
    jest.spyOn(store, 'appendToStream').mockImplementation((streamName, events, options) => {
      if (!NOT_COMMANDS.test(streamName) && inFlight === 0) outside.push(streamName);
      return append(streamName, events, options);
    });
  });
  afterAll(() => service.close());

  async function commandEventCount(): Promise<number> {
    const pool = poolFor(service.database, 1);
    try {
      const { rows } = await pool.query<{ count: string }>(
        "SELECT count(*) AS count FROM ledger_events WHERE stream_name NOT LIKE 'access-%' AND stream_name <> '$ledger'",
      );
      return Number(rows[0].count);
    } finally {
      await pool.end();
    }
  }

  describe('every command route of the OpenAPI document', () => {
    const sent: Sent[] = [];
    const answers: { path: string; status: number }[] = [];

    async function send(path: string, body: Record<string, unknown>, sender: Sender = {}): Promise<Record<string, unknown>> {
      const response = await post(service, path, body, sender);
      sent.push({ path, body, sender });
      answers.push({ path, status: response.status });
      return response.body as Record<string, unknown>;
    }

    beforeAll(async () => {
      // Cases.
      const ids = walkIds();
      const eventIds = new Map<string, string>();
      for (const step of [...everyRoute(ids), ...legacyRoute(ids)]) {
        const body = typeof step.body === 'function' ? step.body((type) => eventIds.get(type) ?? '') : step.body;
        const answer = await send(pathOf(step, ids), body, { role: step.role ?? 'ACU_INVESTIGATOR' });
        for (const event of (answer.events ?? []) as { eventId: string; type: string }[]) eventIds.set(event.type, event.eventId);
      }
      // Documents: the upload is a multipart form (its refusals: test/documents).
      for (const step of documentRoutes(ids)) {
        if (step.file === undefined) {
          await send(pathOf(step, ids), step.body as Record<string, unknown>, { role: 'ACU_INVESTIGATOR' });
          continue;
        }
        const fields = Object.fromEntries(Object.entries(step.body).map(([name, value]) => [name, String(value)]));
        const response = await upload(service, ids.caseId, { ...step.file, fields }, { role: 'ACU_INVESTIGATOR' });
        answers.push({ path: pathOf(step, ids), status: response.status });
      }
      await send(`cases/${ids.caseId}/conflicts`, { nature: 'NEIGHBOUR' }, { role: 'INSPECTOR', userId: randomUUID() });
      // Registers.
      const person = registerIds();
      let lastInterest = '';
      for (const step of everyRegisterRoute(person))
        lastInterest = String((await send(registerPathOf(step.route, person), step.body)).businessInterestId ?? lastInterest);
      await send(registerPathOf(WITHDRAW_ROUTE, { ...person, businessInterestId: lastInterest }), { withdrawnOn: '2024-08-05' });
      const registerDocument = { register: 'BUSINESS_INTEREST', entryId: lastInterest, kind: 'CORRESPONDENCE' };
      const attached = await uploadTo(service, `people/${person.personId}`, { content: PDF, filename: 'Application form.pdf', fields: registerDocument });
      answers.push({ path: `people/${person.personId}/documents`, status: attached.status });
      // Recommendations.
      const recommendationId = randomUUID();
      const made = { recommendationId, source: 'HMICFRS', madeOn: '2014-11-01', dueOn: '2015-05-01', text: 'Report refused gifts too.' };
      await send('recommendations', made);
      await send(`recommendations/${recommendationId}/response`, { respondedOn: '2014-12-01', accepted: true, response: 'Accepted.' });
      await send(`recommendations/${recommendationId}/actions`, { on: '2015-01-10', action: 'Briefed every team.' });
      await send(`recommendations/${recommendationId}/complete`, { completedOn: '2015-03-01' });
      // Workforce.
      const member = randomUUID();
      const headcounts = { asAt: '2024-03-31', officers: 2800, staff: 2000, specials: 300, volunteers: 100, inPsdOrAcu: 60 };
      await send('workforce/HAMPSHIRE/returns', headcounts, { role: 'ADMIN' });
      await send('workforce/HAMPSHIRE/members', { personId: member, joinedOn: '2020-01-06' }, { role: 'ADMIN' });
      await send(`workforce/HAMPSHIRE/members/${member}/departure`, { leftOn: '2024-01-05' }, { role: 'ADMIN' });
      // Erasure: one request approved by a second ADMIN, another withdrawn.
      const reason = { reason: 'Right to erasure, UK GDPR art. 17: request granted' };
      await send(`people/case-${ids.caseId}/erasure`, reason, { role: 'ADMIN', userId: 'admin-1' });
      await send(`people/case-${ids.caseId}/erasure/approval`, reason, { role: 'ADMIN', userId: 'admin-2' });
      await send(`people/${person.personId}/erasure`, reason, { role: 'ADMIN', userId: 'admin-1' });
      await send(`people/${person.personId}/erasure/withdrawal`, reason, { role: 'ADMIN', userId: 'admin-2' });
      // Alerts: a monitored person's positive test raises one (the ledger's own command on the bus), handled by PSD.
      const monitored = randomUUID();
      const threshold = await send('alerts/thresholds', { force: 'HAMPSHIRE', kind: 'MONITORED_PERSON', personId: monitored, setOn: '2024-01-01' });
      const test = await send(`people/${monitored}/drug-tests`, { force: 'HAMPSHIRE', testedOn: '2024-02-01', kind: 'RANDOM', result: 'POSITIVE' });
      const [{ eventId }] = test.events as { eventId: string }[];
      const alertId = alertIdOf({ thresholdId: String(threshold.thresholdId), personId: monitored, crossedBy: eventId });
      await raisedAlert(alertId);
      await send(`alerts/${alertId}/acknowledgement`, { acknowledgedOn: service.app.get<Clock>(CLOCK).today() });
      await send(`alerts/${alertId}/disposition`, { disposition: 'NO_ACTION', dispositionedOn: service.app.get<Clock>(CLOCK).today() });
      await send(`alerts/thresholds/${String(threshold.thresholdId)}/removal`, { force: 'HAMPSHIRE', removedOn: '2024-03-01' });
    }, 120_000);

    /** The ledger raises the alert shortly after the crossing fact is recorded. */
    async function raisedAlert(alertId: string): Promise<void> {
      const store = service.app.get(EventStore);
      for (let tries = 0; tries < 100 && (await store.readStream(`alert-${alertId}`)).length === 0; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }

    it('walks every POST route the OpenAPI document lists, and each is answered 201', async () => {
      const document = await service.http().get('/api/docs-json').expect(200);
      const templates = Object.entries(document.body.paths as Record<string, { post?: unknown }>)
        .filter(([path, item]) => item.post !== undefined && path.startsWith('/api/v1/'))
        .map(([path]) => path.slice('/api/v1/'.length));
      const matches = (template: string, path: string) => new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path);
      expect(templates.filter((template) => !answers.some(({ path }) => matches(template, path)))).toEqual([]);
      expect(templates.length).toBeGreaterThan(45);
      expect(answers.filter(({ status }) => status !== 201)).toEqual([]);
    });

    it('appends through the one handler: one message class on the bus, no append made outside it', () => {
      expect([...new Set(messages)]).toEqual(['WriteCommand']);
      // And the one alert the ledger raised (src/alerts/alert-reactor.ts), through the same handler.
      expect(messages.length).toBe(answers.length + 1);
      expect(outside).toEqual([]);
    });

    it('answers "already exists" 409 naming the rule in every slice, appending nothing', async () => {
      const before = await commandEventCount();
      const creations: Record<string, string> = {
        'cases/[^/]+/subjects$': 'subjectAlreadyAdded',
        'cases/[^/]+/allegations$': 'allegationAlreadyRecorded',
        'people/[^/]+/business-interests$': 'businessInterestAlreadyApplied',
        'people/[^/]+/associations$': 'associationAlreadyDeclared',
        '^recommendations$': 'recommendationAlreadyMade',
      };
      const again = [];
      for (const [pattern, rule] of Object.entries(creations)) {
        // The first creation of each kind, sent again as it was (a business interest with its id).
        const first = sent.find(
          ({ path, body }) => new RegExp(pattern).test(path) && (!path.endsWith('business-interests') || body.businessInterestId !== undefined),
        );
        if (first === undefined) throw new Error(`the walk sent nothing to ${pattern}`);
        const answer = await post(service, first.path, first.body, first.sender);
        again.push({ rule, answer: { status: answer.status, rule: answer.body.rule as unknown } });
      }
      const joining = { personId: randomUUID(), joinedOn: '2021-01-04' };
      expect((await post(service, 'workforce/HAMPSHIRE/members', joining, { role: 'ADMIN' })).status).toBe(201);
      const joinedAgain = await post(service, 'workforce/HAMPSHIRE/members', joining, { role: 'ADMIN' });
      again.push({ rule: 'memberAlreadyJoined', answer: { status: joinedAgain.status, rule: joinedAgain.body.rule as unknown } });
      const referral = sent[0];
      const opened = await post(service, referral.path, referral.body, referral.sender);
      again.push({ rule: 'caseAlreadyExists', answer: { status: opened.status, rule: opened.body.rule as unknown } });
      expect(again.map(({ answer }) => answer)).toEqual(again.map(({ rule }) => ({ status: 409, rule })));
      expect(await commandEventCount()).toBe(before + 1);
    });

    it('appends nothing when the same requests are refused (a writer of another force)', async () => {
      const before = await commandEventCount();
      const refusals = [];
      // Declaring one's own conflict is refused to nobody who may read cases.
      for (const { path, body, sender } of sent.filter((request) => !request.path.endsWith('/conflicts'))) {
        const other: Sender = { ...sender, force: 'KENT', userId: `${sender.userId ?? 'kent'}-kent` };
        refusals.push({ path, status: (await post(service, path, body, other)).status });
      }
      expect(refusals.filter(({ status }) => status < 400 || status >= 500)).toEqual([]);
      expect(await commandEventCount()).toBe(before);
    }, 120_000);
  });

  describe('commands sent at once to one stream', () => {
    const acu: Sender = { role: 'ACU_INVESTIGATOR' as Role };

    it('adds every one of four subjects sent at once without If-Match', async () => {
      const caseId = randomUUID();
      expect((await post(service, 'cases', referralBody(caseId), acu)).status).toBe(201);
      const answers = await Promise.all(Array.from({ length: 4 }, () => post(service, `cases/${caseId}/subjects`, subjectBody(randomUUID()), acu)));
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
      expect((await service.app.get(EventStore).readStream(`case-${caseId}`)).length).toBe(5);
    });

    it('lands both register entries sent at once without If-Match', async () => {
      const personId = randomUUID();
      const test = { testedOn: '2023-07-07', kind: 'RANDOM', result: 'NEGATIVE' };
      const answers = await Promise.all([post(service, `people/${personId}/drug-tests`, test), post(service, `people/${personId}/drug-tests`, test)]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
      expect((await service.app.get(EventStore).readStream(`person-${personId}`)).length).toBe(2);
    });

    it('decides the loser again on the new state: a rule refuses the second of two identical subjects', async () => {
      const caseId = randomUUID();
      expect((await post(service, 'cases', referralBody(caseId), acu)).status).toBe(201);
      const subject = subjectBody(randomUUID());
      const answers = await Promise.all([post(service, `cases/${caseId}/subjects`, subject, acu), post(service, `cases/${caseId}/subjects`, subject, acu)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect(answers.find((answer) => answer.status === 409)?.body.rule).toBe('subjectAlreadyAdded');
    });

    it('answers the loser 409 when both sent If-Match', async () => {
      const caseId = randomUUID();
      expect((await post(service, 'cases', referralBody(caseId), acu)).status).toBe(201);
      const headers = { 'If-Match': '"0"' };
      const answers = await Promise.all([0, 1].map(() => post(service, `cases/${caseId}/subjects`, subjectBody(randomUUID()), { ...acu, headers })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect(answers.find((answer) => answer.status === 409)?.body.currentRevision).toBe(1);
    });
  });
});
