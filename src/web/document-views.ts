/**
 * A case's documents as its page shows them (views/case.njk, "Documents"): each document of
 * the history with its download link, and the upload form for those who record steps.
 */
import { randomUUID } from 'node:crypto';
import { CASE_RECORDERS } from '../cases/case.command-routes';
import { DOCUMENT_KINDS } from '../cases/document.enums';
import { ACCEPTED_TYPES } from '../documents/case-documents';
import { REGISTER_RECORDERS } from '../registers/person-access';
import type { Actor } from '../http';
import type { HistoryEntry } from '../../projections';
import type { CaseStatusItem } from '../../projections/common/case-status-item';
import type { CommandForm } from './command-forms';
import type { FormValues } from './form-fields';
import { longDay, words } from './form-view';
import type { KnownIds } from './form-view';

export interface DocumentRow {
  documentId: string;
  name: string;
  kind: string;
  mediaType: string;
  size: number;
  attachedOn: string;
  subjectId: string | null;
  supersededBy: string | null;
}

/** The documents the history attaches, oldest first, each marked with what superseded it. */
export function documentRows(events: readonly HistoryEntry[]): DocumentRow[] {
  const rows = new Map<string, DocumentRow>();
  for (const entry of events) {
    const data = entry.data as Record<string, unknown>;
    if (entry.type === 'DocumentAttached' && typeof data.documentId === 'string') {
      rows.set(data.documentId, {
        documentId: data.documentId,
        // An erased case's names read `{ erased: true }`.
        name: typeof data.name === 'string' ? data.name : '(name erased)',
        kind: String(data.kind),
        mediaType: String(data.mediaType),
        size: Number(data.size),
        attachedOn: String(data.attachedOn),
        subjectId: typeof data.subjectId === 'string' ? data.subjectId : null,
        supersededBy: null,
      });
    } else if (entry.type === 'DocumentSuperseded' && typeof data.documentId === 'string') {
      const row = rows.get(data.documentId);
      if (row !== undefined) row.supersededBy = String(data.supersededBy);
    }
  }
  return [...rows.values()];
}

/** The path parameter of a case form about one document of the case: the case page offers it on each current document's row. */
export const DOCUMENT_PATH_CHOICE = 'documentId';

/** A body field naming another document of the case: the one superseding it (SupersedeDocumentBody). */
const OTHER_DOCUMENT_FIELD = 'supersededBy';

/**
 * The case forms (CommandForms.caseForms) the reader may send, where the case page offers them:
 * those about a document on each current document's row (a superseded one takes no more:
 * documentAlreadySuperseded), the others on the case.
 */
export function caseFormsOffered(
  forms: readonly CommandForm[],
  rows: readonly DocumentRow[],
): { onCase: CommandForm[]; documents: (DocumentRow & { forms: CommandForm[] })[]; documentForms: boolean } {
  const aboutDocument = (form: CommandForm): boolean => form.pathChoices.includes(DOCUMENT_PATH_CHOICE);
  const documents = rows.map((row) => ({ ...row, forms: row.supersededBy === null ? forms.filter(aboutDocument) : [] }));
  return { onCase: forms.filter((form) => !aboutDocument(form)), documents, documentForms: documents.some((row) => row.forms.length > 0) };
}

/**
 * A form about a document: the document its row named, fixed (shown, and sent as a hidden
 * field), and the case's other current documents to choose among for a field naming one; with
 * no document named, it is chosen among the current ones.
 */
export function documentChoices(
  form: CommandForm,
  rows: readonly DocumentRow[],
  values: FormValues,
): { fixed: { name: string; value: string; key: string; text: string }[]; known: KnownIds } {
  const named = values[`path.${DOCUMENT_PATH_CHOICE}`];
  const row = form.pathChoices.includes(DOCUMENT_PATH_CHOICE) ? rows.find((candidate) => candidate.documentId === named) : undefined;
  const current = rows.filter((candidate) => candidate.supersededBy === null && candidate.documentId !== row?.documentId);
  const choices = current.map((candidate) => ({
    value: candidate.documentId,
    text: `${candidate.name}: ${words(candidate.kind)}, attached ${longDay(candidate.attachedOn)}`,
  }));
  const fixed =
    row === undefined
      ? []
      : [
          {
            name: `path.${DOCUMENT_PATH_CHOICE}`,
            value: row.documentId,
            key: 'Document',
            text: `${row.name}: ${words(row.kind)}, attached ${longDay(row.attachedOn)}`,
          },
        ];
  return { fixed, known: { [DOCUMENT_PATH_CHOICE]: choices, [OTHER_DOCUMENT_FIELD]: choices } };
}

/** The upload form, for a user who records steps (CASE_RECORDERS) on the case as it is now. */
export function uploadForm(actor: Actor, item: CaseStatusItem, asAt: string | undefined, today: string): Record<string, unknown> | undefined {
  if (asAt !== undefined || !CASE_RECORDERS.some((role) => actor.roles.includes(role))) return undefined;
  return {
    ...uploadFormOf(`/casework/${item.caseId}/documents`, today),
    subjects: [
      { value: '', text: 'The case as a whole' },
      ...item.subjects.map((subject) => ({ value: subject.subjectId, text: `Subject ${subject.subjectId.slice(0, 8)}: ${words(subject.rank)}` })),
    ],
  };
}

/** What every upload form has: its action, a fresh idempotency key, today as the day attached, the accepted types and the kinds. */
function uploadFormOf(action: string, today: string): Record<string, unknown> {
  const [year, month, day] = today.split('-');
  return {
    action,
    idempotencyKey: randomUUID(),
    attachedOn: { day, month, year },
    accepted: ACCEPTED_TYPES,
    kinds: DOCUMENT_KINDS.map((kind) => ({ value: kind, text: words(kind) })),
  };
}

/** A person's register documents as their record lists them (`documents`), each with the entry it is attached to. */
export function registerDocumentRows(documents: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return documents.map((document) => ({
    documentId: String(document.documentId),
    name: typeof document.name === 'string' ? document.name : '(name erased)',
    kind: String(document.kind),
    mediaType: String(document.mediaType),
    size: Number(document.size),
    attachedOn: String(document.attachedOn),
    entry: `${words(String(document.register))} ${String(document.entryId).slice(0, 8)}`,
  }));
}

/** The upload form of a person's record, for a register recorder, choosing among the business interests and associations the record has. */
export function registerUploadForm(
  actor: Actor,
  record: { personId: string; asOf: string; businessInterests: Record<string, unknown>[]; associations: Record<string, unknown>[] },
): Record<string, unknown> | undefined {
  if (!REGISTER_RECORDERS.some((role) => actor.roles.includes(role))) return undefined;
  const entries = [
    ...record.businessInterests.map((entry) => ({ register: 'BUSINESS_INTEREST', id: String(entry.businessInterestId), nature: String(entry.nature) })),
    ...record.associations.map((entry) => ({ register: 'ASSOCIATION', id: String(entry.associationId), nature: String(entry.nature) })),
  ];
  if (entries.length === 0) return undefined;
  return {
    ...uploadFormOf(`/integrity/${record.personId}/documents`, record.asOf),
    entries: entries.map((entry) => ({
      value: `${entry.register}:${entry.id}`,
      text: `${words(entry.register)} ${entry.id.slice(0, 8)}: ${words(entry.nature)}`,
    })),
  };
}

/** The form's `attachedOn-day`, `-month` and `-year` as the body's `attachedOn` (YYYY-MM-DD), the others as they are. */
export function uploadedFields(form: Record<string, unknown>): Record<string, unknown> {
  const { 'attachedOn-day': day, 'attachedOn-month': month, 'attachedOn-year': year, ...fields } = form;
  const parts = [year, month, day].map((part) => (typeof part === 'string' ? part.trim() : ''));
  const attachedOn = parts.every((part) => part !== '') ? `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}` : undefined;
  // Left blank on the form: not sent.
  return Object.fromEntries(Object.entries({ ...fields, attachedOn }).filter(([, value]) => value !== '' && value !== undefined));
}
