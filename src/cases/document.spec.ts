/**
 * A case's documents (document.rules.ts), given / when / then, one spec per rule. The write
 * path stores the content and hands decide its stored hash (case.slice.ts, `prepare`).
 */
import { event } from './case.rules';
import type { CaseEvent } from './case.events';
import { OFFICER, referral, subjectAdded } from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';

const HASH = 'a'.repeat(64);
const STORED = 'b'.repeat(64);
const uploaded = {
  attachedOn: '2021-04-01',
  kind: 'STATEMENT' as const,
  name: 'statement.pdf',
  mediaType: 'application/pdf' as const,
  size: 100,
  sha256: HASH,
};
const attached = (documentId: string, overrides: { attachedOn?: string; subjectId?: string } = {}): CaseEvent =>
  event('DocumentAttached', { documentId, ...uploaded, storedSha256: STORED, ...overrides });
const attach = (documentId: string, overrides: { subjectId?: string; storedSha256?: string } = { storedSha256: STORED }) =>
  command('AttachDocument', { documentId, ...uploaded, ...overrides });
const supersede = (documentId: string, supersededBy: string, on = '2021-04-02') =>
  command('SupersedeDocument', { documentId, supersededBy, on, reason: 'the signed statement replaces the draft' });
const opened = [referral(), subjectAdded()];

describe('attaching a document', () => {
  it('attaches a document to the case, naming its stored content', () => {
    given(opened)
      .when(attach('doc-1'))
      .then([attached('doc-1')]);
  });

  it('attaches a document about one of its subjects', () => {
    given(opened)
      .when(attach('doc-1', { subjectId: OFFICER, storedSha256: STORED }))
      .then([attached('doc-1', { subjectId: OFFICER })]);
  });

  it('refuses a document about a subject the case does not have', () => {
    given(opened)
      .when(attach('doc-1', { subjectId: 'nobody', storedSha256: STORED }))
      .thenThrows('subjectMustExist');
  });

  it(ruleTitle('documentAlreadyAttached', 'refuses a second document under the same id'), () => {
    given([...opened, attached('doc-1')])
      .when(attach('doc-1'))
      .thenThrows('documentAlreadyAttached');
  });

  it('refuses a document on a closed case', () => {
    given([...opened, event('CaseClosed', { on: '2021-05-01', reason: 'concluded' })])
      .when(attach('doc-1'))
      .thenThrows('caseClosed');
  });
});

describe('superseding a document', () => {
  const two = [...opened, attached('doc-1'), attached('doc-2', { attachedOn: '2021-04-02' })];

  it('supersedes a document by another of the case', () => {
    given(two)
      .when(supersede('doc-1', 'doc-2'))
      .then([event('DocumentSuperseded', { documentId: 'doc-1', supersededBy: 'doc-2', on: '2021-04-02', reason: 'the signed statement replaces the draft' })]);
  });

  it(ruleTitle('documentMustExist', 'refuses superseding a document the case does not have'), () => {
    given(two).when(supersede('doc-9', 'doc-2')).thenThrows('documentMustExist');
  });

  it(ruleTitle('documentAlreadySuperseded', 'refuses superseding a document twice'), () => {
    given([...two, event('DocumentSuperseded', { documentId: 'doc-1', supersededBy: 'doc-2', on: '2021-04-02', reason: 'replaced' })])
      .when(supersede('doc-1', 'doc-2'))
      .thenThrows('documentAlreadySuperseded');
  });

  it(ruleTitle('supersedingDocumentMustBeCurrent', 'refuses a replacement that is itself superseded, missing, or the document itself'), () => {
    const superseded = event('DocumentSuperseded', { documentId: 'doc-2', supersededBy: 'doc-3', on: '2021-04-02', reason: 'replaced' });
    given([...two, attached('doc-3'), superseded])
      .when(supersede('doc-1', 'doc-2'))
      .thenThrows('supersedingDocumentMustBeCurrent');
    given(two).when(supersede('doc-1', 'doc-9')).thenThrows('supersedingDocumentMustBeCurrent');
    given(two).when(supersede('doc-1', 'doc-1')).thenThrows('supersedingDocumentMustBeCurrent');
  });

  it(ruleTitle('supersedingNotBeforeAttaching', 'refuses superseding before the replacement was attached'), () => {
    given(two)
      .when(supersede('doc-1', 'doc-2', '2021-04-01'))
      .thenThrows('supersedingNotBeforeAttaching');
  });
});

describe('correcting a document', () => {
  it(ruleTitle('documentsAreNeverCorrected', 'refuses a correction of a document: it is superseded instead'), () => {
    const replacement = { ...attached('doc-1').data, size: 1 } as never;
    given([...opened, { ...attached('doc-1'), eventId: 'attached-1' }])
      .when(command('CorrectRecord', { correctsEventId: 'attached-1', reason: 'typed in error', replacement }))
      .thenThrows('documentsAreNeverCorrected');
  });
});
