/**
 * Events of one person's registers for the specs: a constable of HAMPSHIRE with one business
 * interest, one association, and vetting. Each builder takes overrides.
 */
import { deciderSpec, ruleTitles } from '../../common/testing/decider-spec';
import { registersDecider } from '../registers.decide';
import type { RegisterCommand } from '../registers.decide';
import type { BusinessInterestDecision } from '../registers.enums';
import { registerEvent } from '../registers.events';
import type { RegisterEvent, RegisterEventDataMap } from '../registers.events';
import { REGISTER_RULES } from '../registers.rule-book';
import type { RegisterRuleName } from '../registers.rule-book';
import type { PersonRegisters } from '../registers.state';

export const PERSON = '5b0c1f8e-7d4a-4e2b-9c61-2f0a8d3e4b71';
export const SUPERVISOR = '8e2d6a10-3c5f-4b7e-a9d2-6f1b0c4e7a92';
export const FORCE = 'HAMPSHIRE';
export const INTEREST = '1f6e2c3a-4b5d-4e7f-8a9b-0c1d2e3f4a5b';
export const ASSOCIATION = '2a7f3d4b-5c6e-4f80-9b1c-2d3e4f5a6b7c';

export const spec = deciderSpec<RegisterCommand, RegisterEvent, PersonRegisters, RegisterRuleName>(registersDecider);
export const ruleTitle = ruleTitles(REGISTER_RULES);

/** The command that proposes `event` for the test person. */
export const propose = (event: RegisterEvent, personId = PERSON): RegisterCommand => ({ personId, event });

type Overrides<K extends keyof RegisterEventDataMap> = Partial<RegisterEventDataMap[K]>;

export const applied = (overrides: Overrides<'BusinessInterestApplied'> = {}) =>
  registerEvent('BusinessInterestApplied', {
    businessInterestId: INTEREST,
    appliedOn: '2023-04-03',
    nature: 'SECONDARY_EMPLOYMENT',
    details: 'Weekend work as a driving instructor',
    force: FORCE,
    ...overrides,
  });

export const decided = (decision: BusinessInterestDecision, overrides: Overrides<'BusinessInterestDecided'> = {}) =>
  registerEvent('BusinessInterestDecided', {
    businessInterestId: INTEREST,
    decision,
    decidedOn: '2023-04-20',
    ...(decision === 'APPROVED_WITH_CONDITIONS' ? { conditions: 'Not within 10 miles of the station' } : {}),
    force: FORCE,
    ...overrides,
  });

export const interestReviewed = (reviewedOn = '2024-04-15') =>
  registerEvent('BusinessInterestReviewed', { businessInterestId: INTEREST, reviewedOn, force: FORCE });

export const rescinded = (rescindedOn = '2024-01-10') =>
  registerEvent('BusinessInterestRescinded', { businessInterestId: INTEREST, rescindedOn, reason: 'Conflicts with shift pattern', force: FORCE });

export const withdrawn = (withdrawnOn = '2023-05-01') =>
  registerEvent('BusinessInterestWithdrawn', { businessInterestId: INTEREST, withdrawnOn, force: FORCE });

export const complianceChecked = (result: RegisterEventDataMap['BusinessInterestComplianceChecked']['result'], checkedOn = '2024-06-01') =>
  registerEvent('BusinessInterestComplianceChecked', { businessInterestId: INTEREST, checkedOn, result, force: FORCE });

export const declared = (overrides: Overrides<'NotifiableAssociationDeclared'> = {}) =>
  registerEvent('NotifiableAssociationDeclared', {
    associationId: ASSOCIATION,
    declaredOn: '2023-02-01',
    nature: 'RELATIVE',
    person: 'A cousin with a conviction for supplying drugs',
    force: FORCE,
    ...overrides,
  });

export const riskAssessed = (assessedOn = '2023-02-20') =>
  registerEvent('AssociationRiskAssessed', { associationId: ASSOCIATION, assessedOn, risk: 'MANAGED_RISK', force: FORCE });

export const associationReviewed = (reviewedOn = '2024-01-25') =>
  registerEvent('AssociationReviewed', { associationId: ASSOCIATION, reviewedOn, force: FORCE });

export const associationEnded = (endedOn = '2024-03-01') => registerEvent('AssociationEnded', { associationId: ASSOCIATION, endedOn, force: FORCE });

export const gift = (overrides: Overrides<'GiftOrHospitalityOffered'> = {}) =>
  registerEvent('GiftOrHospitalityOffered', {
    offeredOn: '2023-12-18',
    kind: 'GIFT',
    estimatedValuePence: 2500,
    offeredBy: 'A local business owner',
    decision: 'DECLINED_AT_TIME',
    force: FORCE,
    ...overrides,
  });

export const conflict = (overrides: Overrides<'ConflictOfInterestDeclared'> = {}) =>
  registerEvent('ConflictOfInterestDeclared', {
    declaredOn: '2023-05-02',
    nature: 'NEIGHBOUR',
    declaredTo: SUPERVISOR,
    action: 'SUPERVISOR_TO_SEARCH',
    details: 'Concerns about activity at a neighbour’s address',
    force: FORCE,
    ...overrides,
  });

export const vettingGranted = (on = '2022-09-01') => registerEvent('VettingGranted', { on, level: 'RECRUITMENT_VETTING', force: FORCE });
export const vettingReviewed = (on = '2023-09-01') => registerEvent('VettingReviewed', { on, force: FORCE });
export const vettingWithdrawn = (on = '2024-02-01') => registerEvent('VettingWithdrawn', { on, reason: 'Undeclared association', force: FORCE });

export const drugTest = (overrides: Overrides<'DrugTestRecorded'> = {}) =>
  registerEvent('DrugTestRecorded', { testedOn: '2023-07-07', kind: 'RANDOM', result: 'NEGATIVE', force: FORCE, ...overrides });

export const systemAccessFinding = (overrides: Overrides<'SystemAccessAuditFinding'> = {}) =>
  registerEvent('SystemAccessAuditFinding', {
    system: 'Niche RMS',
    on: '2023-03-14',
    recordsViewed: 4,
    policingPurposeFound: false,
    force: FORCE,
    ...overrides,
  });

export const DOCUMENT = '3b8a4e5c-6d7f-4091-8c2d-3e4f5a6b7c8d';
/** A document attached to the business interest; the write path has stored its content (storedSha256). */
export const documentAttached = (overrides: Overrides<'RegisterDocumentAttached'> = {}) =>
  registerEvent('RegisterDocumentAttached', {
    force: FORCE,
    documentId: DOCUMENT,
    register: 'BUSINESS_INTEREST',
    entryId: INTEREST,
    attachedOn: '2023-01-10',
    kind: 'CORRESPONDENCE',
    name: 'Approval letter.pdf',
    mediaType: 'application/pdf',
    size: 1024,
    sha256: 'a'.repeat(64),
    storedSha256: 'b'.repeat(64),
    ...overrides,
  });
