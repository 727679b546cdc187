/**
 * A person's sanction history (Conduct Regs 2020 reg 42; docs/domain/regulations.md §2.9 and
 * §12 rows 32-33): the written warnings, final written warnings and reductions in rank they
 * were given, and their earlier findings, from the outcomes recorded in any case where they
 * are a subject (the standing outcome, after any appeal) and from the sanctions recorded for
 * them from before the ledger (the register event EarlierSanctionRecorded). Pure; the write
 * path reads it from the store for decide (sanction-history.reader.ts), and the integrity
 * record shows it.
 *
 * A warning takes effect on the day it is notified to the officer (reg 42 ✔): the day the
 * written outcome was received (reg 43), or, until that is recorded, the outcome's own day. How
 * long it lasts is data with its mark: a final written warning 2 years (◐), a written warning
 * 18 months (✖), both excluding any career break (reg 42(11)), which the ledger does not record.
 */
import { addMonthsToDay } from '../common/days';
import type { Confidence } from '../common/confidence';
import type { EarlierSanctionKind } from '../registers/registers.enums';
import type { RegisterEventDataMap } from '../registers/registers.events';
import type { Outcome, Sensitivity } from './case.enums';
import type { Case } from './case.state';

export type SanctionKind = EarlierSanctionKind | 'DISMISSAL';

export interface WarningPeriod {
  months: number;
  source: string;
  confidence: Confidence;
}

/** How long each warning stays in force from the day it was notified. */
export const WARNING_PERIODS: { readonly [K in 'WRITTEN_WARNING' | 'FINAL_WRITTEN_WARNING']: WarningPeriod } = {
  FINAL_WRITTEN_WARNING: {
    months: 24,
    source:
      'Conduct Regs 2020 reg 42: 2 years beginning with the day it was notified (scraped text; the MDP analogue lets the panel extend it up to 5 years); excludes a career break (reg 42(11))',
    confidence: 'PARTLY_CONFIRMED',
  },
  WRITTEN_WARNING: {
    months: 18,
    source: 'Conduct Regs 2020 reg 42(9)-(10): believed 18 months from the day it was notified (verify); excludes a career break (reg 42(11))',
    confidence: 'UNCONFIRMED',
  },
};

export interface SanctionEntry {
  kind: SanctionKind;
  /** The case whose outcome it is; null for one recorded from before the ledger. */
  caseId: string | null;
  /** Who may know of that case (its force and sensitivity); null for one recorded from before the ledger. */
  caseAccess: { force: string; sensitivity: Sensitivity } | null;
  /** The day it took effect: notified to the officer. */
  notifiedOn: string;
  /** For a warning, the first day it is no longer in force; null for what does not expire. */
  expiresOn: string | null;
  /** Where the expiry comes from, with its mark; null for what does not expire. */
  expiry: { source: string; confidence: Confidence } | null;
  /** The outcome's day counted as the notification, the written outcome's receipt being unrecorded. */
  notificationAssumed: boolean;
}

const SANCTION_OF_OUTCOME: Partial<Record<Outcome, SanctionKind>> = {
  WRITTEN_WARNING: 'WRITTEN_WARNING',
  FINAL_WRITTEN_WARNING: 'FINAL_WRITTEN_WARNING',
  REDUCTION_IN_RANK: 'REDUCTION_IN_RANK',
  DISMISSAL_WITH_NOTICE: 'DISMISSAL',
  DISMISSAL_WITHOUT_NOTICE: 'DISMISSAL',
};

/** An entry of the case `of` (null: recorded from before the ledger). */
function entry(kind: SanctionKind, of: Case | null, notifiedOn: string, notificationAssumed: boolean, expiresOn?: string): SanctionEntry {
  const source = { caseId: of?.caseId ?? null, caseAccess: of === null ? null : { force: of.force, sensitivity: of.sensitivity } };
  if (kind !== 'WRITTEN_WARNING' && kind !== 'FINAL_WRITTEN_WARNING')
    return { kind, ...source, notifiedOn, expiresOn: null, expiry: null, notificationAssumed };
  const period = WARNING_PERIODS[kind];
  if (expiresOn !== undefined) {
    return { kind, ...source, notifiedOn, expiresOn, expiry: { source: 'the sanction as recorded', confidence: 'CONFIRMED' }, notificationAssumed };
  }
  const expiry = { source: period.source, confidence: period.confidence };
  return { kind, ...source, notifiedOn, expiresOn: addMonthsToDay(notifiedOn, period.months), expiry, notificationAssumed };
}

/** The sanctions and findings of `personId` in one case: each subject they are, with a conclusion. */
export function sanctionsFromCase(state: Case, personId: string): SanctionEntry[] {
  return Object.values(state.subjects)
    .filter((subject) => subject.personId === personId && subject.conclusion !== null && !subject.conclusion.withoutProceedings)
    .flatMap((subject) => {
      const conclusion = subject.conclusion;
      if (conclusion === null) return [];
      const received = conclusion.writtenOutcomeReceivedOn;
      const notifiedOn = received ?? conclusion.on;
      const assumed = received === undefined;
      const proven = conclusion.findings.filter((finding) => finding.proven);
      const findings: SanctionEntry[] =
        proven.length === 0
          ? []
          : [
              entry(
                proven.some((finding) => finding.level === 'GROSS_MISCONDUCT') ? 'GROSS_MISCONDUCT_FINDING' : 'MISCONDUCT_FINDING',
                state,
                conclusion.on,
                false,
              ),
            ];
      // The standing outcome: an appeal may have varied or overturned it.
      const kind = subject.outcome === null ? undefined : SANCTION_OF_OUTCOME[subject.outcome];
      return kind === undefined ? findings : [...findings, entry(kind, state, notifiedOn, assumed)];
    });
}

/** A sanction recorded from before the ledger. */
export function earlierSanction(data: RegisterEventDataMap['EarlierSanctionRecorded']): SanctionEntry {
  return entry(data.kind, null, data.notifiedOn, false, data.expiresOn);
}

/** In force on `day`: notified by then and not yet expired. */
export function isInForce(sanction: SanctionEntry, day: string): boolean {
  return sanction.notifiedOn <= day && (sanction.expiresOn === null || day < sanction.expiresOn);
}

/** The final written warning in force on `day`, if there is one. */
export function liveFinalWrittenWarning(history: readonly SanctionEntry[], day: string): SanctionEntry | undefined {
  return history.find((sanction) => sanction.kind === 'FINAL_WRITTEN_WARNING' && isInForce(sanction, day));
}

/** The history in the order it happened. */
export function inOrder(history: readonly SanctionEntry[]): SanctionEntry[] {
  return [...history].sort((one, other) => (one.notifiedOn < other.notifiedOn ? -1 : one.notifiedOn > other.notifiedOn ? 1 : 0));
}
