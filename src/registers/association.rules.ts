/**
 * Notifiable (reportable) associations: declared, risk-assessed by the ACU, updated at least
 * yearly, ended (HMIC, Hampshire 2014). Each function refuses under a named rule or returns.
 */
import type { AssociationEnded, AssociationReviewed, AssociationRiskAssessed, NotifiableAssociationDeclared } from './registers.events';
import { ensure, ensureNotBefore, refuse } from './registers.rule-book';
import type { RegisterRuleName } from './registers.rule-book';
import { associationOf } from './registers.state';
import type { PersonRegisters } from './registers.state';

type AssociationStep = AssociationRiskAssessed | AssociationReviewed | AssociationEnded;

export function checkDeclaration(state: PersonRegisters, data: NotifiableAssociationDeclared): void {
  ensure(associationOf(state, data.associationId) === null, 'associationAlreadyDeclared');
}

/** A step on a declared association that has not ended, dated on or after the declaration. */
export function checkAssociationStep(state: PersonRegisters, data: AssociationStep, day: string, missing: RegisterRuleName): void {
  const association = associationOf(state, data.associationId);
  if (association === null) return refuse(missing, data.associationId);
  ensure(association.endedOn === null, 'associationEnded');
  ensureNotBefore(day, association.declaredOn, 'the declaration');
}
