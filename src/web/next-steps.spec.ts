/**
 * The next steps a case's state allows are decide's answer to a probe, not a second copy of
 * the rules: given a case, when its steps are probed, then a rule of the state alone closes a
 * step (naming the rule), and a step whose refusal would depend on its fields stays open.
 */
import { randomUUID } from 'node:crypto';
import { decide } from '../cases/case.decide';
import type { CaseCommand } from '../cases/case.command-types';
import type { CaseEvent } from '../cases/case.events';
import { foldCase } from '../cases/case.state';
import type { CaseState } from '../cases/case.state';
import { commandsFor, NO_FLAGS } from '../cases/seed-stories/story-kit';
import type { CommandForm } from './command-forms';
import { nextSteps } from './next-steps';

function form(operationId: string, commands: string[], pathChoices: string[] = []): CommandForm {
  return { operationId, summary: '', apiPath: '', aggregateId: 'caseId', commands, pathChoices, roles: [], fields: [], opensCase: false, caseStep: true };
}

const STEPS = [
  form('AddSubject', ['AddSubject']),
  form('RecordIopcDecision', ['RecordIopcDecision']),
  form('AssessSeverity', ['AssessSeverity'], ['subjectId']),
  form('CloseCase', ['CloseCase']),
  form('ReopenCase', ['ReopenCase']),
];

function caseAfter(caseId: string, commands: CaseCommand[]): CaseState {
  const events: CaseEvent[] = [];
  for (const command of commands) events.push(...decide(command, foldCase(events.map((event) => ({ ...event, eventId: randomUUID() })))));
  return foldCase(events.map((event) => ({ ...event, eventId: randomUUID() })));
}

describe('the next steps a case allows, asked of decide', () => {
  const caseId = randomUUID();
  const on = commandsFor(caseId);
  const referral = on('ReceiveReferral', {
    caseId,
    force: 'HAMPSHIRE',
    receivedOn: '2024-01-08',
    source: 'INTERNAL_REPORT',
    caseType: 'CONDUCT_MATTER',
    summary: 'A referral.',
    anonymousSource: false,
    sensitivity: 'STANDARD',
    corruptionCategories: [],
    flags: NO_FLAGS,
  });
  const subject = on('AddSubject', {
    subjectId: randomUUID(),
    personId: randomUUID(),
    workforceType: 'POLICE_OFFICER',
    rank: 'CONSTABLE',
    lengthOfServiceMonths: 12,
    unit: 'Response',
  });

  it('given a new referral, a decision of the IOPC is closed by iopcDecisionNeedsReferral, and a step about a subject by the want of one', () => {
    const { open, closed } = nextSteps(STEPS, caseId, caseAfter(caseId, [referral]));
    expect(open.map((step) => step.operationId)).toEqual(expect.arrayContaining(['AddSubject', 'CloseCase']));
    expect(closed.map(({ form: step, rule }) => [step.operationId, rule])).toEqual(
      expect.arrayContaining([
        ['RecordIopcDecision', 'iopcDecisionNeedsReferral'],
        ['AssessSeverity', expect.any(String)],
        ['ReopenCase', 'caseNotClosed'],
      ]),
    );
  });

  it('given a subject, a step about a subject is open', () => {
    const { open } = nextSteps(STEPS, caseId, caseAfter(caseId, [referral, subject]));
    expect(open.map((step) => step.operationId)).toContain('AssessSeverity');
  });

  it('given a closed case, only reopening it is open', () => {
    const closedCase = caseAfter(caseId, [referral, subject, on('CloseCase', { on: '2024-02-01', reason: 'No case to answer.' })]);
    const { open, closed } = nextSteps(STEPS, caseId, closedCase);
    expect(open.map((step) => step.operationId)).toEqual(['ReopenCase']);
    expect(closed.find(({ form: step }) => step.operationId === 'AddSubject')?.rule).toBe('caseClosed');
  });
});
