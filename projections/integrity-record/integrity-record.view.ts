/**
 * A person's integrity record as a reader gets it: every register, with the yearly reviews'
 * due dates, and the signals (signals.ts) judged against today. Pure: built from the
 * person's register events, folded with the registers' own `evolve` so the record and
 * decide never disagree about a status or a date. The free text (the registers'
 * VAULT_FIELDS) is carried as stored, in vault envelopes: the controller opens the finished
 * view for a granted reader, each as the clear text or `{ "erased": true }`.
 */
import type { RegisterEvent, RegisterEventDataMap, RegisterEventType } from '../../src/registers/registers.events';
import { evolve, initialPersonRegisters } from '../../src/registers/registers.state';
import type { AssociationState, BusinessInterestState, VettingState } from '../../src/registers/registers.state';
import { associationReviewDue, businessInterestReviewDue, vettingReviewDue } from '../../src/registers/review-due';
import { isInForce } from '../../src/cases/sanction-history';
import type { SanctionEntry } from '../../src/cases/sanction-history';
import { signalsOf } from './signals';
import type { Signal } from './signals';

/** A register event as the projection keeps it. */
export type RecordedEntry = RegisterEvent & { eventId: string };

/** One stand-alone entry (a gift, a drug test...): its payload without the force, and the event it is. */
export type EntryView<K extends RegisterEventType> = Omit<RegisterEventDataMap[K], 'force'> & { eventId: string };

export interface BusinessInterestView extends BusinessInterestState {
  details: string;
  conditions: string | null;
  reviewDueOn: string | null;
  complianceChecks: EntryView<'BusinessInterestComplianceChecked'>[];
}

export interface AssociationView extends AssociationState {
  person: string;
  reviewDueOn: string | null;
}

export interface VettingView extends VettingState {
  reviewDueOn: string | null;
}

export interface IntegrityRecordView {
  personId: string;
  force: string;
  /** The day the signals were judged on. */
  asOf: string;
  signals: Signal[];
  businessInterests: BusinessInterestView[];
  giftsAndHospitality: EntryView<'GiftOrHospitalityOffered'>[];
  associations: AssociationView[];
  conflictsOfInterest: EntryView<'ConflictOfInterestDeclared'>[];
  vetting: VettingView | null;
  drugTests: EntryView<'DrugTestRecorded'>[];
  systemAccessFindings: EntryView<'SystemAccessAuditFinding'>[];
  /** The documents attached to the business interests and associations, each naming its `register` and `entryId`. */
  documents: EntryView<'RegisterDocumentAttached'>[];
  /**
   * Warnings, final written warnings, reductions in rank, dismissals and earlier findings, from
   * the outcomes in every case and from before the ledger (src/cases/sanction-history.ts), each
   * judged in force or not as of `asOf`; a warning's expiry carries the mark of its period.
   */
  sanctionHistory: SanctionHistoryItem[];
}

/**
 * One sanction as a reader gets it: in force or not on the day read; the case it came from is
 * named only to a reader who may know of that case (need-to-know), else `caseWithheld`.
 */
export type SanctionHistoryItem = Omit<SanctionEntry, 'caseAccess'> & { inForce: boolean; caseWithheld?: true };

/** Whether the reader may know of the case a sanction came from. */
export type MayKnowOfCase = (sanction: SanctionEntry) => boolean;

function sanctionView(sanction: SanctionEntry, today: string, mayKnowOfCase: MayKnowOfCase): SanctionHistoryItem {
  const { caseAccess, ...shown } = sanction;
  void caseAccess;
  const item = { ...shown, inForce: isInForce(sanction, today) };
  return sanction.caseId === null || mayKnowOfCase(sanction) ? item : { ...item, caseId: null, caseWithheld: true };
}

/** The entries of one type, in the order recorded, without their force. */
function entriesOf<K extends RegisterEventType>(entries: readonly RecordedEntry[], type: K): EntryView<K>[] {
  return entries
    .filter((entry): entry is Extract<RecordedEntry, { type: K }> => entry.type === type)
    .map((entry) => {
      const { force, ...fields } = entry.data as unknown as RegisterEventDataMap[K] & { force: string };
      void force;
      return { ...fields, eventId: entry.eventId } as EntryView<K>;
    });
}

export function integrityRecordView(
  personId: string,
  entries: readonly RecordedEntry[],
  today: string,
  sanctions: readonly SanctionEntry[] = [],
  mayKnowOfCase: MayKnowOfCase = () => false,
): IntegrityRecordView | null {
  const registers = entries.reduce(evolve, initialPersonRegisters);
  if (registers.force === null) return null;
  const applications = entriesOf(entries, 'BusinessInterestApplied');
  const decisions = entriesOf(entries, 'BusinessInterestDecided');
  const checks = entriesOf(entries, 'BusinessInterestComplianceChecked');
  const declarations = entriesOf(entries, 'NotifiableAssociationDeclared');
  const businessInterests = Object.values(registers.businessInterests).map((interest): BusinessInterestView => ({
    ...interest,
    details: applications.find((entry) => entry.businessInterestId === interest.businessInterestId)?.details ?? '',
    conditions: decisions.find((entry) => entry.businessInterestId === interest.businessInterestId)?.conditions ?? null,
    reviewDueOn: businessInterestReviewDue(interest),
    complianceChecks: checks.filter((entry) => entry.businessInterestId === interest.businessInterestId),
  }));
  const associations = Object.values(registers.associations).map((association): AssociationView => ({
    ...association,
    person: declarations.find((entry) => entry.associationId === association.associationId)?.person ?? '',
    reviewDueOn: associationReviewDue(association),
  }));
  const vetting = registers.vetting === null ? null : { ...registers.vetting, reviewDueOn: vettingReviewDue(registers.vetting) };
  const record = {
    personId,
    force: registers.force,
    asOf: today,
    businessInterests,
    giftsAndHospitality: entriesOf(entries, 'GiftOrHospitalityOffered'),
    associations,
    conflictsOfInterest: entriesOf(entries, 'ConflictOfInterestDeclared'),
    vetting,
    drugTests: entriesOf(entries, 'DrugTestRecorded'),
    systemAccessFindings: entriesOf(entries, 'SystemAccessAuditFinding'),
    documents: entriesOf(entries, 'RegisterDocumentAttached'),
    sanctionHistory: sanctions.map((sanction) => sanctionView(sanction, today, mayKnowOfCase)),
  };
  return { ...record, signals: signalsOf(record, today) };
}
