/**
 * The recommendation routes over real HTTP, with the two seed recommendations: the IOPC's to
 * Hertfordshire (seed 002, March 2023: accepted, carried out by the BCH conflict-of-interest
 * policy) and HMIC's to Hampshire (seed 004, November 2014: "within six months" on recording
 * refused gifts and hospitality), and `GET /recommendations?force=&overdue=`.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { EventStore } from '../../src/event-store/event-store';
import { Vault } from '../../src/vault/vault';
import type { Role } from '../../src/http/roles';
import { addMonthsToDay } from '../../src/common/days';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import type { TestApp } from '../support/app';
import { bearer } from '../http/support';
import { post, startCasesApp } from '../cases/support';

const HERTFORDSHIRE = {
  source: 'IOPC',
  force: 'HERTFORDSHIRE',
  madeOn: '2023-03-01',
  dueOn: '2023-09-01',
  reference: 'IOPC learning recommendation, Hertfordshire Constabulary, March 2023',
  text: 'The IOPC recommends that Hertfordshire Constabulary develop and implement a general conflict of interest policy which covers potential scenarios which could arise between police officers and their neighbours and/or acquaintances.',
};
const HAMPSHIRE_REPORT_ON = '2014-11-01';
const HAMPSHIRE = {
  source: 'HMICFRS',
  madeOn: HAMPSHIRE_REPORT_ON,
  dueOn: addMonthsToDay(HAMPSHIRE_REPORT_ON, 6),
  reference: 'Police Integrity and Corruption: Hampshire Constabulary (HMIC, November 2014)',
  text: 'Within six months, the force should ensure that all staff understand the need to report and record an offer of a gift or hospitality even when it has been refused at the time, or subsequently not approved by a manager.',
};

describe('recommendations', () => {
  let app: TestApp;
  let lastPosition = '0';
  let today = '2015-06-01';

  beforeAll(async () => {
    app = await startCasesApp();
    jest.spyOn(app.app.get<Clock>(CLOCK), 'today').mockImplementation(() => today);
  });

  afterAll(async () => {
    await app.close();
  });

  async function send(path: string, body: object, force = 'HAMPSHIRE', expected = 201): Promise<Response> {
    const response = await post(app, path, body, { force });
    expect(response.status).toBe(expected);
    if (response.status === 201) lastPosition = String(response.headers['x-ledger-position']);
    return response;
  }

  function list(query: string, reader: { force?: string; roles?: Role[] } = {}): Promise<Response> {
    return app
      .http()
      .get(`/api/v1/recommendations${query}`)
      .set('Authorization', bearer(app.config, { roles: reader.roles ?? ['INSPECTOR'], force: reader.force ?? '*' }))
      .set('X-Wait-For-Position', lastPosition);
  }

  it("records the IOPC's Hertfordshire recommendation: made, accepted, acted on, completed, with the fields of docs/events.md", async () => {
    const made = await send('recommendations', HERTFORDSHIRE, '*');
    const recommendationId = String(made.body.recommendationId);
    const response = { respondedOn: '2023-04-20', accepted: true, response: 'Yes. Accepted action: included in the existing BCH policy.' };
    await send(`recommendations/${recommendationId}/response`, response, 'HERTFORDSHIRE');
    const action = { on: '2023-06-01', action: 'Policy live, extended to Bedfordshire and Cambridgeshire (BCH policy 2.2).' };
    await send(`recommendations/${recommendationId}/actions`, action, 'HERTFORDSHIRE');
    await send(`recommendations/${recommendationId}/complete`, { completedOn: '2023-06-30' }, 'HERTFORDSHIRE');
    const events = await app.app.get(Vault).open(await app.app.get(EventStore).readStream(`recommendation-${recommendationId}`));
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['RecommendationMade', { ...HERTFORDSHIRE, recommendationId }],
      ['RecommendationResponded', response],
      ['RecommendationActionRecorded', action],
      ['RecommendationCompleted', { completedOn: '2023-06-30' }],
    ]);
    const listed = await list('?force=HERTFORDSHIRE');
    expect(listed.body.items).toEqual([expect.objectContaining({ recommendationId, status: 'COMPLETED', overdue: false })]);
  });

  it('lists the Hampshire recommendation as overdue the day after its six months, and not once completed', async () => {
    const made = await send('recommendations', HAMPSHIRE);
    const recommendationId = String(made.body.recommendationId);
    expect(HAMPSHIRE.dueOn).toBe('2015-05-01');
    today = '2015-05-01';
    expect((await list('?force=HAMPSHIRE&overdue=true')).body).toEqual({ items: [], total: 0 });
    today = '2015-05-02';
    const overdue = await list('?force=HAMPSHIRE&overdue=true');
    expect(overdue.body.items).toEqual([expect.objectContaining({ recommendationId, source: 'HMICFRS', dueOn: '2015-05-01', status: 'OPEN', overdue: true })]);

    await send(`recommendations/${recommendationId}/response`, { respondedOn: '2014-12-01', accepted: true, response: 'Accepted.' });
    await send(`recommendations/${recommendationId}/actions`, { on: '2015-03-01', action: 'Briefing to all staff; register distinguishes declined offers.' });
    expect((await list('?force=HAMPSHIRE&overdue=true')).body.total).toBe(1);
    await send(`recommendations/${recommendationId}/complete`, { completedOn: '2015-05-20' });
    expect((await list('?force=HAMPSHIRE&overdue=true')).body.total).toBe(0);
    expect((await list('?force=HAMPSHIRE&overdue=false')).body.items).toEqual([
      expect.objectContaining({ recommendationId, status: 'COMPLETED', overdue: false }),
    ]);
  });

  it("shows a force only its own recommendations, and answers 404 to a step on another force's", async () => {
    const made = await send('recommendations', { ...HAMPSHIRE, force: 'KENT' }, '*');
    const recommendationId = String(made.body.recommendationId);
    const hampshireReader = await list('', { force: 'HAMPSHIRE', roles: ['DCC'] });
    expect(hampshireReader.body.items.map((item: { force: string }) => item.force)).not.toContain('KENT');
    expect((await list('?force=KENT', { force: 'HAMPSHIRE', roles: ['DCC'] })).body.total).toBe(0);
    await send(`recommendations/${recommendationId}/response`, { respondedOn: '2014-12-01', accepted: false, response: 'No.' }, 'HAMPSHIRE', 404);
  });

  it('refuses by rule (422), bad input (400), and roles that only read (403), appending nothing', async () => {
    const made = await send('recommendations', HAMPSHIRE);
    const id = String(made.body.recommendationId);
    const refused = await send(`recommendations/${id}/complete`, { completedOn: '2015-01-01' }, 'HAMPSHIRE', 422);
    expect(refused.body.rule).toBe('completionNeedsAcceptance');
    expect((await send(`recommendations/${id}/actions`, { on: '2015-01-01', action: 'x' }, 'HAMPSHIRE', 422)).body.rule).toBe('actionNeedsAcceptance');
    expect((await send('recommendations', { ...HAMPSHIRE, dueOn: '2014-10-01' }, 'HAMPSHIRE', 422)).body.rule).toBe('dueBeforeMade');
    const invalid = await send('recommendations', { ...HAMPSHIRE, source: 'PRESS' }, 'HAMPSHIRE', 400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'source' })]);
    expect(
      (await send(`recommendations/${id}/response`, { respondedOn: '2014-12-01', accepted: 'yes', response: 'Yes' }, 'HAMPSHIRE', 400)).body.errors,
    ).toEqual([expect.objectContaining({ field: 'accepted' })]);
    expect(
      (await send(`recommendations/${randomUUID()}/response`, { respondedOn: '2014-12-01', accepted: true, response: 'Yes' }, 'HAMPSHIRE', 404)).status,
    ).toBe(404);
    for (const role of ['INSPECTOR', 'AUDITOR', 'ADMIN'] as const) {
      expect((await post(app, 'recommendations', HAMPSHIRE, { role })).status).toBe(403);
    }
    expect(await app.app.get(EventStore).readStream(`recommendation-${id}`)).toHaveLength(1);
    expect((await list('', { roles: ['ADMIN'] })).status).toBe(403);
    expect((await list('?overdue=maybe')).status).toBe(400);
  });

  it('documents every recommendation route', async () => {
    const docs = (await app.http().get('/api/docs-json')).body as { paths: Record<string, { post?: object; get?: object }> };
    expect(docs.paths['/api/v1/recommendations']).toEqual(expect.objectContaining({ post: expect.any(Object), get: expect.any(Object) }));
    for (const step of ['response', 'actions', 'complete']) expect(docs.paths[`/api/v1/recommendations/{recommendationId}/${step}`]?.post).toBeDefined();
  });
});
