/**
 * The register events (docs/events.md, "Register events"), stream `person-<personId>`.
 *
 * Field names are the contract: the projections of inspection metrics and misconduct
 * statistics read these events by type and field. Extensions of docs/events.md, each needed to
 * make the event usable:
 * - every event carries `force`, so figures can be per force;
 * - the ids that later steps refer to (`businessInterestId`, `associationId`, as docs/events.md
 *   gives them) are carried by those steps too;
 * - where docs/events.md names an event without its fields, the date of the step is
 *   `<verb>On` (`reviewedOn`, `rescindedOn`, `withdrawnOn`, `checkedOn`, `assessedOn`,
 *   `endedOn`), or `on` for the vetting events chosen by `action`, as for suspensions;
 * - a date where docs/events.md lists none: `declaredOn` (conflicts), `testedOn` (drug tests);
 * - `AssociationRiskAssessed.risk`, `BusinessInterestRescinded.reason`,
 *   `VettingGranted.level`, `VettingWithdrawn.reason`, and on a conflict its written
 *   `details` (BCH policy 2.2.6(b)) and the integrity `caseId` it concerns, if any.
 * `ReVettingDue` (docs/events.md) is not recorded yet: no route appends it.
 *
 * Each event is declared once (src/common/event-declaration.ts): its `vaultText` fields are
 * personal data, which the write path seals under the person's key (person.stream.ts), so the
 * stored events hold vault envelopes in their place.
 */
import { eventOf } from '../common/decider';
import type { EventOf } from '../common/decider';
import { count, day, declaredEvents, event, flag, id, oneOf, optional, text, vaultText } from '../common/event-declaration';
import type { DataMapOf } from '../common/event-declaration';
import { DOCUMENT_FILE_FIELDS } from '../cases/document.events';
import {
  ASSOCIATION_NATURES,
  ASSOCIATION_RISKS,
  BUSINESS_INTEREST_DECISIONS,
  BUSINESS_INTEREST_NATURES,
  COMPLIANCE_RESULTS,
  CONFLICT_ACTIONS,
  CONFLICT_NATURES,
  DOCUMENT_REGISTERS,
  DRUG_TEST_KINDS,
  DRUG_TEST_RESULTS,
  EARLIER_SANCTION_KINDS,
  GIFT_DECISIONS,
  GIFT_KINDS,
  VETTING_LEVELS,
} from './registers.enums';

/** The force whose register the entry is in. */
const inForce = { force: text };
const ofBusinessInterest = { ...inForce, businessInterestId: id };
const ofAssociation = { ...inForce, associationId: id };

export const REGISTER_EVENTS = {
  BusinessInterestApplied: event({
    version: 1,
    legalDate: 'appliedOn',
    fields: { ...ofBusinessInterest, appliedOn: day, nature: oneOf(BUSINESS_INTEREST_NATURES), details: vaultText },
  }),
  BusinessInterestDecided: event({
    version: 1,
    legalDate: 'decidedOn',
    fields: {
      ...ofBusinessInterest,
      decision: oneOf(BUSINESS_INTEREST_DECISIONS),
      decidedOn: day,
      /** Present exactly when the decision is APPROVED_WITH_CONDITIONS. */
      conditions: optional(vaultText),
    },
  }),
  BusinessInterestReviewed: event({ version: 1, legalDate: 'reviewedOn', fields: { ...ofBusinessInterest, reviewedOn: day } }),
  BusinessInterestRescinded: event({ version: 1, legalDate: 'rescindedOn', fields: { ...ofBusinessInterest, rescindedOn: day, reason: vaultText } }),
  BusinessInterestWithdrawn: event({ version: 1, legalDate: 'withdrawnOn', fields: { ...ofBusinessInterest, withdrawnOn: day } }),
  BusinessInterestComplianceChecked: event({
    version: 1,
    legalDate: 'checkedOn',
    fields: { ...ofBusinessInterest, checkedOn: day, result: oneOf(COMPLIANCE_RESULTS) },
  }),
  GiftOrHospitalityOffered: event({
    version: 1,
    legalDate: 'offeredOn',
    fields: { ...inForce, offeredOn: day, kind: oneOf(GIFT_KINDS), estimatedValuePence: count, offeredBy: vaultText, decision: oneOf(GIFT_DECISIONS) },
  }),
  NotifiableAssociationDeclared: event({
    version: 1,
    legalDate: 'declaredOn',
    fields: { ...ofAssociation, declaredOn: day, nature: oneOf(ASSOCIATION_NATURES), person: vaultText },
  }),
  AssociationRiskAssessed: event({ version: 1, legalDate: 'assessedOn', fields: { ...ofAssociation, assessedOn: day, risk: oneOf(ASSOCIATION_RISKS) } }),
  AssociationReviewed: event({ version: 1, legalDate: 'reviewedOn', fields: { ...ofAssociation, reviewedOn: day } }),
  AssociationEnded: event({ version: 1, legalDate: 'endedOn', fields: { ...ofAssociation, endedOn: day } }),
  ConflictOfInterestDeclared: event({
    version: 1,
    legalDate: 'declaredOn',
    fields: {
      ...inForce,
      declaredOn: day,
      nature: oneOf(CONFLICT_NATURES),
      /** The supervisor's pseudonymous person id. */
      declaredTo: id,
      action: oneOf(CONFLICT_ACTIONS),
      details: vaultText,
      /** The integrity case the conflict concerns, if any (docs/api.md, "Need-to-know"). */
      caseId: optional(id),
    },
  }),
  VettingGranted: event({ version: 1, legalDate: 'on', fields: { ...inForce, on: day, level: oneOf(VETTING_LEVELS) } }),
  /** The annual integrity and vetting review (Vetting Code of Practice 2023). */
  VettingReviewed: event({ version: 1, legalDate: 'on', fields: { ...inForce, on: day } }),
  VettingWithdrawn: event({ version: 1, legalDate: 'on', fields: { ...inForce, on: day, reason: vaultText } }),
  DrugTestRecorded: event({
    version: 1,
    legalDate: 'testedOn',
    fields: { ...inForce, testedOn: day, kind: oneOf(DRUG_TEST_KINDS), result: oneOf(DRUG_TEST_RESULTS) },
  }),
  SystemAccessAuditFinding: event({
    version: 1,
    legalDate: 'on',
    fields: {
      ...inForce,
      system: text,
      on: day,
      /** How many records were viewed. */
      recordsViewed: count,
      policingPurposeFound: flag,
    },
  }),
  /**
   * A sanction or finding the person had before the ledger was kept (src/cases/sanction-history.ts):
   * the day it was notified, and, where its record sets one (a final written warning the panel
   * extended), the day it expires; without one, the period of the regulations applies.
   */
  EarlierSanctionRecorded: event({
    version: 1,
    legalDate: 'notifiedOn',
    fields: { ...inForce, sanctionId: id, kind: oneOf(EARLIER_SANCTION_KINDS), notifiedOn: day, expiresOn: optional(day), reference: optional(text) },
  }),
  /**
   * A document attached to one entry of the person's registers (src/documents/README.md): the
   * fields of a case's DocumentAttached, with the entry instead of a subject. Its content is
   * sealed under the person's own key, as the entry's free text is.
   */
  RegisterDocumentAttached: event({
    version: 1,
    legalDate: 'attachedOn',
    fields: {
      ...inForce,
      documentId: id,
      /** Which register the entry is in, and its id there (businessInterestId, associationId). */
      register: oneOf(DOCUMENT_REGISTERS),
      entryId: id,
      ...DOCUMENT_FILE_FIELDS,
    },
  }),
};

export const REGISTER_EVENT_DECLARATIONS = declaredEvents(REGISTER_EVENTS);

/** Event type name → payload. */
export type RegisterEventDataMap = DataMapOf<typeof REGISTER_EVENTS>;
export type RegisterEventType = keyof RegisterEventDataMap;
export type RegisterEvent = EventOf<RegisterEventDataMap>;

export const registerEvent = eventOf<RegisterEventDataMap>();

export const REGISTER_EVENT_TYPES = REGISTER_EVENT_DECLARATIONS.types;
export const isRegisterEventType = REGISTER_EVENT_DECLARATIONS.isType;

// Payload types named where code needs the name.
export type BusinessInterestApplied = RegisterEventDataMap['BusinessInterestApplied'];
export type BusinessInterestDecided = RegisterEventDataMap['BusinessInterestDecided'];
export type BusinessInterestReviewed = RegisterEventDataMap['BusinessInterestReviewed'];
export type BusinessInterestRescinded = RegisterEventDataMap['BusinessInterestRescinded'];
export type BusinessInterestWithdrawn = RegisterEventDataMap['BusinessInterestWithdrawn'];
export type BusinessInterestComplianceChecked = RegisterEventDataMap['BusinessInterestComplianceChecked'];
export type GiftOrHospitalityOffered = RegisterEventDataMap['GiftOrHospitalityOffered'];
export type NotifiableAssociationDeclared = RegisterEventDataMap['NotifiableAssociationDeclared'];
export type AssociationRiskAssessed = RegisterEventDataMap['AssociationRiskAssessed'];
export type AssociationReviewed = RegisterEventDataMap['AssociationReviewed'];
export type AssociationEnded = RegisterEventDataMap['AssociationEnded'];
export type ConflictOfInterestDeclared = RegisterEventDataMap['ConflictOfInterestDeclared'];
export type VettingReviewed = RegisterEventDataMap['VettingReviewed'];
export type VettingWithdrawn = RegisterEventDataMap['VettingWithdrawn'];
export type DrugTestRecorded = RegisterEventDataMap['DrugTestRecorded'];
export type RegisterDocumentAttached = RegisterEventDataMap['RegisterDocumentAttached'];
