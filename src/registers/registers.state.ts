/**
 * A person's registers as decide needs them, and `evolve`. Gifts, conflicts, drug tests
 * and system-access findings are recorded as they come and no rule looks back at them, so
 * the state keeps only what later rules ask: the force, business interests, associations,
 * vetting, and whether an in-service drug test has been recorded. The integrity record
 * (projections/integrity-record) builds its lists itself.
 *
 * `evolve` is pure and never throws: a step for an unknown business interest or
 * association (decide refuses them, so none in practice) leaves the state as it was.
 */
import type { AssociationNature, AssociationRisk, BusinessInterestDecision, BusinessInterestNature, VettingLevel } from './registers.enums';
import type { RegisterEvent } from './registers.events';

export type BusinessInterestStatus = 'APPLIED' | BusinessInterestDecision | 'RESCINDED' | 'WITHDRAWN';

export interface BusinessInterestState {
  businessInterestId: string;
  nature: BusinessInterestNature;
  appliedOn: string;
  status: BusinessInterestStatus;
  /** The decision as made; kept when the interest is later rescinded or withdrawn. */
  decision: BusinessInterestDecision | null;
  decidedOn: string | null;
  lastReviewedOn: string | null;
  /** When it was rescinded or withdrawn. */
  closedOn: string | null;
}

export interface AssociationState {
  associationId: string;
  nature: AssociationNature;
  declaredOn: string;
  risk: AssociationRisk | null;
  assessedOn: string | null;
  lastReviewedOn: string | null;
  endedOn: string | null;
}

export interface VettingState {
  level: VettingLevel;
  grantedOn: string;
  lastReviewedOn: string | null;
  withdrawnOn: string | null;
}

export interface PersonRegisters {
  /** The force of the first entry: every later entry must be in the same force's register. */
  force: string | null;
  businessInterests: Readonly<Record<string, BusinessInterestState>>;
  associations: Readonly<Record<string, AssociationState>>;
  /** The latest grant, with its reviews and any withdrawal; null before the first grant. */
  vetting: VettingState | null;
  /** A random or with-cause test has been recorded: the person is in service. */
  testedInService: boolean;
  /** The ids of the documents attached to the person's entries (RegisterDocumentAttached). */
  documentIds: readonly string[];
}

export const initialPersonRegisters: PersonRegisters = {
  force: null,
  businessInterests: {},
  associations: {},
  vetting: null,
  testedInService: false,
  documentIds: [],
};

export function businessInterestOf(state: PersonRegisters, id: string): BusinessInterestState | null {
  return Object.hasOwn(state.businessInterests, id) ? state.businessInterests[id] : null;
}

export function associationOf(state: PersonRegisters, id: string): AssociationState | null {
  return Object.hasOwn(state.associations, id) ? state.associations[id] : null;
}

export function evolve(state: PersonRegisters, event: RegisterEvent): PersonRegisters {
  const next = { ...state, force: state.force ?? event.data.force };
  switch (event.type) {
    case 'BusinessInterestApplied': {
      const { businessInterestId, nature, appliedOn } = event.data;
      const applied: BusinessInterestState = {
        businessInterestId,
        nature,
        appliedOn,
        status: 'APPLIED',
        decision: null,
        decidedOn: null,
        lastReviewedOn: null,
        closedOn: null,
      };
      return { ...next, businessInterests: { ...state.businessInterests, [businessInterestId]: applied } };
    }
    case 'BusinessInterestDecided':
      return withInterest(next, event.data.businessInterestId, { status: event.data.decision, decision: event.data.decision, decidedOn: event.data.decidedOn });
    case 'BusinessInterestReviewed':
      return withInterest(next, event.data.businessInterestId, { lastReviewedOn: event.data.reviewedOn });
    case 'BusinessInterestRescinded':
      return withInterest(next, event.data.businessInterestId, { status: 'RESCINDED', closedOn: event.data.rescindedOn });
    case 'BusinessInterestWithdrawn':
      return withInterest(next, event.data.businessInterestId, { status: 'WITHDRAWN', closedOn: event.data.withdrawnOn });
    case 'NotifiableAssociationDeclared': {
      const { associationId, nature, declaredOn } = event.data;
      const declared: AssociationState = { associationId, nature, declaredOn, risk: null, assessedOn: null, lastReviewedOn: null, endedOn: null };
      return { ...next, associations: { ...state.associations, [associationId]: declared } };
    }
    case 'AssociationRiskAssessed':
      return withAssociation(next, event.data.associationId, { risk: event.data.risk, assessedOn: event.data.assessedOn });
    case 'AssociationReviewed':
      return withAssociation(next, event.data.associationId, { lastReviewedOn: event.data.reviewedOn });
    case 'AssociationEnded':
      return withAssociation(next, event.data.associationId, { endedOn: event.data.endedOn });
    case 'VettingGranted':
      return { ...next, vetting: { level: event.data.level, grantedOn: event.data.on, lastReviewedOn: null, withdrawnOn: null } };
    case 'VettingReviewed':
      return next.vetting === null ? next : { ...next, vetting: { ...next.vetting, lastReviewedOn: event.data.on } };
    case 'VettingWithdrawn':
      return next.vetting === null ? next : { ...next, vetting: { ...next.vetting, withdrawnOn: event.data.on } };
    case 'DrugTestRecorded':
      return event.data.kind === 'PRE_EMPLOYMENT' ? next : { ...next, testedInService: true };
    case 'RegisterDocumentAttached':
      return { ...next, documentIds: [...state.documentIds, event.data.documentId] };
    case 'BusinessInterestComplianceChecked':
    case 'GiftOrHospitalityOffered':
    case 'ConflictOfInterestDeclared':
    case 'SystemAccessAuditFinding':
    case 'EarlierSanctionRecorded':
      return next;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function withInterest(state: PersonRegisters, id: string, change: Partial<BusinessInterestState>): PersonRegisters {
  const current = businessInterestOf(state, id);
  if (current === null) return state;
  return { ...state, businessInterests: { ...state.businessInterests, [id]: { ...current, ...change } } };
}

function withAssociation(state: PersonRegisters, id: string, change: Partial<AssociationState>): PersonRegisters {
  const current = associationOf(state, id);
  if (current === null) return state;
  return { ...state, associations: { ...state.associations, [id]: { ...current, ...change } } };
}
