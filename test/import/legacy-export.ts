/**
 * Exports of an older case system, as docs/import.md maps them: one row per step. `legacyExport`
 * writes `cases` cases of ten steps each (a conduct matter investigated to a case to answer), the
 * same bytes for the same arguments, so two runs import the same file.
 */
import { stringify } from 'csv-stringify/sync';
import { nameBasedUuid } from '../../src/http/uuid';

export interface ExportRow {
  source_ref: string;
  case_ref: string;
  step: string;
  legal_date: string;
  subject_ref: string;
  body: string;
}

/** The ten steps of one case of the old system, `n` numbering it. */
export function caseRows(n: number): ExportRow[] {
  const caseRef = `PSD/2021/${String(n).padStart(5, '0')}`;
  const id = (purpose: string): string => nameBasedUuid(['legacy-export-fixture', caseRef, purpose]);
  const row = (step: number, name: string, legalDate: string, subjectRef: string, body: object): ExportRow => ({
    source_ref: `${caseRef}#${step}`,
    case_ref: caseRef,
    step: name,
    legal_date: legalDate,
    subject_ref: subjectRef,
    body: JSON.stringify(body),
  });
  return [
    row(1, 'ReceiveReferral', '2021-03-01', '', {
      force: 'HAMPSHIRE',
      source: 'INTELLIGENCE',
      caseType: 'CONDUCT_MATTER',
      summary: 'Intelligence that an officer disclosed information from police systems.',
      anonymousSource: false,
      sensitivity: 'STANDARD',
      corruptionCategories: ['UNAUTHORISED_DISCLOSURE'],
      flags: { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false },
    }),
    row(2, 'AddSubject', '2021-03-01', 'S1', {
      personId: id('person'),
      workforceType: 'POLICE_OFFICER',
      rank: 'CONSTABLE',
      lengthOfServiceMonths: 60,
      unit: 'Response',
    }),
    row(3, 'RecordAllegation', '2021-03-02', 'S1', {
      allegationId: id('allegation'),
      summary: 'Looked up and disclosed incident logs.',
      standards: ['CONFIDENTIALITY'],
      corruptionCategory: 'UNAUTHORISED_DISCLOSURE',
    }),
    row(4, 'AssessSeverity', '2021-03-03', 'S1', { level: 'MISCONDUCT', assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'One disclosure.' }),
    row(5, 'StartInvestigation', '2021-03-22', '', { investigatorId: id('investigator'), termsOfReference: 'Audit and interviews.' }),
    row(6, 'ServeNoticeOfInvestigation', '2021-03-25', 'S1', {}),
    row(7, 'RecordInvestigativeAction', '2021-04-02', 'S1', { action: 'SYSTEMS_AUDIT', result: 'Four unexplained look-ups.' }),
    row(8, 'SubmitInvestigationReport', '2021-08-01', '', {}),
    row(9, 'DecideCaseToAnswer', '2021-08-10', 'S1', { decision: 'CASE_TO_ANSWER_MISCONDUCT', decidedBy: 'APPROPRIATE_AUTHORITY' }),
    row(10, 'RecordLearning', '2021-08-20', '', { kind: 'FORCE_ACTION', text: 'Audit look-ups monthly.' }),
  ];
}

export function toCsv(rows: readonly ExportRow[]): string {
  return stringify(rows as ExportRow[], { header: true, columns: ['source_ref', 'case_ref', 'step', 'legal_date', 'subject_ref', 'body'] });
}

export function legacyExport(cases: number, first = 1): string {
  return toCsv(Array.from({ length: cases }, (_, index) => caseRows(first + index)).flat());
}
