/**
 * The legacy import (docs/import.md): every row of an export sent as the command route it
 * names would handle it (CommandForms.send: the route's roles, its body through the one
 * ValidationPipe, the route's own method), so it goes down the one write path: the same
 * admission, decide, invariants, vault and append as a command over HTTP. Only its context
 * differs: a system actor of the force, an Idempotency-Key derived from the row's source
 * reference (a second run finds its events and appends nothing), and metadata saying where
 * the event came from (`import`).
 *
 * The cases are imported a few at a time, each case's rows one after another in the file's
 * order: a step is decided on the case its earlier rows built.
 */
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { DomainError, NotFoundError } from '../common/domain-error';
import { CASE_EVENT_DECLARATIONS } from '../cases/case.events';
import { COMMAND_EVENT } from '../cases/case.command-types';
import type { CaseCommandType } from '../cases/case.command-types';
import { WrongExpectedRevisionError } from '../event-store/errors';
import type { EventStore } from '../event-store/event-store';
import { CommandResponse, Problem } from '../http';
import type { LedgerRequest } from '../http/actor';
import { commandContextFor } from '../http/command-context';
import type { CommandContext } from '../http/command-context';
import type { CommandForm, CommandForms } from '../web/command-forms';
import { CsvSyntaxError, parseCsv } from './csv';
import { importActor, importIds, missingColumns, readRow, refuseRow, RowRefused } from './legacy-rows';
import type { LegacyRow, RowRefusal } from './legacy-rows';
import { RehearsalStore } from './rehearsal-store';

export interface ImportOptions {
  /** The force whose cases these are (the `--force` code): every case must be of it. */
  force: string;
  /** The file's name as given, for the events' metadata and the report. */
  fileName: string;
  /** Decide every row on the state the import would build, and append nothing. */
  dryRun?: boolean;
  /** Called after each row with the rows done and the rows read. */
  onProgress?(done: number, total: number): void;
}

export interface ImportReport {
  fileName: string;
  fileSha256: string;
  force: string;
  dryRun: boolean;
  rowsRead: number;
  /** Rows whose events were appended by this run (in a dry run: would have been). */
  appended: number;
  eventsAppended: number;
  /** Rows an earlier run had appended: nothing appended again. */
  alreadyPresent: number;
  refused: number;
  /** Every refused row, in the file's order, with the rule that refused it. */
  refusals: RowRefusal[];
}

/** The whole file is refused (nothing appended): it is not CSV, or it lacks columns of the mapping. */
export class ImportFileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileRefused';
  }
}

/** How many cases are imported at the same time (each case's rows one after another). */
const CASES_AT_A_TIME = 8;

type RowOutcome = { kind: 'appended'; events: number } | { kind: 'alreadyPresent' } | { kind: 'refused'; rule: string; message: string };

export class LegacyImport {
  constructor(
    private readonly forms: CommandForms,
    private readonly store: EventStore,
  ) {}

  async run(content: Buffer, options: ImportOptions): Promise<ImportReport> {
    const fileSha256 = createHash('sha256').update(content).digest('hex');
    const { rows, refusals } = readRows(content.toString('utf8'));
    const total = rows.length + refusals.length;
    const rehearsal = options.dryRun === true ? new RehearsalStore(this.store) : undefined;
    const report: ImportReport = {
      fileName: options.fileName,
      fileSha256,
      force: options.force,
      dryRun: options.dryRun === true,
      rowsRead: total,
      appended: 0,
      eventsAppended: 0,
      alreadyPresent: 0,
      refused: 0,
      refusals,
    };
    let done = refusals.length;
    options.onProgress?.(done, total);
    const importRow = async (row: LegacyRow): Promise<void> => {
      const outcome = await this.importRow(row, { ...options, fileSha256, rehearsal });
      if (outcome.kind === 'appended') {
        report.appended += 1;
        report.eventsAppended += outcome.events;
      } else if (outcome.kind === 'alreadyPresent') report.alreadyPresent += 1;
      else report.refusals.push({ row: row.row, line: row.line, sourceRef: row.sourceRef, step: row.step, rule: outcome.rule, message: outcome.message });
      done += 1;
      options.onProgress?.(done, total);
    };
    const cases = [...groupBy(rows, (row) => row.caseRef).values()];
    await inTurns(cases, CASES_AT_A_TIME, async (caseRows) => {
      for (const row of caseRows) await importRow(row);
    });
    report.refusals.sort((a, b) => a.row - b.row);
    report.refused = report.refusals.length;
    return report;
  }

  private async importRow(row: LegacyRow, options: ImportOptions & { fileSha256: string; rehearsal?: RehearsalStore }): Promise<RowOutcome> {
    let alreadyPresent = false;
    try {
      const { form, params, body } = this.routeOf(row, options.force);
      const context = commandContextFor({
        actor: importActor(options.force),
        idempotencyKey: importIds.stepKey(options.force, row.sourceRef),
        imported: { fileName: options.fileName, fileSha256: options.fileSha256, row: row.row, sourceRef: row.sourceRef, legalDate: row.legalDate },
        rehearsal: options.rehearsal,
      });
      const noticing: CommandContext = {
        ...context,
        earlierAppend: (streamName, recorded) => {
          const earlier = context.earlierAppend(streamName, recorded);
          alreadyPresent = earlier !== undefined;
          return earlier;
        },
      };
      const request = { actor: context.actor, headers: {}, commandContext: noticing } as unknown as LedgerRequest;
      const answer = await this.forms.send(form.operationId, request, {} as Response, params, body);
      if (alreadyPresent) return { kind: 'alreadyPresent' };
      return { kind: 'appended', events: answer instanceof CommandResponse ? answer.body.events.length : 0 };
    } catch (error) {
      return refusalOf(error);
    }
  }

  /** The route a row names, its path's ids and its body, with the ids and the legal date the import derives. */
  private routeOf(row: LegacyRow, force: string): { form: CommandForm; params: Record<string, string>; body: Record<string, unknown> } {
    const form = this.forms.form(row.step);
    if (form === undefined || form.aggregateId !== 'caseId' || (form.commands.length === 0 && !form.opensCase)) throw refuseRow('importUnknownStep');
    if (form.commands.includes('AttachDocument') || form.pathChoices.some((name) => name !== 'subjectId')) throw refuseRow('importStepNotImportable');
    if ('caseId' in row.body || ('subjectId' in row.body && row.subjectRef !== '')) throw refuseRow('importIdInBody');
    const caseId = importIds.caseId(force, row.caseRef);
    const subjectId = row.subjectRef === '' ? undefined : importIds.subjectId(force, row.caseRef, row.subjectRef);
    const subjectInPath = form.pathChoices.includes('subjectId');
    if (subjectInPath && subjectId === undefined) throw refuseRow('importSubjectRefMissing');
    const params: Record<string, string> = form.opensCase ? {} : { caseId, ...(subjectInPath && subjectId !== undefined ? { subjectId } : {}) };
    const body: Record<string, unknown> = {
      ...row.body,
      ...(form.opensCase ? { caseId } : {}),
      // A subject's id in the body: the subject a step adds (AddSubject), or the one it is about (RecordAllegation).
      ...(!subjectInPath && subjectId !== undefined ? { subjectId } : {}),
    };
    const dateField = legalDateFieldOf(form);
    if (dateField !== undefined) {
      if (body[dateField] === undefined) body[dateField] = row.legalDate;
      else if (body[dateField] !== row.legalDate) throw refuseRow('importLegalDateDiffers', `(${dateField})`);
    }
    return { form, params, body };
  }
}

/** The file's rows, and the refusals of those that cannot be read as a row. */
function readRows(text: string): { rows: LegacyRow[]; refusals: RowRefusal[] } {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportFileRefused(`the file is not CSV: ${error.message}`);
    throw error;
  }
  const missing = missingColumns(parsed.columns);
  if (missing.length > 0) throw new ImportFileRefused(`the file lacks the columns ${missing.join(', ')} (docs/import.md)`);
  const rows: LegacyRow[] = [];
  const refusals: RowRefusal[] = [];
  const seen = new Set<string>();
  parsed.records.forEach((record, index) => {
    const place = { row: index + 1, line: record.line, sourceRef: (record.fields.source_ref ?? '').trim(), step: (record.fields.step ?? '').trim() };
    try {
      const row = readRow(record, place.row);
      if (seen.has(row.sourceRef)) throw refuseRow('importSourceRefRepeated');
      seen.add(row.sourceRef);
      rows.push(row);
    } catch (error) {
      if (!(error instanceof RowRefused)) throw error;
      refusals.push({ ...place, rule: error.rule, message: error.message });
    }
  });
  return { rows, refusals };
}

/** The body field holding the legal date of the events the route appends, when they agree on one. */
function legalDateFieldOf(form: CommandForm): string | undefined {
  // The route that opens a case is the one case route without a route table entry (case.controller.ts).
  const commands = form.opensCase ? ['ReceiveReferral'] : form.commands;
  const fields = new Set(commands.map((command) => CASE_EVENT_DECLARATIONS.dateFields[COMMAND_EVENT[command as CaseCommandType]]));
  const [field] = fields;
  return fields.size === 1 ? field : undefined;
}

/** What refused a row: the rule of the import, of the process (decide), of the body's validation or of access. Anything else is thrown. */
function refusalOf(error: unknown): RowOutcome {
  if (error instanceof RowRefused || error instanceof DomainError) return { kind: 'refused', rule: error.rule, message: error.message };
  if (error instanceof NotFoundError) return { kind: 'refused', rule: error.rule ?? 'caseNotFound', message: error.message };
  if (error instanceof WrongExpectedRevisionError) return { kind: 'refused', rule: 'wrongExpectedRevision', message: error.message };
  if (error instanceof Problem) {
    const { detail, rule, errors, type } = error.details;
    const fields = (errors ?? []).map((fieldError) => `${fieldError.field}: ${fieldError.message}`).join('; ');
    return {
      kind: 'refused',
      rule: typeof rule === 'string' ? rule : (type.split(':').at(-1) ?? 'problem'),
      message: fields === '' ? detail : `${detail} ${fields}`,
    };
  }
  throw error;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}

/** Runs `work` on every item, at most `width` at a time. */
async function inTurns<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
