import * as fs from 'fs';
import * as path from 'path';
import { CASE_EVENT_FIELDS, payloadProblems } from './case.event-schema';
import { CASE_EVENT_SCHEMA_VERSION, CASE_EVENT_TYPES, VAULT_FIELDS } from './case.events';
import { expectEveryRuleSpecified } from '../common/testing/rule-coverage';
import { CASE_RULES } from './case.rule-book';
import { CONDUCT_REGIMES, regulationsFor } from './case.regulations';
import { conclusion, referralData } from './testing/case-fixtures';

describe('the event catalogue', () => {
  it('lists every case event of docs/events.md, each at schema version 1', () => {
    expect(CASE_EVENT_TYPES).toHaveLength(37);
    expect(CASE_EVENT_TYPES).toEqual(expect.arrayContaining(['ReferralReceived', 'SubjectArrested', 'ManagementActionTaken', 'RecordCorrected']));
    expect(new Set(Object.values(CASE_EVENT_SCHEMA_VERSION))).toEqual(new Set([1]));
  });

  it('keeps the personal-data fields in one list, and they are fields of their events', () => {
    const withVault = CASE_EVENT_TYPES.filter((type) => VAULT_FIELDS[type].length > 0);
    expect(withVault.sort()).toEqual([
      'AllegationRecorded',
      'InvestigationStarted',
      'InvestigativeActionRecorded',
      'LearningRecorded',
      'ReferralReceived',
      'SeverityAssessed',
    ]);
    for (const type of withVault) {
      for (const field of VAULT_FIELDS[type]) expect(Object.keys(CASE_EVENT_FIELDS[type])).toContain(field);
    }
  });

  it('accepts a valid payload and says what is wrong with an invalid one', () => {
    expect(payloadProblems('ProceedingsConcluded', conclusion())).toEqual([]);
    expect(payloadProblems('ReferralReceived', referralData())).toEqual([]);
    expect(payloadProblems('ProceedingsConcluded', { ...conclusion(), outcome: 'SACKED', extra: 1 })).toEqual([
      expect.stringMatching(/^outcome must be one of/),
      'extra is not a field of this event',
    ]);
    expect(payloadProblems('SubjectAdded', { subjectId: 's' })).toContain('personId is missing');
    expect(payloadProblems('AppealDetermined', { subjectId: 's', forum: 'INTERNAL', on: '2021-01-01', result: 'DISMISSED' })).toEqual([]);
    expect(payloadProblems('ReferralReceived', { ...referralData(), flags: { apsp: 'yes' } })).toEqual(['flags apsp must be true or false']);
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
