/**
 * The pages' sessions and forms over plain HTTP: cookie flags, CSRF, the 30-minute idle
 * timeout, development sign-in only with the development secret, a double submit recorded
 * once, a stale revision answered with the page redrawn, every read recorded with its
 * purpose, and a form for every case command route.
 */
import { randomUUID } from 'node:crypto';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { EventStore } from '../../src/event-store/event-store';
import { CommandForms } from '../../src/web/command-forms';
import { PG_POOL } from '../../src/database/database.module';
import type { Pool } from 'pg';
import { accessLog, openCase } from '../access/access-support';
import { bearer } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { agentOf, fieldValue, signInAs, statePurpose, stepForm } from './page-support';

/** Rows of the sessions table, read through the service's own pool. */
function sessionRows(service: TestApp, sql: string) {
  return service.app.get<Pool>(PG_POOL).query(sql);
}

const PURPOSE = 'Checking the subjects before the severity assessment';
const INVESTIGATOR = { userId: 'psd-1', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' } as const;

describe('the pages over HTTP', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_TRUST_PROXY: 'loopback' });
  });

  afterAll(() => service?.close());

  afterEach(() => jest.restoreAllMocks());

  it('sets the session cookie HttpOnly and SameSite=Lax, Secure only over HTTPS, and never puts its token in a URL', async () => {
    const plain = agentOf(service);
    const page = await plain.get('/sign-in').expect(200);
    const answer = await plain
      .post('/sign-in')
      .type('form')
      .send({ _csrf: fieldValue(page.text, '_csrf'), userId: 'psd-1', name: 'P', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' })
      .expect(303);
    const cookie = (answer.headers['set-cookie'] as unknown as string[]).find((line) => line.startsWith('ledger_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const token = /^ledger_session=([^;]+)/.exec(cookie ?? '')?.[1] ?? '';
    expect(answer.headers.location).toBe('/casework');
    expect(answer.headers.location).not.toContain(token);
    // A copy of the sessions table signs nobody in: it holds the token's hash only.
    const { rows } = await sessionRows(service, 'SELECT token_hash FROM web_sessions');
    expect(rows.map((row: { token_hash: string }) => row.token_hash)).not.toContain(token);

    const behindHttps = agentOf(service);
    const secured = await behindHttps.get('/sign-in').set('X-Forwarded-Proto', 'https').expect(200);
    expect((secured.headers['set-cookie'] as unknown as string[]).join('\n')).toMatch(/ledger_sign_in=[^;]+;.*Secure/);
  });

  it('refuses a form without the session CSRF token', async () => {
    const stranger = agentOf(service);
    await stranger.get('/sign-in').expect(200);
    await stranger.post('/sign-in').type('form').send({ userId: 'psd-1', name: 'P', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' }).expect(403);
    const agent = await signInAs(service, INVESTIGATOR);
    const { caseId } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    await agent.post(`/casework/${caseId}/purpose`).type('form').send({ _csrf: 'forged', purpose: PURPOSE }).expect(403);
  });

  it('ends a session idle for 30 minutes, and on sign-out', async () => {
    const agent = await signInAs(service, INVESTIGATOR);
    await agent.get('/casework').expect(200);
    const clock = service.app.get<Clock>(CLOCK, { strict: false });
    const later = new Date(Date.now() + 31 * 60_000).toISOString();
    jest.spyOn(clock, 'now').mockReturnValue(later);
    await agent.get('/casework').expect(303).expect('Location', '/sign-in');
    jest.restoreAllMocks();

    const again = await signInAs(service, INVESTIGATOR);
    const page = await again.get('/casework').expect(200);
    await again
      .post('/sign-out')
      .type('form')
      .send({ _csrf: fieldValue(page.text, '_csrf') })
      .expect(303)
      .expect('Location', '/sign-in');
    await again.get('/casework').expect(303).expect('Location', '/sign-in');
  });

  it('asks the purpose once per case, and records every read with it as the API does', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const agent = await signInAs(service, { userId: 'psd-reader', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });
    await agent
      .get(`/casework/${caseId}`)
      .expect(303)
      .expect('Location', `/casework/${caseId}/purpose?then=${encodeURIComponent(`/casework/${caseId}`)}`);
    // Where to go next is a page of the same case, never another site nor another case.
    const form = await agent.get(`/casework/${caseId}/purpose`).expect(200);
    for (const then of ['https://elsewhere.example/', `/casework/${randomUUID()}`, '//elsewhere.example/x']) {
      await agent
        .post(`/casework/${caseId}/purpose`)
        .type('form')
        .send({ _csrf: fieldValue(form.text, '_csrf'), purpose: PURPOSE, then })
        .expect(303)
        .expect('Location', `/casework/${caseId}`);
    }
    await agent.get(`/casework/${caseId}`).set('X-Wait-For-Position', position).expect(200);
    await agent.get(`/casework/${caseId}`).expect(200);
    const auditor = bearer(service.config, { userId: 'auditor-1', roles: ['AUDITOR'], force: '*' });
    const log = await accessLog(service, auditor, `caseId=${caseId}&userId=psd-reader`);
    expect(log.total).toBeGreaterThanOrEqual(2);
    expect(log.items.every((item) => item.purpose === PURPOSE && item.granted)).toBe(true);
  });

  it('filters the list by the API query, and shows a refused filter against its field', async () => {
    const agent = await signInAs(service, INVESTIGATOR);
    await agent.get('/casework?category=DRUGS&subjectPersonId=&caseType=CONDUCT_MATTER').expect(200);
    const refused = await agent.get('/casework?stage=SOMEWHERE').expect(400);
    expect(refused.text).toContain('govuk-error-summary');
    expect(refused.text).toMatch(/id="stage-error"[\s\S]*Stage: /);
  });

  it('shows a case as it stood at the end of a day: not yet recorded the day before, all of it today', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const agent = await signInAs(service, INVESTIGATOR);
    await statePurpose(agent, caseId, PURPOSE);
    await agent.get(`/casework/${caseId}`).set('X-Wait-For-Position', position).expect(200);
    const today = service.app.get<Clock>(CLOCK, { strict: false }).today();
    const [year, month, day] = today.split('-');
    const asToday = await agent.get(`/casework/${caseId}?asAt-day=${day}&asAt-month=${month}&asAt-year=${year}`).expect(200);
    expect(asToday.text).toContain('as it stood at the end of');
    expect(asToday.text).toContain('Referral received');
    // A case as it stood is read, not written on: no step is offered.
    expect(asToday.text).not.toContain('/steps/');
    expect((await agent.get(`/casework/${caseId}`).expect(200)).text).toContain('/steps/');
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10).split('-');
    await agent.get(`/casework/${caseId}?asAt-day=${yesterday[2]}&asAt-month=${yesterday[1]}&asAt-year=${yesterday[0]}`).expect(404);
    await agent.get(`/casework/${caseId}?asAt-day=31&asAt-month=2&asAt-year=2024`).expect(400);
  });

  it('refuses another force the case as the API does, and records the refusal', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const stranger = await signInAs(service, { userId: 'met-reader', role: 'PSD_INVESTIGATOR', force: 'METROPOLITAN_POLICE' });
    await statePurpose(stranger, caseId, PURPOSE);
    // Once the read models hold the case, so the refusal is for the force, not for a case not there yet.
    const page = await stranger.get(`/casework/${caseId}`).set('X-Wait-For-Position', position).expect(404);
    expect(page.text).toContain('Page not found');
    expect(page.text).not.toContain(PURPOSE);
    const api = bearer(service.config, { userId: 'met-reader', roles: ['PSD_INVESTIGATOR'], force: 'METROPOLITAN_POLICE' });
    await service.http().get(`/api/v1/cases/${caseId}`).set('Authorization', api).set('X-Access-Purpose', PURPOSE).expect(404);
    const auditor = bearer(service.config, { userId: 'auditor-1', roles: ['AUDITOR'], force: '*' });
    const log = await accessLog(service, auditor, `caseId=${caseId}&userId=met-reader`);
    expect(log.items.length).toBeGreaterThanOrEqual(2);
    expect(log.items.every((item) => !item.granted && item.reasonIfRefused === 'caseOfAnotherForce')).toBe(true);
  });

  it('records a double-submitted form once, and redraws a form sent at a revision someone else has moved on', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const agent = await signInAs(service, INVESTIGATOR);
    await statePurpose(agent, caseId, PURPOSE);
    await agent.get(`/casework/${caseId}`).set('X-Wait-For-Position', position).expect(200);
    const { hidden } = await stepForm(agent, caseId, 'AddSubject');
    const subject = {
      subjectId: randomUUID(),
      personId: randomUUID(),
      workforceType: 'POLICE_OFFICER',
      rank: 'SERGEANT',
      lengthOfServiceMonths: '120',
      unit: 'Roads policing',
    };
    await agent
      .post(`/casework/${caseId}/steps/AddSubject`)
      .type('form')
      .send({ ...hidden, ...subject })
      .expect(303);
    await agent
      .post(`/casework/${caseId}/steps/AddSubject`)
      .type('form')
      .send({ ...hidden, ...subject })
      .expect(303);
    const stream = await service.app.get(EventStore).readStream(`case-${caseId}`);
    expect(stream.filter((event) => event.type === 'SubjectAdded')).toHaveLength(1);
    // A step about an existing subject offers the case's subjects, not a UUID to type.
    const allegation = await stepForm(agent, caseId, 'RecordAllegation');
    expect(allegation.html).toMatch(
      new RegExp(`type="radio"[^>]*name="subjectId"[^>]*value="${subject.subjectId}"|name="subjectId"[^>]*type="radio"[^>]*value="${subject.subjectId}"`),
    );

    // The same form again, with a new key, at the revision it was drawn at: the subject added since makes it stale.
    const stale = { ...hidden, _idempotencyKey: randomUUID(), ...subject, subjectId: randomUUID() };
    const conflict = await agent.post(`/casework/${caseId}/steps/AddSubject`).type('form').send(stale).expect(409);
    expect(conflict.text).toContain('Someone else recorded a step on this case');
    expect(fieldValue(conflict.text, '_revision')).toBe(String(Number(hidden._revision) + 1));
    expect((await service.app.get(EventStore).readStream(`case-${caseId}`)).filter((event) => event.type === 'SubjectAdded')).toHaveLength(1);
  });

  it('draws a form for every case command route, from its body', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const agent = await signInAs(service, { userId: 'dcc-1', role: 'DCC', force: 'HAMPSHIRE' });
    await statePurpose(agent, caseId, PURPOSE);
    await agent.get(`/casework/${caseId}`).set('X-Wait-For-Position', position).expect(200);
    const document = (await service.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, { post?: { operationId: string } }> };
    // The documents' routes are not step forms: the upload is the case page's own form (test/documents/pages.test.ts).
    const caseRoutes = Object.entries(document.paths)
      .filter(
        ([path, item]) =>
          /^\/api\/v1\/cases\/\{caseId\}\//.test(path) && item.post !== undefined && !path.endsWith('/conflicts') && !/\/documents(\/|$)/.test(path),
      )
      .map(([, item]) => item.post?.operationId);
    const steps = service.app.get(CommandForms).steps();
    expect(steps.map((step) => step.operationId).sort()).toEqual([...caseRoutes].sort());
    for (const step of steps) {
      const { html } = await stepForm(agent, caseId, step.operationId);
      for (const field of step.fields) expect({ step: step.operationId, field: field.name, drawn: html.includes(field.name) }).toMatchObject({ drawn: true });
    }
    expect(service.app.get(CommandForms).opening()?.operationId).toBe('ReceiveReferral');
  });
});

describe('development sign-in', () => {
  it.each([
    ['a real signing secret', { LEDGER_JWT_SECRET: 'a-real-secret-of-at-least-thirty-two-characters' }],
    ['an identity provider (JWKS)', { LEDGER_JWT_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }],
  ])('is refused with %s', async (_what, environment) => {
    const service = await startTestApp(environment);
    try {
      const agent = agentOf(service);
      const page = await agent.get('/sign-in').expect(200);
      expect(page.text).toContain('Development sign-in is off');
      expect(page.text).not.toContain('name="userId"');
      await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: fieldValue(page.text, '_csrf'), userId: 'psd-1', name: 'P', role: 'DCC', force: 'HAMPSHIRE' })
        .expect(403);
      const { rows } = await sessionRows(service, 'SELECT count(*)::int AS n FROM web_sessions');
      expect(rows[0].n).toBe(0);
    } finally {
      await service.close();
    }
  });
});
