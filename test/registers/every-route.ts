/**
 * One person walked through every register route of docs/api.md ("Registers, recommendations,
 * workforce"), each with a body it accepts at that point, written from docs/api.md (paths) and
 * docs/events.md (event names and fields) rather than from the route table, so the tests check
 * the table against the contract.
 */
import { randomUUID } from 'node:crypto';

export interface RegisterIds {
  personId: string;
  businessInterestId: string;
  associationId: string;
  supervisorId: string;
}

export interface RegisterStep {
  /** The docs/api.md row as a path under /api/v1, with {personId}, {businessInterestId} and {associationId} to fill in. */
  route: string;
  body: Record<string, unknown>;
  /** The event docs/events.md names for the row (and action). */
  event: string;
}

export function registerIds(): RegisterIds {
  return { personId: randomUUID(), businessInterestId: randomUUID(), associationId: randomUUID(), supervisorId: randomUUID() };
}

export function pathOf(route: string, ids: RegisterIds): string {
  return route.replace('{personId}', ids.personId).replace('{businessInterestId}', ids.businessInterestId).replace('{associationId}', ids.associationId);
}

const PERSON = 'people/{personId}';
const INTEREST = `${PERSON}/business-interests/{businessInterestId}`;
const ASSOCIATION = `${PERSON}/associations/{associationId}`;

export function everyRegisterRoute(ids: RegisterIds): RegisterStep[] {
  return [
    {
      route: `${PERSON}/business-interests`,
      event: 'BusinessInterestApplied',
      body: { businessInterestId: ids.businessInterestId, appliedOn: '2023-04-03', nature: 'SECONDARY_EMPLOYMENT', details: 'Driving instructor at weekends' },
    },
    {
      route: `${INTEREST}/decision`,
      event: 'BusinessInterestDecided',
      body: { decision: 'APPROVED_WITH_CONDITIONS', decidedOn: '2023-04-20', conditions: 'No lessons for people known through work' },
    },
    { route: `${INTEREST}/review`, event: 'BusinessInterestReviewed', body: { reviewedOn: '2024-04-15' } },
    { route: `${INTEREST}/compliance-checks`, event: 'BusinessInterestComplianceChecked', body: { checkedOn: '2024-06-01', result: 'CONDITIONS_BREACHED' } },
    { route: `${INTEREST}/rescind`, event: 'BusinessInterestRescinded', body: { rescindedOn: '2024-06-10', reason: 'Conditions breached' } },
    {
      route: `${PERSON}/gifts-and-hospitality`,
      event: 'GiftOrHospitalityOffered',
      body: { offeredOn: '2023-12-18', kind: 'HOSPITALITY', estimatedValuePence: 4500, offeredBy: 'A supplier', decision: 'NOT_APPROVED_BY_MANAGER' },
    },
    {
      route: `${PERSON}/associations`,
      event: 'NotifiableAssociationDeclared',
      body: { associationId: ids.associationId, declaredOn: '2023-02-01', nature: 'RELATIVE', person: 'A cousin convicted of supply' },
    },
    { route: `${ASSOCIATION}/risk-assessment`, event: 'AssociationRiskAssessed', body: { assessedOn: '2023-02-20', risk: 'MANAGED_RISK' } },
    { route: `${ASSOCIATION}/review`, event: 'AssociationReviewed', body: { reviewedOn: '2024-01-25' } },
    { route: `${ASSOCIATION}/end`, event: 'AssociationEnded', body: { endedOn: '2024-03-01' } },
    {
      route: `${PERSON}/conflicts-of-interest`,
      event: 'ConflictOfInterestDeclared',
      body: {
        declaredOn: '2023-05-02',
        nature: 'NEIGHBOUR',
        declaredTo: ids.supervisorId,
        action: 'SUPERVISOR_TO_SEARCH',
        details: 'Concerns about a neighbour',
        caseId: randomUUID(),
      },
    },
    { route: `${PERSON}/vetting`, event: 'VettingGranted', body: { action: 'GRANT', on: '2022-09-01', level: 'MANAGEMENT_VETTING' } },
    { route: `${PERSON}/vetting`, event: 'VettingReviewed', body: { action: 'REVIEW', on: '2023-09-01' } },
    { route: `${PERSON}/vetting`, event: 'VettingWithdrawn', body: { action: 'WITHDRAW', on: '2024-07-01', reason: 'Breach of business interest conditions' } },
    { route: `${PERSON}/drug-tests`, event: 'DrugTestRecorded', body: { testedOn: '2023-07-07', kind: 'RANDOM', result: 'NEGATIVE' } },
    {
      route: `${PERSON}/system-access-findings`,
      event: 'SystemAccessAuditFinding',
      body: { system: 'Niche RMS', on: '2023-03-14', recordsViewed: 4, policingPurposeFound: false },
    },
    {
      route: `${PERSON}/earlier-sanctions`,
      event: 'EarlierSanctionRecorded',
      body: { kind: 'FINAL_WRITTEN_WARNING', notifiedOn: '2019-04-01', reference: 'PSD/2019/0117' },
    },
    // After the rescission above, a second interest to withdraw.
    {
      route: `${PERSON}/business-interests`,
      event: 'BusinessInterestApplied',
      body: { appliedOn: '2024-08-01', nature: 'SHAREHOLDING', details: 'Shares in a security firm', force: 'HAMPSHIRE' },
    },
  ];
}

/** The withdraw row, on the interest the last step created (its id is in that step's answer). */
export const WITHDRAW_ROUTE = `${PERSON}/business-interests/{businessInterestId}/withdraw`;
