/**
 * The column mapping of a legacy export (docs/import.md): one row per step of a case, read
 * into the route it stands for, its ids and its body. Pure: the rows' refusals here are the
 * import's own rules (a row that names no step, a day that is not one); the rules of the
 * process are decide's, on the one write path (legacy-import.ts).
 */
import type { Actor } from '../http';
import { nameBasedUuid } from '../http/uuid';
import { isLegalDay, legalDayRule } from '../common/days';
import type { CsvRecord } from './csv';

/** The columns of an export, in the order docs/import.md lists them. */
export const IMPORT_COLUMNS = ['source_ref', 'case_ref', 'step', 'legal_date', 'subject_ref', 'body'] as const;

/** A row as read: its place in the file and its columns. */
export interface LegacyRow {
  /** 1-based among the data rows (the header is not counted). */
  row: number;
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  sourceRef: string;
  caseRef: string;
  /** The operationId of a case command route (docs/api.md), e.g. `RecordArrest`. */
  step: string;
  legalDate: string;
  subjectRef: string;
  body: Record<string, unknown>;
}

/** A row the import did not append, and the rule that refused it. */
export interface RowRefusal {
  row: number;
  line: number;
  sourceRef: string;
  step: string;
  rule: string;
  message: string;
}

/** The import's own rules, said in the report of each row they refuse (docs/import.md). */
export const IMPORT_RULES = {
  importColumnsMissing: 'The file lacks columns of the mapping.',
  importRowIncomplete: 'source_ref, case_ref, step and legal_date are required.',
  importSourceRefRepeated: 'Another row of the file has this source_ref.',
  importLegalDateNotADay: 'legal_date is not a legal day.',
  importBodyNotAnObject: 'body must be empty or a JSON object.',
  importUnknownStep: 'step names no case command route (docs/api.md, the operationId).',
  importStepNotImportable: 'This step cannot be imported from a file (a document carries its content).',
  importSubjectRefMissing: "This step is a subject's: subject_ref is required.",
  importLegalDateDiffers: "body gives the step's legal date a different day from legal_date.",
  importIdInBody: 'The import derives caseId and subjectId from case_ref and subject_ref: body must not carry them.',
} as const;

export type ImportRule = keyof typeof IMPORT_RULES;

export class RowRefused extends Error {
  constructor(
    readonly rule: ImportRule | string,
    message: string,
  ) {
    super(message);
    this.name = 'RowRefused';
  }
}

export function refuseRow(rule: ImportRule, detail?: string): RowRefused {
  return new RowRefused(rule, detail === undefined ? IMPORT_RULES[rule] : `${IMPORT_RULES[rule]} ${detail}`);
}

/** The columns of the mapping the file lacks (none: every row can be read). */
export function missingColumns(columns: readonly string[]): string[] {
  return IMPORT_COLUMNS.filter((column) => !columns.includes(column));
}

/** A record of the file as a row, or the import's refusal of it. */
export function readRow(record: CsvRecord, row: number): LegacyRow {
  const value = (column: (typeof IMPORT_COLUMNS)[number]): string => (record.fields[column] ?? '').trim();
  const sourceRef = value('source_ref');
  const caseRef = value('case_ref');
  const step = value('step');
  const legalDate = value('legal_date');
  if (sourceRef === '' || caseRef === '' || step === '' || legalDate === '') throw refuseRow('importRowIncomplete');
  if (!isLegalDay(legalDate)) throw refuseRow('importLegalDateNotADay', `It ${legalDayRule()}.`);
  return { row, line: record.line, sourceRef, caseRef, step, legalDate, subjectRef: value('subject_ref'), body: parseBody(value('body')) };
}

function parseBody(text: string): Record<string, unknown> {
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuseRow('importBodyNotAnObject');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw refuseRow('importBodyNotAnObject');
  return parsed as Record<string, unknown>;
}

/**
 * The ids of an import, the same at every run of the same file for the same force: the
 * case's from its case_ref, a subject's from its case's and its own ref, a step's
 * Idempotency-Key from its source_ref. A second run's commands carry the same keys, so the
 * write path finds their events already appended and appends nothing.
 */
export const importIds = {
  caseId: (force: string, caseRef: string): string => nameBasedUuid(['legacy-import', force, 'case', caseRef]),
  subjectId: (force: string, caseRef: string, subjectRef: string): string => nameBasedUuid(['legacy-import', force, 'subject', caseRef, subjectRef]),
  stepKey: (force: string, sourceRef: string): string => nameBasedUuid(['legacy-import', force, 'step', sourceRef]),
};

/**
 * Who an import acts as: a system actor of the force, the same at every run (its id is part
 * of every event id it derives), with the roles that record every step of a case and see
 * every sensitivity of its force (docs/import.md).
 */
export function importActor(force: string): Actor {
  return {
    userId: nameBasedUuid(['legacy-import', force, 'actor']),
    name: `Legacy import (${force})`,
    roles: ['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY', 'DCC'],
    force,
  };
}
