/**
 * Issue 18 point 5, through real HTTP: GET /dashboards/dcc/backlog counts a force's live cases
 * allocated (allocation names an investigator: an appointment or reassignment replaces the one
 * who started the investigation) and not, in age bands, by the year they came to
 * attention, by stage, type and investigator, and month by month; a closed case is not live;
 * another force's cases and those need-to-know hides are not counted; the oversight page shows it.
 */
import { randomUUID } from 'node:crypto';
import { format, subMonths } from 'date-fns';
import type { CaseCommand } from '../../src/cases/case.command-types';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { bearer } from '../http/support';
import { FORCE, sendCommand, serviceForThisFile } from '../cases/support';
import { signInAs } from '../web/page-support';

const NONE = { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false };
const INVESTIGATOR = randomUUID();
/** The handed-over case: started by the first, appointed to the second, reassigned to the third. */
const HANDED = { first: randomUUID(), second: randomUUID(), third: randomUUID() };
const APPOINTMENT = randomUUID();

describe('the backlog', () => {
  const service = serviceForThisFile({ LEDGER_JWT_SECRET: undefined });
  let position = '';
  let today = '';
  const dayBefore = (months: number) => format(subMonths(new Date(`${today}T12:00:00Z`), months), 'yyyy-MM-dd');
  const cases: Record<string, string> = {};

  async function send(command: CaseCommand, force = FORCE): Promise<void> {
    const response = await sendCommand(service.app, command, { force });
    expect({ type: command.type, status: response.status, body: response.status === 201 ? undefined : response.body }).toEqual({
      type: command.type,
      status: 201,
    });
    position = String(response.headers['x-ledger-position']);
  }

  const referral = (name: string, receivedOn: string, overrides: Partial<Extract<CaseCommand, { type: 'ReceiveReferral' }>> = {}): CaseCommand => {
    cases[name] = randomUUID();
    return {
      type: 'ReceiveReferral',
      caseId: cases[name],
      force: FORCE,
      receivedOn,
      source: 'INTERNAL_REPORT',
      caseType: 'CONDUCT_MATTER',
      summary: 'A matter',
      anonymousSource: false,
      sensitivity: 'STANDARD',
      corruptionCategories: [],
      flags: NONE,
      ...overrides,
    };
  };

  const backlog = (reader: { roles?: ('DCC' | 'INSPECTOR')[]; force?: string; userId?: string } = {}) =>
    service.app
      .http()
      .get(`/api/v1/dashboards/dcc/backlog${reader.force === '*' ? `?force=${FORCE}` : ''}`)
      .set('Authorization', bearer(service.app.config, { userId: reader.userId ?? 'dcc-1', roles: reader.roles ?? ['DCC'], force: reader.force ?? FORCE }))
      .set('X-Wait-For-Position', position);

  beforeAll(async () => {
    today = service.app.app.get<Clock>(CLOCK, { strict: false }).today();
    await send(referral('recent', dayBefore(1)));
    await send({ type: 'StartInvestigation', caseId: cases.recent, investigatorId: INVESTIGATOR, startedOn: dayBefore(1), termsOfReference: 'Terms' });
    await send(referral('fourMonths', dayBefore(4), { caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT' }));
    await send(referral('eightMonths', dayBefore(8)));
    await send({ type: 'StartInvestigation', caseId: cases.eightMonths, investigatorId: INVESTIGATOR, startedOn: dayBefore(7), termsOfReference: 'Terms' });
    await send(referral('old', dayBefore(26)));
    await send(referral('closed', dayBefore(30)));
    await send({ type: 'CloseCase', caseId: cases.closed, on: dayBefore(2), reason: 'No case to answer.' });
    await send(referral('covert', dayBefore(1), { sensitivity: 'COVERT' }));
    await send({ ...referral('elsewhere', dayBefore(1)), force: 'SURREY' } as CaseCommand, 'SURREY');
    await send(referral('reopened', dayBefore(30)));
    await send({ type: 'CloseCase', caseId: cases.reopened, on: dayBefore(6), reason: 'No case to answer.' });
    await send({ type: 'ReopenCase', caseId: cases.reopened, on: dayBefore(3), reason: 'New evidence.' });
    await send(referral('handedOver', dayBefore(2)));
    await send({ type: 'StartInvestigation', caseId: cases.handedOver, investigatorId: HANDED.first, startedOn: dayBefore(2), termsOfReference: 'Terms' });
    await send({
      type: 'AppointInvestigator',
      caseId: cases.handedOver,
      appointmentId: APPOINTMENT,
      investigatorId: HANDED.second,
      role: 'INVESTIGATOR',
      on: dayBefore(1),
    });
    await send({
      type: 'ReassignInvestigator',
      caseId: cases.handedOver,
      appointmentId: APPOINTMENT,
      investigatorId: HANDED.third,
      on: dayBefore(0),
      reason: 'The investigator moved to another command.',
    });
  });

  it('counts the live cases, allocated and not, in age bands', async () => {
    const { body } = await backlog().expect(200);
    expect(body.force).toBe(FORCE);
    // The DCC sees the covert case; the closed one and another force's are not live here.
    expect(body.live).toEqual({ total: 7, allocated: 3, unallocated: 4 });
    expect(body.ageing).toEqual([
      { band: 'UNDER_3_MONTHS', total: 3, allocated: 2, unallocated: 1 },
      { band: 'FROM_3_TO_6_MONTHS', total: 1, allocated: 0, unallocated: 1 },
      { band: 'FROM_6_TO_12_MONTHS', total: 1, allocated: 1, unallocated: 0 },
      { band: 'OVER_12_MONTHS', total: 2, allocated: 0, unallocated: 2 },
    ]);
    expect(body.byInvestigator).toEqual([
      { investigatorId: null, count: 4 },
      { investigatorId: INVESTIGATOR, count: 2 },
      { investigatorId: HANDED.third, count: 1 },
    ]);
    expect(body.byCaseType).toEqual([
      { caseType: 'CONDUCT_MATTER', count: 6 },
      { caseType: 'COMPLAINT', count: 1 },
    ]);
    expect(body.byStage.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(7);
  });

  it('names the earlier years of cases never closed, and the trend month by month', async () => {
    const { body } = await backlog().expect(200);
    const year = Number(today.slice(0, 4));
    const earlier = [dayBefore(1), dayBefore(2), dayBefore(4), dayBefore(8), dayBefore(26), dayBefore(30)]
      .map((day) => Number(day.slice(0, 4)))
      .filter((y) => y < year);
    const expected = [...new Set(earlier)].sort().map((y) => ({ year: y, count: earlier.filter((e) => e === y).length }));
    expect(body.openSinceEarlierYears).toEqual(expected);
    expect(body.trend).toHaveLength(12);
    const thisMonth = body.trend.at(-1);
    expect(thisMonth.month).toBe(today.slice(0, 7));
    expect(thisMonth.openAtEnd).toBe(7);
    const closedIn = body.trend.find((month: { month: string }) => month.month === dayBefore(2).slice(0, 7));
    expect(closedIn.closed).toBe(1);
    expect(body.trend.reduce((sum: number, month: { received: number }) => sum + month.received, 0)).toBe(5);
  });

  it('counts a reopened case as closed in the months its closure stood', async () => {
    const { body } = await backlog().expect(200);
    const month = (months: number) => body.trend.find((row: { month: string }) => row.month === dayBefore(months).slice(0, 7));
    expect(month(6).closed).toBe(1);
    // Between its closure and its reopening: open are the eight-month and the old cases, and the
    // one closed only two months ago; not the reopened one.
    expect(month(5).openAtEnd).toBe(3);
  });

  it('counts a case under the investigator allocation names now, as the case list and "my cases" do', async () => {
    const read = (path: string, userId: string) =>
      service.app
        .http()
        .get(`/api/v1/${path}`)
        .set('Authorization', bearer(service.app.config, { userId, roles: ['PSD_INVESTIGATOR'], force: FORCE }))
        .set('X-Access-Purpose', 'Checking who investigates this case.')
        .set('X-Wait-For-Position', position);
    const { body } = await backlog().expect(200);
    const named = (body.byInvestigator as { investigatorId: string | null }[]).map((row) => row.investigatorId);
    expect(named).toContain(HANDED.third);
    expect(named).not.toContain(HANDED.first);
    expect(named).not.toContain(HANDED.second);
    const status = await read(`cases/${cases.handedOver}`, HANDED.third).expect(200);
    expect(status.body.investigatorId).toBe(HANDED.third);
    const caseIds = (response: { body: { items: { caseId: string }[] } }) => response.body.items.map((item) => item.caseId);
    expect(caseIds(await read(`cases?investigator=${HANDED.third}`, HANDED.third).expect(200))).toEqual([cases.handedOver]);
    for (const former of [HANDED.first, HANDED.second]) {
      expect(caseIds(await read(`cases?investigator=${former}`, former).expect(200))).toEqual([]);
      const mine = await read('allocation/caseload', former).expect(200);
      expect(mine.body.cases).toEqual([]);
    }
  });

  it('counts only what the reader may open, and refuses another force', async () => {
    const inspector = await backlog({ roles: ['INSPECTOR'] }).expect(200);
    expect(inspector.body.live.total).toBe(6);
    await backlog({ force: 'SURREY', roles: ['DCC'] }).expect(200);
    await service.app
      .http()
      .get(`/api/v1/dashboards/dcc/backlog?force=SURREY`)
      .set('Authorization', bearer(service.app.config, { roles: ['DCC'], force: FORCE }))
      .expect(403);
    await service.app
      .http()
      .get(`/api/v1/dashboards/dcc/backlog`)
      .set('Authorization', bearer(service.app.config, { roles: ['PSD_INVESTIGATOR'], force: FORCE }))
      .expect(403);
  });

  it('is shown on the oversight page', async () => {
    const agent = await signInAs(service.app, { userId: 'dcc-page', role: 'DCC', force: FORCE });
    const page = await agent.get('/oversight').expect(200);
    expect(page.text).toContain('Backlog: 7 live cases, 4 unallocated');
    expect(page.text).toContain('Open since an earlier year, never closed');
  });
});
