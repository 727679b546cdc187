/**
 * Early-intervention alerts over real HTTP (issue 18, point 3): a force's thresholds set
 * through the API, a history seeded through the case, complaint and register routes, and
 * each kind of alert raised by the ledger when the fact that reaches exactly N is recorded
 * (exactly one alert, whose measure is N: the fact before it raised nothing). PSD
 * acknowledges and dispositions; the DCC lists the force's open alerts; the person's record
 * lists theirs, to their force only; a change to a threshold is in the force's history.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Role } from '../../src/http/roles';
import type { TestApp } from '../support/app';
import { bearer } from '../http/support';
import { post, startCasesApp } from '../cases/support';
import { referralBody, subjectBody } from '../cases/every-route';

interface Listed {
  alertId: string;
  kind: string;
  personId: string;
  measure: number;
  threshold: number;
  windowTo: string;
  raisedOn: string;
  status: string;
  disposition: string | null;
  acknowledgedBy: string | null;
}

const PURPOSE = 'Early-intervention review of the officer';

describe('early-intervention alerts', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startCasesApp();
  });
  afterAll(() => app.close());

  async function send(path: string, body: object, sender: { force?: string; role?: Role } = {}): Promise<Response> {
    const response = await post(app, path, body, sender);
    expect({ path, status: response.status, body: response.body as unknown }).toEqual(expect.objectContaining({ status: 201 }));
    return response;
  }

  function read(path: string, reader: { force?: string; roles?: Role[] } = {}): Promise<Response> {
    return app
      .http()
      .get(`/api/v1/${path}`)
      .set('Authorization', bearer(app.config, { userId: 'dcc-1', roles: reader.roles ?? ['DCC'], force: reader.force ?? 'HAMPSHIRE' }))
      .set('X-Access-Purpose', PURPOSE);
  }

  /** The force's alerts about `personId` of `kind`, once `until` holds of them (the reactor raises them shortly after the crossing fact). */
  async function alertsOf(
    personId: string,
    kind: string,
    force = 'HAMPSHIRE',
    until: (alerts: Listed[]) => boolean = (alerts) => alerts.length > 0,
  ): Promise<Listed[]> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await read(`alerts?force=${force}`, { force });
      expect(response.status).toBe(200);
      const alerts = (response.body.items as Listed[]).filter((alert) => alert.personId === personId && alert.kind === kind);
      if (until(alerts) || Date.now() > deadline) return alerts;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function openCase(
    personId: string,
    overrides: Record<string, unknown> = {},
    force = 'HAMPSHIRE',
    role: Role = 'PSD_INVESTIGATOR',
  ): Promise<{ caseId: string; subjectId: string }> {
    const caseId = randomUUID();
    const subjectId = randomUUID();
    await send('cases', referralBody(caseId, { force, ...overrides }), { force, role });
    await send(`cases/${caseId}/subjects`, subjectBody(subjectId, { personId }), { force, role });
    return { caseId, subjectId };
  }

  const allegation = (subjectId: string) => ({
    allegationId: randomUUID(),
    subjectId,
    summary: 'Sent messages of a sexual nature to a member of the public met on duty.',
    standards: ['DISCREDITABLE_CONDUCT'],
    corruptionCategory: 'SEXUAL_MISCONDUCT',
  });

  const overallPerson = randomUUID();
  const incidentPerson = randomUUID();
  const detailPerson = randomUUID();
  const monitoredPerson = randomUUID();
  let overallThresholdId = '';

  it('sets the force thresholds of each kind, through the one write path', async () => {
    const overall = await send('alerts/thresholds', { kind: 'OVERALL', count: 3, windowDays: 365, setOn: '2024-01-01' });
    overallThresholdId = String(overall.body.thresholdId);
    await send('alerts/thresholds', { kind: 'INCIDENT_TYPE', category: 'DISCRIMINATORY_BEHAVIOURS', count: 2, windowDays: 365, setOn: '2024-01-01' });
    await send('alerts/thresholds', { kind: 'ALLEGATION_DETAIL', flag: 'APSP', count: 2, windowDays: 365, setOn: '2024-01-01' });
    await send('alerts/thresholds', { kind: 'MONITORED_PERSON', personId: monitoredPerson, setOn: '2024-01-01' });
    await send(
      'alerts/thresholds',
      { kind: 'TOP_PERCENTILE', percentile: 50, count: 2, windowDays: 365, setOn: '2024-01-01', force: 'KENT' },
      { force: 'KENT' },
    );
    const refused = await post(app, 'alerts/thresholds', { kind: 'INCIDENT_TYPE', count: 2, windowDays: 365, setOn: '2024-01-01' });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('incidentTypeNeedsCategory');
  });

  it('OVERALL: raises one alert at the third case or register signal within the window, none at the second', async () => {
    await openCase(overallPerson, { receivedOn: '2024-01-10' });
    await send(`people/${overallPerson}/drug-tests`, { testedOn: '2024-02-01', kind: 'RANDOM', result: 'POSITIVE' });
    await openCase(overallPerson, { receivedOn: '2024-03-01' });
    const alerts = await alertsOf(overallPerson, 'OVERALL');
    expect(alerts).toEqual([expect.objectContaining({ measure: 3, threshold: 3, windowTo: '2024-03-01', status: 'OPEN' })]);
  });

  it('INCIDENT_TYPE: raises one alert at the second complaint allegation of the category, none at the first', async () => {
    for (const loggedOn of ['2024-02-01', '2024-04-01']) {
      const { caseId } = await openCase(incidentPerson, { caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT', receivedOn: loggedOn, corruptionCategories: [] });
      await send(`cases/${caseId}/complaint`, {
        loggedOn,
        anonymous: true,
        allegations: [{ allegationId: randomUUID(), category: 'DISCRIMINATORY_BEHAVIOURS', incidentOn: loggedOn }],
      });
    }
    const alerts = await alertsOf(incidentPerson, 'INCIDENT_TYPE');
    expect(alerts).toEqual([expect.objectContaining({ measure: 2, threshold: 2, windowTo: '2024-04-01' })]);
  });

  it('ALLEGATION_DETAIL: raises one alert at the second allegation in an APSP case, none at the first', async () => {
    const flags = { apsp: true, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false };
    const { caseId, subjectId } = await openCase(detailPerson, { receivedOn: '2024-05-01', flags, corruptionCategories: ['SEXUAL_MISCONDUCT'] });
    await send(`cases/${caseId}/allegations`, allegation(subjectId));
    await send(`cases/${caseId}/allegations`, allegation(subjectId));
    const alerts = await alertsOf(detailPerson, 'ALLEGATION_DETAIL');
    expect(alerts).toEqual([expect.objectContaining({ measure: 2, threshold: 2 })]);
  });

  it('MONITORED_PERSON: raises an alert for a new signal about them, none for a negative test, none from a covert case', async () => {
    // The ACU's covert case about them raises nothing: no alert may tell of it.
    await openCase(monitoredPerson, { sensitivity: 'COVERT', receivedOn: '2024-05-01' }, 'HAMPSHIRE', 'ACU_INVESTIGATOR');
    await send(`people/${monitoredPerson}/drug-tests`, { testedOn: '2024-05-02', kind: 'RANDOM', result: 'NEGATIVE' });
    await send(`people/${monitoredPerson}/drug-tests`, { testedOn: '2024-05-03', kind: 'RANDOM', result: 'REFUSED' });
    const alerts = await alertsOf(monitoredPerson, 'MONITORED_PERSON');
    expect(alerts).toEqual([expect.objectContaining({ measure: 1, windowTo: '2024-05-03' })]);
  });

  it('TOP_PERCENTILE: raises one alert when the person rises into the top 50% of the force, none while tied', async () => {
    const target = randomUUID();
    await openCase(randomUUID(), { receivedOn: '2024-01-05' }, 'KENT');
    await openCase(randomUUID(), { receivedOn: '2024-01-06' }, 'KENT');
    await openCase(target, { receivedOn: '2024-01-07' }, 'KENT');
    await openCase(target, { receivedOn: '2024-01-08' }, 'KENT');
    const alerts = await alertsOf(target, 'TOP_PERCENTILE', 'KENT');
    expect(alerts).toEqual([expect.objectContaining({ measure: 2, threshold: 2 })]);
    // Another force's DCC sees nothing of Kent's alerts.
    const hampshire = await read('alerts?force=KENT');
    expect(hampshire.body.items).toEqual([]);
  });

  it('is acknowledged and dispositioned by PSD; the DCC lists the open ones; the person record lists theirs, to their force only', async () => {
    const [alert] = await alertsOf(overallPerson, 'OVERALL');
    const early = await post(app, `alerts/${alert.alertId}/disposition`, { disposition: 'MANAGEMENT_ADVICE', dispositionedOn: alert.raisedOn });
    expect([early.status, early.body.rule]).toEqual([422, 'dispositionNeedsAcknowledgement']);
    const dcc = await post(app, `alerts/${alert.alertId}/acknowledgement`, { acknowledgedOn: alert.raisedOn }, { role: 'DCC' });
    expect(dcc.status).toBe(403);
    await send(`alerts/${alert.alertId}/acknowledgement`, { acknowledgedOn: alert.raisedOn });
    await send(`alerts/${alert.alertId}/disposition`, { disposition: 'MANAGEMENT_ADVICE', dispositionedOn: alert.raisedOn });
    const [done] = await alertsOf(overallPerson, 'OVERALL', 'HAMPSHIRE', (alerts) => alerts[0]?.status === 'DISPOSITIONED');
    expect(done).toEqual(expect.objectContaining({ status: 'DISPOSITIONED', disposition: 'MANAGEMENT_ADVICE', acknowledgedBy: 'psd_investigator-1' }));

    const open = await read('alerts?open=true');
    expect((open.body.items as Listed[]).map((item) => item.alertId)).not.toContain(alert.alertId);
    expect((open.body.items as Listed[]).map((item) => item.personId)).toEqual(expect.arrayContaining([incidentPerson, detailPerson, monitoredPerson]));

    const record = await read(`people/${overallPerson}/alerts`, { roles: ['PSD_INVESTIGATOR'] });
    expect(record.status).toBe(200);
    expect((record.body.items as Listed[]).map((item) => item.alertId)).toEqual([alert.alertId]);
    const otherForce = await read(`people/${overallPerson}/alerts`, { force: 'KENT' });
    expect(otherForce.status).toBe(404);
  });

  it('a threshold set after the history exists: raises for whoever is at exactly N as at the day it is set, none at N − 1', async () => {
    // Seeded first: one below (one allegation), then one at N (two), against honesty and integrity.
    const below = randomUUID();
    const atThreshold = randomUUID();
    for (const [personId, allegations] of [
      [below, 1],
      [atThreshold, 2],
    ] as const) {
      const { caseId, subjectId } = await openCase(personId, { receivedOn: '2024-07-01', corruptionCategories: ['SEXUAL_MISCONDUCT'] });
      for (let index = 0; index < allegations; index += 1) {
        await send(`cases/${caseId}/allegations`, { ...allegation(subjectId), standards: ['HONESTY_AND_INTEGRITY'] });
      }
    }
    await send('alerts/thresholds', { kind: 'ALLEGATION_DETAIL', standard: 'HONESTY_AND_INTEGRITY', count: 2, windowDays: 365, setOn: '2024-07-10' });
    const alerts = await alertsOf(atThreshold, 'ALLEGATION_DETAIL');
    expect(alerts).toEqual([expect.objectContaining({ measure: 2, threshold: 2, windowFrom: '2023-07-12', windowTo: '2024-07-10', status: 'OPEN' })]);
    // The person below was evaluated first (their facts came first): nothing was raised for them.
    const response = await read('alerts');
    expect((response.body.items as Listed[]).filter((alert) => alert.personId === below)).toEqual([]);
  });

  it('a monitored-person threshold set over an existing history raises nothing until the next event about them', async () => {
    const person = randomUUID();
    await send(`people/${person}/drug-tests`, { testedOn: '2024-08-01', kind: 'RANDOM', result: 'POSITIVE' });
    await send('alerts/thresholds', { kind: 'MONITORED_PERSON', personId: person, setOn: '2024-08-02' });
    await send(`people/${person}/drug-tests`, { testedOn: '2024-08-03', kind: 'RANDOM', result: 'POSITIVE' });
    const alerts = await alertsOf(person, 'MONITORED_PERSON');
    expect(alerts).toEqual([expect.objectContaining({ windowTo: '2024-08-03' })]);
  });

  it("keeps every change to a threshold in the force's history: who set it, who changed it", async () => {
    await send('alerts/thresholds', { thresholdId: overallThresholdId, kind: 'OVERALL', count: 4, windowDays: 365, setOn: '2024-06-01' }, { role: 'DCC' });
    const deadline = Date.now() + 20_000;
    let body: {
      thresholds: { thresholdId: string; count?: number }[];
      history: { thresholdId: string; change: string; changedBy: string; data: { count?: number } }[];
    };
    do {
      const response = await read('alerts/thresholds');
      expect(response.status).toBe(200);
      body = response.body as typeof body;
    } while (body.history.filter((change) => change.thresholdId === overallThresholdId).length < 2 && Date.now() < deadline);
    const changes = body.history.filter((change) => change.thresholdId === overallThresholdId);
    expect(changes.map(({ change, changedBy, data }) => [change, changedBy, data.count])).toEqual([
      ['SET', 'psd_investigator-1', 3],
      ['SET', 'dcc-1', 4],
    ]);
    expect(body.thresholds.find((threshold) => threshold.thresholdId === overallThresholdId)?.count).toBe(4);
  });
});
