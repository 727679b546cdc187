/**
 * The rows of docs/api.md "Registers, recommendations, workforce" for a person's registers: for
 * each, the path under `/people`, the body, the event it records, and who may send it. The
 * compiler checks that each body carries the event's fields that the path and the service
 * do not give (the ids in the path, a new entry's id when absent, and `force`).
 */
import type { Type } from '@nestjs/common';
import type { CommandRoute, EventChoice } from '../shared/command-routes';
import { commandRoute, givenOrNewId } from '../shared/command-routes';
import { forceOfEntry } from '../shared/force';
import { AssessAssociationRiskBody, DeclareAssociationBody, EndAssociationBody } from './dto/association.dto';
import {
  ApplyForBusinessInterestBody,
  ComplianceCheckBody,
  DecideBusinessInterestBody,
  RescindBusinessInterestBody,
  ReviewBody,
  WithdrawBusinessInterestBody,
} from './dto/business-interest.dto';
import { AssociationParams, BusinessInterestParams, PersonParams } from './dto/params.dto';
import { ConflictOfInterestBody, DrugTestBody, GiftOrHospitalityBody, SystemAccessFindingBody, VettingBody } from './dto/register-entry.dto';
import { REGISTER_RECORDERS } from './person-access';
import type { RegisterCommand } from './registers.decide';
import type { RegisterEvent, RegisterEventDataMap, RegisterEventType } from './registers.events';

/** The ids a new entry is given by the service when the body has none. */
type NewEntryId = 'businessInterestId' | 'associationId';
type IdsInPath<P extends string> =
  | (P extends `${string}:businessInterestId${string}` ? 'businessInterestId' : never)
  | (P extends `${string}:associationId${string}` ? 'associationId' : never);
/** What a body must carry for event K on path P (distributes over a union of events). */
type BodyFields<K extends RegisterEventType, P extends string> = K extends RegisterEventType
  ? Omit<RegisterEventDataMap[K], 'force' | IdsInPath<P> | NewEntryId>
  : never;

function row<P extends string, K extends RegisterEventType>(
  name: string,
  path: P,
  events: EventChoice<K>,
  body: Type<BodyFields<K, P>>,
  newEntryId?: NewEntryId,
): CommandRoute<RegisterCommand> {
  const params = path.includes(':businessInterestId') ? BusinessInterestParams : path.includes(':associationId') ? AssociationParams : PersonParams;
  const spec = { name, path: `:personId/${path}`, params, body, roles: REGISTER_RECORDERS, events };
  return commandRoute(spec, ({ type, fields: { force, ...fields } }, { params: { personId, ...idsInPath }, context }) => {
    const created: Record<string, string> = newEntryId === undefined ? {} : { [newEntryId]: givenOrNewId(fields, newEntryId, context) };
    const data = { ...fields, ...idsInPath, ...created, force: forceOfEntry(context.actor, force) };
    // The compiler cannot see that these fields rebuild the event: the row's types checked the body.
    const event = { type, data } as unknown as RegisterEvent;
    return { command: { personId, event }, ids: { personId, ...idsInPath, ...created } };
  });
}

const INTEREST = 'business-interests/:businessInterestId';
const ASSOCIATION = 'associations/:associationId';

export const REGISTER_ROUTES: readonly CommandRoute<RegisterCommand>[] = [
  row('ApplyForBusinessInterest', 'business-interests', 'BusinessInterestApplied', ApplyForBusinessInterestBody, 'businessInterestId'),
  row('DecideBusinessInterest', `${INTEREST}/decision`, 'BusinessInterestDecided', DecideBusinessInterestBody),
  row('ReviewBusinessInterest', `${INTEREST}/review`, 'BusinessInterestReviewed', ReviewBody),
  row('RescindBusinessInterest', `${INTEREST}/rescind`, 'BusinessInterestRescinded', RescindBusinessInterestBody),
  row('WithdrawBusinessInterest', `${INTEREST}/withdraw`, 'BusinessInterestWithdrawn', WithdrawBusinessInterestBody),
  row('CheckBusinessInterestCompliance', `${INTEREST}/compliance-checks`, 'BusinessInterestComplianceChecked', ComplianceCheckBody),
  row('RecordGiftOrHospitality', 'gifts-and-hospitality', 'GiftOrHospitalityOffered', GiftOrHospitalityBody),
  row('DeclareNotifiableAssociation', 'associations', 'NotifiableAssociationDeclared', DeclareAssociationBody, 'associationId'),
  row('AssessAssociationRisk', `${ASSOCIATION}/risk-assessment`, 'AssociationRiskAssessed', AssessAssociationRiskBody),
  row('ReviewAssociation', `${ASSOCIATION}/review`, 'AssociationReviewed', ReviewBody),
  row('EndAssociation', `${ASSOCIATION}/end`, 'AssociationEnded', EndAssociationBody),
  row('DeclareConflictOfInterest', 'conflicts-of-interest', 'ConflictOfInterestDeclared', ConflictOfInterestBody),
  row('RecordVettingStep', 'vetting', { GRANT: 'VettingGranted', REVIEW: 'VettingReviewed', WITHDRAW: 'VettingWithdrawn' }, VettingBody),
  row('RecordDrugTest', 'drug-tests', 'DrugTestRecorded', DrugTestBody),
  row('RecordSystemAccessFinding', 'system-access-findings', 'SystemAccessAuditFinding', SystemAccessFindingBody),
];
