/** `POST /workforce/{force}/returns` over real HTTP: the event of docs/events.md, validation, rules and roles. */
import type { Role } from '../../src/http/roles';
import { EventStore } from '../../src/event-store/event-store';
import type { TestApp } from '../support/app';
import { post, PROBLEM_JSON, startCasesApp } from '../cases/support';

const RETURN = { asAt: '2014-03-31', officers: 3482, staff: 2010, specials: 350, volunteers: 120, inPsdOrAcu: 55 };

describe('workforce returns', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startCasesApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const eventsOf = (force: string) => app.app.get(EventStore).readStream(`workforce-${force}`);

  it('appends WorkforceReturned with the fields of docs/events.md to workforce-<force>', async () => {
    const response = await post(app, 'workforce/HAMPSHIRE/returns', RETURN, { role: 'ADMIN' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ force: 'HAMPSHIRE', events: [{ type: 'WorkforceReturned' }] });
    const [event] = await eventsOf('HAMPSHIRE');
    expect(event.data).toEqual({ force: 'HAMPSHIRE', ...RETURN });
    expect(event.metadata.occurredAt).toBe('2014-03-31T00:00:00.000Z');
  });

  it.each<Role>(['DCC', 'APPROPRIATE_AUTHORITY'])('lets %s make a return', async (role) => {
    expect((await post(app, 'workforce/HAMPSHIRE/returns', RETURN, { role })).status).toBe(201);
  });

  it.each<Role>(['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'INSPECTOR', 'AUDITOR'])('refuses %s (403)', async (role) => {
    expect((await post(app, 'workforce/HAMPSHIRE/returns', RETURN, { role })).status).toBe(403);
  });

  it('refuses a return for another force (403), and lets a national user make one for any force', async () => {
    expect((await post(app, 'workforce/KENT/returns', RETURN, { role: 'ADMIN' })).status).toBe(403);
    expect((await post(app, 'workforce/DEVON_AND_CORNWALL/returns', RETURN, { role: 'ADMIN', force: '*' })).status).toBe(201);
    expect(await eventsOf('KENT')).toEqual([]);
  });

  const invalid: [string, string, object, string[]][] = [
    ['a negative headcount', 'HAMPSHIRE', { ...RETURN, staff: -1 }, ['staff']],
    ['a fraction', 'HAMPSHIRE', { ...RETURN, specials: 1.5 }, ['specials']],
    ['a headcount as text', 'HAMPSHIRE', { ...RETURN, officers: '3482' }, ['officers']],
    ['a date not in the calendar', 'HAMPSHIRE', { ...RETURN, asAt: '2014-02-30' }, ['asAt']],
    ['a missing field', 'HAMPSHIRE', { asAt: '2014-03-31', officers: 1, staff: 1, specials: 0, volunteers: 0 }, ['inPsdOrAcu']],
    ['an unknown field', 'HAMPSHIRE', { ...RETURN, contractors: 3 }, ['contractors']],
    ['a force that is not a force code', 'hampshire', RETURN, ['force']],
  ];
  it.each(invalid)('refuses %s (400), appending nothing', async (_what, force, body, fields) => {
    const before = await eventsOf('HAMPSHIRE');
    const response = await post(app, `workforce/${force}/returns`, body, { role: 'ADMIN' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect([...new Set(response.body.errors.map((error: { field: string }) => error.field))]).toEqual(fields);
    expect(await eventsOf('HAMPSHIRE')).toEqual(before);
  });

  it.each([
    ['workforceMustNotBeEmpty', { ...RETURN, officers: 0, staff: 0, inPsdOrAcu: 0 }],
    ['psdAndAcuWithinWorkforce', { ...RETURN, officers: 10, staff: 5, inPsdOrAcu: 16 }],
  ])('refuses by rule %s (422)', async (rule, body) => {
    const response = await post(app, 'workforce/HAMPSHIRE/returns', body, { role: 'ADMIN' });
    expect({ status: response.status, rule: response.body.rule }).toEqual({ status: 422, rule });
  });

  it('is documented', async () => {
    const docs = (await app.http().get('/api/docs-json')).body as { paths: Record<string, { post?: { operationId: string } }> };
    expect(docs.paths['/api/v1/workforce/{force}/returns']?.post?.operationId).toBe('MakeWorkforceReturn');
  });
});
