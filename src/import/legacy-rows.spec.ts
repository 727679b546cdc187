import { importActor, importIds, missingColumns, readRow, RowRefused } from './legacy-rows';

const record = (fields: Record<string, string>) => ({
  line: 2,
  fields: { source_ref: 'S#1', case_ref: 'C/1', step: 'RecordArrest', legal_date: '2021-04-01', subject_ref: 'A', body: '', ...fields },
});

function refusalOf(fields: Record<string, string>): string | undefined {
  try {
    readRow(record(fields), 1);
    return undefined;
  } catch (error) {
    return error instanceof RowRefused ? error.rule : 'not a refusal';
  }
}

describe('a row of a legacy export', () => {
  it('is read with its body', () => {
    expect(readRow(record({ body: '{"suspectedOffences":["COMPUTER_MISUSE"]}' }), 1)).toEqual({
      row: 1,
      line: 2,
      sourceRef: 'S#1',
      caseRef: 'C/1',
      step: 'RecordArrest',
      legalDate: '2021-04-01',
      subjectRef: 'A',
      body: { suspectedOffences: ['COMPUTER_MISUSE'] },
    });
  });

  it('refuses a row without its source_ref, case_ref, step or legal_date (importRowIncomplete)', () => {
    for (const column of ['source_ref', 'case_ref', 'step', 'legal_date']) expect(refusalOf({ [column]: ' ' })).toBe('importRowIncomplete');
  });

  it('refuses a legal_date that is not a day (importLegalDateNotADay)', () => {
    for (const day of ['01/04/2021', '2021-02-30', '2021-4-1']) expect(refusalOf({ legal_date: day })).toBe('importLegalDateNotADay');
  });

  it('refuses a body that is not a JSON object (importBodyNotAnObject)', () => {
    for (const body of ['{', '[1]', '"text"', 'null']) expect(refusalOf({ body })).toBe('importBodyNotAnObject');
  });

  it('names the columns a file lacks', () => {
    expect(missingColumns(['source_ref', 'case_ref', 'step', 'legal_date'])).toEqual(['subject_ref', 'body']);
  });
});

describe('the ids of an import', () => {
  it('are the same at every run, and differ between forces and references', () => {
    expect(importIds.caseId('HAMPSHIRE', 'C/1')).toBe(importIds.caseId('HAMPSHIRE', 'C/1'));
    expect(importIds.caseId('HAMPSHIRE', 'C/1')).not.toBe(importIds.caseId('KENT', 'C/1'));
    expect(importIds.subjectId('HAMPSHIRE', 'C/1', 'A')).not.toBe(importIds.subjectId('HAMPSHIRE', 'C/2', 'A'));
    expect(importIds.stepKey('HAMPSHIRE', 'S#1')).not.toBe(importIds.stepKey('HAMPSHIRE', 'S#2'));
    expect(importActor('HAMPSHIRE')).toEqual(importActor('HAMPSHIRE'));
  });
});
