/**
 * decide(command, state) → the events to append, or a DomainError naming the rule that
 * refused. Every register command asks to record one entry, so the command is the event
 * it proposes (with the person it is for): decide accepts it unchanged or refuses it. Pure:
 * no clock, no I/O.
 */
import type { Decider } from '../common/decider';
import { checkAssociationStep, checkDeclaration } from './association.rules';
import { checkApplication, checkComplianceCheck, checkDecision, checkRescission, checkReview, checkWithdrawal } from './business-interest.rules';
import { checkConflict, checkDrugTest, checkEarlierSanction, checkGiftOrHospitality, checkRegisterDocument, checkVettingStep } from './register-entry.rules';
import type { RegisterEvent } from './registers.events';
import { ensure } from './registers.rule-book';
import type { PersonRegisters } from './registers.state';
import { evolve, initialPersonRegisters } from './registers.state';

export interface RegisterCommand {
  /** The person whose registers (`person-<personId>`) the entry is for. */
  personId: string;
  event: RegisterEvent;
  /**
   * The force whose workforce holds the person (their workforce record), added by the write
   * path; null or absent where none does. It keeps their registers, whoever wrote first.
   */
  holderForce?: string | null;
  /**
   * A document's content (RegisterDocumentAttached): sealed under the person's key and stored
   * by the write path before decide, which then sees the event with the stored object's hash.
   */
  content?: Uint8Array;
}

/** The force keeping the person's registers: their workforce's, else that of the first entry. */
export function registerForce(command: Pick<RegisterCommand, 'holderForce'>, state: Pick<PersonRegisters, 'force'>): string | null {
  return command.holderForce ?? state.force;
}

export function decide(command: RegisterCommand, state: PersonRegisters): RegisterEvent[] {
  const { personId, event } = command;
  const holder = command.holderForce ?? null;
  if (holder !== null) {
    // An entry recorded by the first force to write would otherwise keep the person's own force out.
    ensure(holder === event.data.force, 'personHeldByAnotherForce', `they are in the workforce of ${holder}`);
  } else {
    ensure(state.force === null || state.force === event.data.force, 'forceMustMatchPerson', `their register is kept by ${state.force}`);
  }
  check(personId, event, state);
  return [event];
}

function check(personId: string, event: RegisterEvent, state: PersonRegisters): void {
  switch (event.type) {
    case 'BusinessInterestApplied':
      return checkApplication(state, event.data);
    case 'BusinessInterestDecided':
      return checkDecision(state, event.data);
    case 'BusinessInterestReviewed':
      return checkReview(state, event.data);
    case 'BusinessInterestRescinded':
      return checkRescission(state, event.data);
    case 'BusinessInterestWithdrawn':
      return checkWithdrawal(state, event.data);
    case 'BusinessInterestComplianceChecked':
      return checkComplianceCheck(state, event.data);
    case 'GiftOrHospitalityOffered':
      return checkGiftOrHospitality(event.data);
    case 'NotifiableAssociationDeclared':
      return checkDeclaration(state, event.data);
    case 'AssociationRiskAssessed':
      return checkAssociationStep(state, event.data, event.data.assessedOn, 'associationRiskNeedsDeclaration');
    case 'AssociationReviewed':
      return checkAssociationStep(state, event.data, event.data.reviewedOn, 'associationReviewNeedsDeclaration');
    case 'AssociationEnded':
      return checkAssociationStep(state, event.data, event.data.endedOn, 'associationEndNeedsDeclaration');
    case 'ConflictOfInterestDeclared':
      return checkConflict(personId, event.data);
    case 'VettingGranted':
      // A grant after a withdrawal (on appeal) or over an earlier grant (re-vetting) is normal.
      return;
    case 'VettingReviewed':
      return checkVettingStep(state, event.data, 'vettingReviewNeedsGrant');
    case 'VettingWithdrawn':
      return checkVettingStep(state, event.data, 'vettingWithdrawalNeedsGrant');
    case 'DrugTestRecorded':
      return checkDrugTest(state, event.data);
    case 'SystemAccessAuditFinding':
      // An audit's finding is a fact about what was looked at: no rule of the process refuses it.
      return;
    case 'EarlierSanctionRecorded':
      return checkEarlierSanction(event.data);
    case 'RegisterDocumentAttached':
      return checkRegisterDocument(state, event.data);
    default: {
      const unhandled: never = event;
      throw new Error(`unknown register event ${JSON.stringify(unhandled)}`);
    }
  }
}

export const registersDecider: Decider<RegisterCommand, RegisterEvent, PersonRegisters> = {
  initialState: initialPersonRegisters,
  decide,
  evolve,
};
