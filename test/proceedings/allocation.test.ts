/**
 * Issue 16 points 1 and 2 over real HTTP: investigators appointed and reassigned, with each
 * investigator's caseload, the unallocated cases and the case list's `investigator` filter
 * following; an appointee who declared a conflict refused; a report returned and then approved;
 * a case-to-answer decision and a form of proceedings signed off before the hearing is
 * scheduled, with what waits for review on the DCC's dashboard and every step in the history.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import type { Role } from '../../src/http/roles';
import { CommandForms } from '../../src/web/command-forms';
import { bearer } from '../http/support';
import { referralBody, subjectBody } from '../cases/every-route';
import { FORCE, post, serviceForThisFile } from '../cases/support';

const TODAY = '2021-09-01';
const PURPOSE = 'Checking the chain of command of this investigation.';

describe('allocation, review and sign-off', () => {
  const service = serviceForThisFile();
  const people = {
    firstInvestigator: randomUUID(),
    secondInvestigator: randomUUID(),
    supervisor: randomUUID(),
    conflicted: randomUUID(),
    authority: randomUUID(),
    otherInvestigator: randomUUID(),
  };
  const cases = { gross: randomUUID(), waiting: randomUUID(), conflicted: randomUUID() };
  const subjectA = randomUUID();
  const subjectB = randomUUID();
  const appointmentId = randomUUID();
  let lastPosition = '0';

  beforeAll(() => {
    jest.spyOn(service.app.app.get<Clock>(CLOCK, { strict: false }), 'today').mockReturnValue(TODAY);
  });

  afterAll(() => jest.restoreAllMocks());

  async function send(path: string, body: Record<string, unknown>, role: Role, userId?: string): Promise<Response> {
    const response = await post(service.app, path, body, { role, userId });
    if (response.status === 201) lastPosition = response.body.position as string;
    return response;
  }

  async function sendOk(path: string, body: Record<string, unknown>, role: Role = 'APPROPRIATE_AUTHORITY', userId?: string): Promise<void> {
    const response = await send(path, body, role, userId);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ status: 201 });
  }

  function read(path: string, userId?: string, role: Role = 'PSD_INVESTIGATOR') {
    return service.app
      .http()
      .get(`/api/v1/${path}`)
      .set('Authorization', bearer(service.app.config, { roles: [role], force: FORCE, userId }))
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', lastPosition);
  }

  const caseloadOf = async (investigatorId: string): Promise<string[]> => {
    const { body } = await read(`allocation/caseload?investigatorId=${investigatorId}`, people.supervisor).expect(200);
    return (body.cases as { caseId: string }[]).map((entry) => entry.caseId);
  };
  const unallocated = async (): Promise<string[]> => {
    const { body } = await read('allocation/unallocated', people.supervisor).expect(200);
    return (body.cases as { caseId: string }[]).map((entry) => entry.caseId);
  };
  const appoint = (caseId: string, investigatorId: string, extra: Record<string, unknown> = {}) =>
    send(`cases/${caseId}/appointments`, { investigatorId, role: 'INVESTIGATOR', on: '2021-03-05', ...extra }, 'APPROPRIATE_AUTHORITY');

  beforeAll(async () => {
    for (const caseId of Object.values(cases)) {
      await sendOk('cases', referralBody(caseId), 'PSD_INVESTIGATOR');
    }
    await sendOk(`cases/${cases.gross}/subjects`, subjectBody(subjectA), 'PSD_INVESTIGATOR');
    await sendOk(`cases/${cases.gross}/subjects`, subjectBody(subjectB, { rank: 'SERGEANT' }), 'PSD_INVESTIGATOR');
    await sendOk(`cases/${cases.waiting}/subjects`, subjectBody(randomUUID()), 'PSD_INVESTIGATOR');
  });

  it('lists every live case without an investigator as unallocated', async () => {
    expect(new Set(await unallocated())).toEqual(new Set(Object.values(cases)));
  });

  it('follows appointments and reassignments in the caseloads, the unallocated cases and the case list', async () => {
    expect((await appoint(cases.gross, people.firstInvestigator, { appointmentId })).status).toBe(201);
    await sendOk(`cases/${cases.gross}/appointments`, {
      investigatorId: people.supervisor,
      role: 'SUPERVISING_OFFICER',
      subjectId: subjectA,
      on: '2021-03-05',
    });
    expect(await caseloadOf(people.firstInvestigator)).toEqual([cases.gross]);
    expect(await unallocated()).not.toContain(cases.gross);

    const supervised = await read(`allocation/caseload?investigatorId=${people.supervisor}`, people.supervisor).expect(200);
    expect(supervised.body.cases).toEqual([
      expect.objectContaining({
        caseId: cases.gross,
        subjectIds: [subjectA],
        assignments: [expect.objectContaining({ role: 'SUPERVISING_OFFICER', subjectId: subjectA })],
      }),
    ]);

    await sendOk(`cases/${cases.gross}/appointments/reassignment`, {
      appointmentId,
      investigatorId: people.secondInvestigator,
      on: '2021-04-01',
      reason: 'The first investigator moved to another command.',
    });
    expect(await caseloadOf(people.firstInvestigator)).toEqual([]);
    expect(await caseloadOf(people.secondInvestigator)).toEqual([cases.gross]);
    expect(await unallocated()).not.toContain(cases.gross);

    // "My cases": the reader's own caseload, and the case list filtered by investigator.
    const mine = await read('allocation/caseload', people.secondInvestigator).expect(200);
    expect(mine.body).toMatchObject({
      investigatorId: people.secondInvestigator,
      total: 1,
      cases: [{ caseId: cases.gross, subjectIds: [subjectA, subjectB] }],
    });
    const listed = await read(`cases?investigator=${people.secondInvestigator}`, people.supervisor).expect(200);
    expect((listed.body.items as { caseId: string }[]).map((item) => item.caseId)).toEqual([cases.gross]);
    const former = await read(`cases?investigator=${people.firstInvestigator}`, people.supervisor).expect(200);
    expect(former.body.items).toEqual([]);
  });

  it("shows the caseload's overdue steps as the case's timeliness judges them", async () => {
    await sendOk(
      `cases/${cases.gross}/investigation`,
      { investigatorId: people.secondInvestigator, startedOn: '2021-03-05', termsOfReference: 'Audit.' },
      'PSD_INVESTIGATOR',
    );
    // Suspended in March and never reviewed: the reviews are overdue.
    await sendOk(
      `cases/${cases.gross}/subjects/${subjectB}/suspension`,
      { action: 'SUSPEND', on: '2021-03-10', reason: 'Risk to the investigation.' },
      'PSD_INVESTIGATOR',
    );
    const { body: timeliness } = await read(`cases/${cases.gross}/timeliness`, people.supervisor).expect(200);
    const overdue = (timeliness.deadlines as { rule: string; overdue: boolean; kind?: string }[])
      .filter((deadline) => deadline.overdue)
      .map((deadline) => deadline.rule);
    expect(overdue).toContain('suspensionReview');
    const { body } = await read(`allocation/caseload?investigatorId=${people.secondInvestigator}`, people.supervisor).expect(200);
    expect((body.cases[0].overdueSteps as { rule: string }[]).map((step) => step.rule).sort()).toEqual(overdue.sort());
  });

  it('refuses to appoint someone who declared a conflict on the case, and keeps the case unallocated', async () => {
    const declared = await send(`cases/${cases.conflicted}/conflicts`, { nature: 'RELATIVE' }, 'PSD_INVESTIGATOR', people.conflicted);
    expect(declared.status).toBe(201);
    const refused = await appoint(cases.conflicted, people.conflicted);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'investigatorHasDeclaredConflict' });
    expect(await unallocated()).toContain(cases.conflicted);

    const otherAppointment = randomUUID();
    expect((await appoint(cases.conflicted, people.otherInvestigator, { appointmentId: otherAppointment })).status).toBe(201);
    expect(await unallocated()).toEqual([cases.waiting]);
    // Nor may the conflicted person take the appointment over by reassignment.
    const reassigned = await send(
      `cases/${cases.conflicted}/appointments/reassignment`,
      { appointmentId: otherAppointment, investigatorId: people.conflicted, on: '2021-04-01', reason: 'Workload.' },
      'APPROPRIATE_AUTHORITY',
    );
    expect({ status: reassigned.status, rule: reassigned.body.rule }).toEqual({ status: 422, rule: 'investigatorHasDeclaredConflict' });
    expect(await caseloadOf(people.otherInvestigator)).toEqual([cases.conflicted]);
    expect(await caseloadOf(people.conflicted)).toEqual([]);
  });

  it('refuses to appoint a subject of the case', async () => {
    const subjectPerson = randomUUID();
    await sendOk(`cases/${cases.waiting}/subjects`, subjectBody(randomUUID(), { personId: subjectPerson }), 'PSD_INVESTIGATOR');
    const refused = await appoint(cases.waiting, subjectPerson);
    expect({ status: refused.status, rule: refused.body.rule }).toEqual({ status: 422, rule: 'investigatorIsSubject' });
  });

  it('keeps a returned report and its resubmission; the DCC sees it waiting, then approved', async () => {
    const submit = (on: string) => send(`cases/${cases.gross}/investigation-report/review-submission`, { on }, 'PSD_INVESTIGATOR', people.secondInvestigator);
    expect((await submit('2021-08-01')).status).toBe(201);
    const byAuthor = await send(
      `cases/${cases.gross}/investigation-report/review`,
      { on: '2021-08-03', result: 'APPROVED' },
      'PSD_INVESTIGATOR',
      people.secondInvestigator,
    );
    expect({ status: byAuthor.status, rule: byAuthor.body.rule }).toEqual({ status: 422, rule: 'reviewerIsAuthor' });
    await sendOk(
      `cases/${cases.gross}/investigation-report/review`,
      { on: '2021-08-05', result: 'RETURNED', reasons: 'The interview of B is missing.' },
      'PSD_INVESTIGATOR',
      people.supervisor,
    );
    const early = await send(`cases/${cases.gross}/investigation-report`, { on: '2021-08-06' }, 'PSD_INVESTIGATOR', people.secondInvestigator);
    expect({ status: early.status, rule: early.body.rule }).toEqual({ status: 422, rule: 'reportNeedsApproval' });
    expect((await submit('2021-08-10')).status).toBe(201);

    const dashboard = await read(`dashboards/dcc`, people.authority, 'DCC').expect(200);
    expect(dashboard.body.awaitingReview).toEqual({
      items: [{ caseId: cases.gross, subjectId: null, item: 'INVESTIGATION_REPORT', waitingSince: '2021-08-10', daysWaiting: 22 }],
      total: 1,
      longestDaysWaiting: 22,
      meanDaysWaiting: 22,
    });

    await sendOk(`cases/${cases.gross}/investigation-report/review`, { on: '2021-08-12', result: 'APPROVED' }, 'PSD_INVESTIGATOR', people.supervisor);
    await sendOk(`cases/${cases.gross}/investigation-report`, { on: '2021-08-13' }, 'PSD_INVESTIGATOR', people.secondInvestigator);
    const after = await read(`dashboards/dcc`, people.authority, 'DCC').expect(200);
    expect(after.body.awaitingReview).toMatchObject({ items: [], total: 0 });
  });

  it('schedules the hearing only once the case-to-answer decision and the form are signed off by the right rank', async () => {
    const subjectPath = `cases/${cases.gross}/subjects/${subjectA}`;
    await sendOk(`${subjectPath}/case-to-answer`, { decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT', decidedBy: 'APPROPRIATE_AUTHORITY', on: '2021-08-20' });
    const hearing = { kind: 'MISCONDUCT_HEARING', noticeServedOn: '2021-08-27', scheduledFor: '2021-10-04' };
    const unsigned = await send(`${subjectPath}/proceedings`, hearing, 'APPROPRIATE_AUTHORITY');
    expect({ status: unsigned.status, rule: unsigned.body.rule }).toEqual({ status: 422, rule: 'proceedingsAwaitSignOff' });

    const waiting = await read(`dashboards/dcc`, people.authority, 'DCC').expect(200);
    expect(waiting.body.awaitingReview.items).toEqual([
      { caseId: cases.gross, subjectId: subjectA, item: 'CASE_TO_ANSWER', waitingSince: '2021-08-20', daysWaiting: 12 },
    ]);

    const signOff = (decision: string, signerRank: string, userId: string) =>
      send(`${subjectPath}/sign-off`, { decision, on: '2021-08-23', signerRank }, 'APPROPRIATE_AUTHORITY', userId);
    const junior = await signOff('CASE_TO_ANSWER', 'CHIEF_INSPECTOR', people.authority);
    expect({ status: junior.status, rule: junior.body.rule, confidence: junior.body.confidence }).toEqual({
      status: 422,
      rule: 'signOffRankTooJunior',
      confidence: 'UNCONFIRMED',
    });
    const investigator = await signOff('CASE_TO_ANSWER', 'SUPERINTENDENT', people.firstInvestigator);
    expect({ status: investigator.status, rule: investigator.body.rule }).toEqual({ status: 422, rule: 'signOffByInvestigator' });
    expect((await signOff('CASE_TO_ANSWER', 'SUPERINTENDENT', people.authority)).status).toBe(201);
    await sendOk(`${subjectPath}/form-of-proceedings`, { form: 'MISCONDUCT_HEARING', on: '2021-08-24' });
    const formUnsigned = await send(`${subjectPath}/proceedings`, hearing, 'APPROPRIATE_AUTHORITY');
    expect(formUnsigned.body.rule).toBe('proceedingsAwaitSignOff');
    expect((await signOff('FORM_OF_PROCEEDINGS', 'CHIEF_SUPERINTENDENT', people.authority)).status).toBe(201);
    await sendOk(`${subjectPath}/proceedings`, hearing);

    const { body } = await read(`cases/${cases.gross}/history`, people.supervisor, 'INSPECTOR').expect(200);
    const chain = (body.events as { type: string; data: Record<string, unknown> }[])
      .filter((entry) =>
        [
          'InvestigationReportSubmittedForReview',
          'InvestigationReportReviewed',
          'InvestigationReportSubmitted',
          'DecisionSignedOff',
          'FormOfProceedingsDecided',
          'ProceedingsScheduled',
        ].includes(entry.type),
      )
      .map((entry) => [entry.type, entry.data.result ?? entry.data.decision ?? entry.data.form ?? entry.data.kind ?? null]);
    expect(chain).toEqual([
      ['InvestigationReportSubmittedForReview', null],
      ['InvestigationReportReviewed', 'RETURNED'],
      ['InvestigationReportSubmittedForReview', null],
      ['InvestigationReportReviewed', 'APPROVED'],
      ['InvestigationReportSubmitted', null],
      ['DecisionSignedOff', 'CASE_TO_ANSWER'],
      ['FormOfProceedingsDecided', 'MISCONDUCT_HEARING'],
      ['DecisionSignedOff', 'FORM_OF_PROCEEDINGS'],
      ['ProceedingsScheduled', 'MISCONDUCT_HEARING'],
    ]);
    const returned = (body.events as { type: string; data: Record<string, unknown> }[]).find((entry) => entry.data.result === 'RETURNED');
    expect(returned?.data).toMatchObject({ reviewedBy: people.supervisor, reasons: 'The interview of B is missing.' });
  });

  it('gives every chain-of-command step a form on the case page, without the sender fields', () => {
    const forms = new Map(
      service.app.app
        .get(CommandForms)
        .steps()
        .map((form) => [form.operationId, form]),
    );
    const fieldsOf = (operationId: string) => forms.get(operationId)?.fields.map((field) => field.name);
    expect(fieldsOf('AppointInvestigator')).toEqual(expect.arrayContaining(['investigatorId', 'role', 'on', 'subjectId']));
    expect(fieldsOf('ReassignInvestigator')).toEqual(expect.arrayContaining(['appointmentId', 'investigatorId', 'on', 'reason']));
    expect(forms.get('RecordSubjectLineManager')?.pathChoices).toEqual(['subjectId']);
    expect(fieldsOf('SubmitReportForReview')).toEqual(['on']);
    expect(fieldsOf('ReviewInvestigationReport')).toEqual(expect.arrayContaining(['on', 'result', 'reasons']));
    expect(fieldsOf('DecideFormOfProceedings')).toEqual(expect.arrayContaining(['form', 'on']));
    expect(fieldsOf('SignOffDecision')).toEqual(expect.arrayContaining(['decision', 'on', 'signerRank']));
    expect(fieldsOf('SignOffDecision')).not.toContain('signedOffBy');
    expect(forms.get('SignOffDecision')?.roles).toEqual(['APPROPRIATE_AUTHORITY', 'DCC']);
  });
});
