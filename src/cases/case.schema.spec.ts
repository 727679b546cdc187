import * as fs from 'fs';
import * as path from 'path';
import { CASE_COMMAND_TYPES, COMMAND_EVENT } from './case.command-types';
import { CASE_EVENT_DECLARATIONS, CASE_EVENT_SCHEMA_VERSION, CASE_EVENT_TYPES, CASE_EVENTS, VAULT_FIELDS } from './case.events';
import type { CaseEvent } from './case.events';
import { expectEveryRuleSpecified } from '../common/testing/rule-coverage';
import { CASE_RULES } from './case.rule-book';
import { CONDUCT_REGIMES, regulationsFor } from './case.regulations';
import { conclusion, referralData } from './testing/case-fixtures';

describe('the event catalogue', () => {
  it('lists every case event of docs/events.md, each at schema version 1', () => {
    // Every event docs/events.md's "Case events" section names (backticked, capitalised) is declared.
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/events.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Case events'), doc.indexOf('\n## ', doc.indexOf('## Case events') + 1));
    const named = [...section.matchAll(/`([A-Z][A-Za-z]+)`/g)].map((match) => match[1]).filter((name) => /[a-z]/.test(name));
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter((name) => !CASE_EVENT_TYPES.includes(name as never))).toEqual([]);
    expect(CASE_EVENT_TYPES).toEqual(expect.arrayContaining(['ReferralReceived', 'SubjectArrested', 'ManagementActionTaken', 'RecordCorrected']));
    expect(new Set(Object.values(CASE_EVENT_SCHEMA_VERSION))).toEqual(new Set([1]));
  });

  it('keeps the personal-data fields in one list, and they are fields of their events', () => {
    const withVault = CASE_EVENT_TYPES.filter((type) => VAULT_FIELDS[type].length > 0);
    expect(withVault.sort()).toEqual([
      'AllegationRecorded',
      'ComplaintLogged',
      'DocumentAttached',
      'InvestigationReportReviewed',
      'InvestigationStarted',
      'InvestigativeActionRecorded',
      'InvestigatorReassigned',
      'LearningRecorded',
      'ReferralReceived',
      'ReflectivePracticeNoticeGiven',
      'ReflectiveReviewReportAgreed',
      'SeverityAssessed',
      'SubjectAdded',
    ]);
    for (const type of withVault) {
      for (const field of VAULT_FIELDS[type]) expect(Object.keys(CASE_EVENTS[type].fields)).toContain(field);
    }
  });

  it('takes the legal date from the field each event declares, not from the order of its fields', () => {
    const scheduled = { type: 'ProceedingsScheduled', data: { subjectId: 's', kind: 'HEARING', scheduledFor: '2021-05-01', noticeServedOn: '2021-03-01' } };
    expect(CASE_EVENT_DECLARATIONS.legalInstantOf(scheduled as CaseEvent)).toBe('2021-03-01T00:00:00.000Z');
    expect(CASE_EVENT_DECLARATIONS.legalInstantOf({ type: 'SubjectAdded', data: {} })).toBeUndefined();
    // Every event that holds a day says which one is its legal date.
    const withDay = CASE_EVENT_TYPES.filter((type) => Object.values(CASE_EVENTS[type].fields).some((field) => field.kind === 'day'));
    expect(withDay.filter((type) => CASE_EVENT_DECLARATIONS.dateFields[type] === undefined)).toEqual([]);
  });

  it('derives one command per event from the declarations, each appending its own event', () => {
    expect(CASE_COMMAND_TYPES).toHaveLength(CASE_EVENT_TYPES.length);
    expect(new Set(Object.values(COMMAND_EVENT))).toEqual(new Set(CASE_EVENT_TYPES));
    expect(COMMAND_EVENT.RecordArrest).toBe('SubjectArrested');
  });

  it('accepts a valid payload and says what is wrong with an invalid one', () => {
    expect(CASE_EVENT_DECLARATIONS.payloadProblems('ProceedingsConcluded', conclusion())).toEqual([]);
    expect(CASE_EVENT_DECLARATIONS.payloadProblems('ReferralReceived', referralData())).toEqual([]);
    expect(CASE_EVENT_DECLARATIONS.payloadProblems('ProceedingsConcluded', { ...conclusion(), outcome: 'SACKED', extra: 1 })).toEqual([
      expect.stringMatching(/^outcome must be one of/),
      'extra is not a field of this event',
    ]);
    expect(CASE_EVENT_DECLARATIONS.payloadProblems('SubjectAdded', { subjectId: 's' })).toContain('personId is missing');
    expect(CASE_EVENT_DECLARATIONS.payloadProblems('AppealDetermined', { subjectId: 's', forum: 'INTERNAL', on: '2021-01-01', result: 'DISMISSED' })).toEqual(
      [],
    );
    expect(CASE_EVENT_DECLARATIONS.payloadProblems('ReferralReceived', { ...referralData(), flags: { apsp: 'yes' } })).toEqual([
      'flags apsp must be true or false',
    ]);
  });
});

describe('the regimes table', () => {
  it('applies the 2012 regulations to matters that came to attention before 1 February 2020, else 2020', () => {
    expect(regulationsFor('2020-01-31')).toBe('2012');
    expect(regulationsFor('2020-02-01')).toBe('2020');
    expect(regulationsFor('2015-06-01')).toBe('2012');
    expect(CONDUCT_REGIMES.every((regime) => regime.source.length > 0)).toBe(true);
  });
});

describe('the rule book', () => {
  const specs = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.spec.ts'))
    .map((file) => path.join(__dirname, file));

  it('has a given/when/then spec naming and refusing with each rule, and no spec naming a rule that does not exist', () => {
    expectEveryRuleSpecified(Object.keys(CASE_RULES), specs);
  });
});
