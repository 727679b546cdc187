/**
 * The rules of a case's documents (document.rules.ts), spread into CASE_RULES
 * (case.rule-book.ts). None rests on a regulation: they keep the record of the evidence whole
 * (a document is never changed nor lost, only superseded by another).
 */
import { ALREADY_EXISTS, KEEPS_RECORD_COHERENT as RECORD, NOT_FOUND } from '../common/rule-book';
import type { Rule } from '../common/rule-book';

export const DOCUMENT_RULES = {
  documentAlreadyAttached: { message: 'a document with this id is already attached to the case', source: RECORD, status: ALREADY_EXISTS },
  documentMustExist: { message: 'the case has no document with this id', source: RECORD, status: NOT_FOUND },
  documentAlreadySuperseded: { message: 'the document is already superseded', source: RECORD, status: ALREADY_EXISTS },
  supersedingDocumentMustBeCurrent: {
    message: 'a document is superseded by another document of the same case that is not itself superseded',
    source: RECORD,
  },
  supersedingNotBeforeAttaching: { message: 'a document cannot be superseded before it, or its replacement, was attached', source: RECORD },
  documentsAreNeverCorrected: {
    message: 'a document is never changed: attach the right one and supersede the wrong one',
    source: 'the ledger of evidence: what was attached stays as it was (issue 18)',
  },
} as const satisfies Record<string, Rule>;
