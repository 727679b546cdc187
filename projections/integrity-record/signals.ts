/**
 * What an integrity record flags for its reader, judged against today (never stored: the
 * same record is overdue tomorrow that is due today):
 * - yearly reviews of business interests, notifiable associations and vetting falling due
 *   within DUE_SOON_DAYS, or overdue (docs/domain/reference.md, "Time limits to encode": 12 months from
 *   approval, declaration or grant, or the last review);
 * - a declined, rescinded or withdrawn business interest found continuing, and conditions
 *   found breached, by the latest compliance check recorded for that interest (a later
 *   check finding it COMPLIANT clears it);
 * - positive and refused drug tests;
 * - records viewed without a policing purpose.
 */
import { addDaysToDay, isBeforeDay } from '../../src/common/days';
import type { IntegrityRecordView } from './integrity-record.view';

export const DUE_SOON_DAYS = 30;

export const SIGNAL_KINDS = [
  'BUSINESS_INTEREST_REVIEW_OVERDUE',
  'BUSINESS_INTEREST_REVIEW_DUE',
  'ASSOCIATION_REVIEW_OVERDUE',
  'ASSOCIATION_REVIEW_DUE',
  'VETTING_REVIEW_OVERDUE',
  'VETTING_REVIEW_DUE',
  'DECLINED_INTEREST_CONTINUING',
  'CONDITIONS_BREACHED',
  'POSITIVE_DRUG_TEST',
  'DRUG_TEST_REFUSED',
  'SYSTEM_ACCESS_WITHOUT_POLICING_PURPOSE',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface Signal {
  kind: SignalKind;
  /** The business interest or association id, or the event id of the entry (null for vetting). */
  reference: string | null;
  /** The day it is due or was due, or the day of the finding. */
  on: string;
}

type RecordWithoutSignals = Omit<IntegrityRecordView, 'signals'>;

/** OVERDUE before today, DUE from today to DUE_SOON_DAYS ahead, otherwise nothing. */
function reviewSignal(dueOn: string | null, today: string, kinds: { overdue: SignalKind; due: SignalKind }, reference: string | null): Signal[] {
  if (dueOn === null) return [];
  if (isBeforeDay(dueOn, today)) return [{ kind: kinds.overdue, reference, on: dueOn }];
  if (!isBeforeDay(addDaysToDay(today, DUE_SOON_DAYS), dueOn)) return [{ kind: kinds.due, reference, on: dueOn }];
  return [];
}

const INTEREST_REVIEW = { overdue: 'BUSINESS_INTEREST_REVIEW_OVERDUE', due: 'BUSINESS_INTEREST_REVIEW_DUE' } as const;
const ASSOCIATION_REVIEW = { overdue: 'ASSOCIATION_REVIEW_OVERDUE', due: 'ASSOCIATION_REVIEW_DUE' } as const;
const VETTING_REVIEW = { overdue: 'VETTING_REVIEW_OVERDUE', due: 'VETTING_REVIEW_DUE' } as const;

export function signalsOf(record: RecordWithoutSignals, today: string): Signal[] {
  const signals: Signal[] = [];
  for (const interest of record.businessInterests) {
    signals.push(...reviewSignal(interest.reviewDueOn, today, INTEREST_REVIEW, interest.businessInterestId));
    const latest = interest.complianceChecks.at(-1);
    if (latest?.result === 'DECLINED_INTEREST_CONTINUING' || latest?.result === 'CONDITIONS_BREACHED') {
      signals.push({ kind: latest.result, reference: interest.businessInterestId, on: latest.checkedOn });
    }
  }
  for (const association of record.associations) signals.push(...reviewSignal(association.reviewDueOn, today, ASSOCIATION_REVIEW, association.associationId));
  if (record.vetting !== null) signals.push(...reviewSignal(record.vetting.reviewDueOn, today, VETTING_REVIEW, null));
  for (const test of record.drugTests) {
    if (test.result === 'POSITIVE') signals.push({ kind: 'POSITIVE_DRUG_TEST', reference: test.eventId, on: test.testedOn });
    if (test.result === 'REFUSED') signals.push({ kind: 'DRUG_TEST_REFUSED', reference: test.eventId, on: test.testedOn });
  }
  for (const finding of record.systemAccessFindings) {
    if (!finding.policingPurposeFound) signals.push({ kind: 'SYSTEM_ACCESS_WITHOUT_POLICING_PURPOSE', reference: finding.eventId, on: finding.on });
  }
  return signals;
}
