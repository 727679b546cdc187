/**
 * The registers whose entries stand alone (gifts and hospitality, conflicts of interest,
 * drug tests) and vetting. Each function refuses under a named rule or returns.
 */
import type {
  ConflictOfInterestDeclared,
  DrugTestRecorded,
  GiftOrHospitalityOffered,
  RegisterDocumentAttached,
  RegisterEventDataMap,
  VettingReviewed,
  VettingWithdrawn,
} from './registers.events';
import { ensure, ensureNotBefore } from './registers.rule-book';
import type { RegisterRuleName } from './registers.rule-book';
import type { PersonRegisters } from './registers.state';
import { associationOf, businessInterestOf } from './registers.state';

/** Every offer is recorded, declined ones too; only an item can be passed on to a charity. */
export function checkGiftOrHospitality(data: GiftOrHospitalityOffered): void {
  ensure(data.kind === 'GIFT' || data.decision !== 'REGIFTED_TO_CHARITY', 'hospitalityCannotBeRegifted');
}

/**
 * BCH policy 2.2.4 and 2.2.6: disclosed in writing to a supervisor, who may remove the
 * person from the matter or search police systems in their place (2.2.7, 2.2.11).
 */
export function checkConflict(personId: string, data: ConflictOfInterestDeclared): void {
  ensure(data.declaredTo !== personId, 'conflictMustBeDeclaredToSupervisor');
}

/** A review or withdrawal needs vetting granted and not withdrawn, and follows the grant. */
export function checkVettingStep(state: PersonRegisters, data: VettingReviewed | VettingWithdrawn, missing: RegisterRuleName): void {
  const vetting = state.vetting;
  ensure(vetting !== null && vetting.withdrawnOn === null, missing);
  ensureNotBefore(data.on, vetting.grantedOn, 'the grant');
}

export function checkDrugTest(state: PersonRegisters, data: DrugTestRecorded): void {
  ensure(data.kind !== 'PRE_EMPLOYMENT' || !state.testedInService, 'preEmploymentTestMustComeFirst');
}

/** Only a warning expires; a reduction in rank or a finding stays on the record. */
export function checkEarlierSanction(data: RegisterEventDataMap['EarlierSanctionRecorded']): void {
  if (data.expiresOn === undefined) return;
  ensure(data.kind === 'WRITTEN_WARNING' || data.kind === 'FINAL_WRITTEN_WARNING', 'expiryOnlyForWarnings', data.kind);
  ensure(data.expiresOn > data.notifiedOn, 'datedBeforeWhatItFollows', `expires ${data.expiresOn}, notified ${data.notifiedOn}`);
}

/**
 * A document is attached once, to an entry the person's registers hold. Its content was sealed
 * under the person's key and stored by the write path before decide (person.stream.ts).
 */
export function checkRegisterDocument(state: PersonRegisters, data: RegisterDocumentAttached): void {
  ensure(!state.documentIds.includes(data.documentId), 'registerDocumentAlreadyAttached', data.documentId);
  const entry = data.register === 'BUSINESS_INTEREST' ? businessInterestOf(state, data.entryId) : associationOf(state, data.entryId);
  ensure(entry !== null, 'documentNeedsRegisterEntry', `${data.register} ${data.entryId}`);
  // Only a programming error gets here: the write path stores the content before decide.
  if (data.storedSha256 === '') throw new Error('RegisterDocumentAttached reached decide with its content not stored');
}
