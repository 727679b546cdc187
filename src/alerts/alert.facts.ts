/**
 * The facts the thresholds count, read from the ledger in its global order: over cases,
 * complaints and registers together.
 *
 * - a case or complaint naming a person as a subject (SubjectAdded): CASE_SUBJECT, on the
 *   day the referral was received;
 * - an allegation against a subject (AllegationRecorded: its standards and corruption
 *   category, with the case's flags such as APSP), on the day the referral was received; a
 *   complaint's allegations (ComplaintLogged: their IOPC category) count for each subject of
 *   the complaint, on the day it was logged, whichever was recorded first;
 * - a register signal (as the integrity record flags them): a positive or refused drug
 *   test, a system access audit finding without a policing purpose, a compliance check
 *   finding a declined interest continuing or conditions breached.
 *
 * A COVERT case gives no facts: an alert, listed for the DCC and on the person's record,
 * must not tell its readers of a covert case they may not know of (need-to-know, as for a
 * case read). Corrections (RecordCorrected) are not followed: a threshold counts what was
 * first recorded.
 */
import type { RecordedEvent } from '../event-store/event-store';
import { CASE_FLAGS } from '../cases/case.enums';
import type { CaseFlag } from '../cases/case.enums';
import type { CaseEventDataMap, CaseEventType } from '../cases/case.events';
import type { RegisterEventDataMap, RegisterEventType } from '../registers/registers.events';
import { PERSON_STREAM_PREFIX } from '../registers/person.stream';
import { ALERT_THRESHOLD_EVENT_DECLARATIONS, ALERT_THRESHOLDS_STREAM_PREFIX, isAlertThresholdEventType } from './alert.events';
import type { AlertThresholdEvent, AlertThresholdSet } from './alert.events';
import { evolveThresholds } from './alert.state';
import type { AlertThresholdsState } from './alert.state';
import { ForceFacts } from './alert.evaluate';
import type { PersonFact } from './alert.evaluate';

export const CASE_STREAM_PREFIX = 'case-';

/** The streams whose events give facts or thresholds. */
export const ALERT_SOURCE_STREAM_PREFIXES = [CASE_STREAM_PREFIX, PERSON_STREAM_PREFIX, ALERT_THRESHOLDS_STREAM_PREFIX];

/** The case events that give facts (caseFacts' switch is over these, so the compiler holds the two together). */
const CASE_EVENTS_READ = ['ReferralReceived', 'SubjectAdded', 'AllegationRecorded', 'ComplaintLogged'] as const satisfies readonly CaseEventType[];
type CaseEventRead = (typeof CASE_EVENTS_READ)[number];
/** The register entries that can be a signal (registerFacts' switch is over these). */
const REGISTER_EVENTS_READ = [
  'DrugTestRecorded',
  'SystemAccessAuditFinding',
  'BusinessInterestComplianceChecked',
] as const satisfies readonly RegisterEventType[];
type RegisterEventRead = (typeof REGISTER_EVENTS_READ)[number];

/**
 * The only events that give facts or thresholds: the reactor reads these and no others (at
 * ten million events, reading every event of every case was most of a start-up).
 */
export const ALERT_SOURCE_EVENT_TYPES: readonly string[] = [...CASE_EVENTS_READ, ...REGISTER_EVENTS_READ, ...ALERT_THRESHOLD_EVENT_DECLARATIONS.types];

interface KnownCase {
  force: string;
  covert: boolean;
  receivedOn: string;
  flags: CaseFlag[];
  /** subjectId → personId */
  subjects: Map<string, string>;
  complaintAllegations: { allegationId: string; category: NonNullable<PersonFact['category']>; loggedOn: string; eventId: string }[];
}

const FLAG_OF_REFERRAL: { readonly [K in keyof CaseEventDataMap['ReferralReceived']['flags']]: CaseFlag } = {
  apsp: 'APSP',
  prejudicialImproperBehaviour: 'PREJUDICIAL_IMPROPER_BEHAVIOUR',
  violenceAgainstWomenAndGirls: 'VIOLENCE_AGAINST_WOMEN_AND_GIRLS',
};

/** A threshold just set (or set again under its id), with the one it replaces, if any. */
export interface ThresholdSetting {
  threshold: AlertThresholdSet;
  replaced?: AlertThresholdSet;
  /** The AlertThresholdSet event's id: names the alerts the setting raises. */
  settingId: string;
}

/**
 * The facts and thresholds so far, per force, the facts indexed by person (ForceFacts);
 * `apply` gives the facts an event adds; `lastSetting` the threshold the last event set.
 * Every fact is kept: a threshold set later is evaluated against the whole history.
 */
export class AlertFacts {
  private readonly cases = new Map<string, KnownCase>();
  private readonly factsByForce = new Map<string, ForceFacts>();
  private thresholdsByForce = new Map<string, AlertThresholdsState>();
  private setting?: ThresholdSetting;

  thresholdsOf(force: string): AlertThresholdSet[] {
    return Object.values(this.thresholdsByForce.get(force) ?? {});
  }

  factsOf(force: string): ForceFacts {
    return this.factsByForce.get(force) ?? new ForceFacts();
  }

  /** The threshold set by the event last applied, if it set one. */
  lastSetting(): ThresholdSetting | undefined {
    return this.setting;
  }

  /** Folds one recorded event; answers the facts it adds (none for most events). */
  apply(recorded: RecordedEvent): PersonFact[] {
    this.setting = undefined;
    const facts = this.factsFrom(recorded);
    for (const fact of facts) {
      let index = this.factsByForce.get(fact.force);
      if (index === undefined) {
        index = new ForceFacts();
        this.factsByForce.set(fact.force, index);
      }
      index.add(fact);
    }
    return facts;
  }

  private factsFrom(recorded: RecordedEvent): PersonFact[] {
    const { streamName } = recorded;
    if (streamName.startsWith(ALERT_THRESHOLDS_STREAM_PREFIX)) {
      this.applyThreshold(recorded, streamName.slice(ALERT_THRESHOLDS_STREAM_PREFIX.length));
      return [];
    }
    if (streamName.startsWith(CASE_STREAM_PREFIX)) return this.caseFacts(recorded, streamName.slice(CASE_STREAM_PREFIX.length));
    if (streamName.startsWith(PERSON_STREAM_PREFIX)) return registerFacts(recorded, streamName.slice(PERSON_STREAM_PREFIX.length));
    return [];
  }

  private applyThreshold(recorded: RecordedEvent, force: string): void {
    if (!isAlertThresholdEventType(recorded.type)) return;
    const event = { type: recorded.type, data: recorded.data } as AlertThresholdEvent;
    const before = this.thresholdsByForce.get(force) ?? {};
    if (event.type === 'AlertThresholdSet') {
      const replaced = before[event.data.thresholdId];
      this.setting = { threshold: event.data, settingId: recorded.eventId, ...(replaced === undefined ? {} : { replaced }) };
    }
    this.thresholdsByForce.set(force, evolveThresholds(before, event));
  }

  private caseFacts(recorded: RecordedEvent, caseId: string): PersonFact[] {
    const type = recorded.type as CaseEventRead;
    if (type === 'ReferralReceived') {
      const data = recorded.data as unknown as CaseEventDataMap['ReferralReceived'];
      const flags = (Object.keys(FLAG_OF_REFERRAL) as (keyof typeof FLAG_OF_REFERRAL)[])
        .filter((name) => data.flags[name])
        .map((name) => FLAG_OF_REFERRAL[name]);
      this.cases.set(caseId, {
        force: data.force,
        covert: data.sensitivity === 'COVERT',
        receivedOn: data.receivedOn,
        flags: CASE_FLAGS.filter((flag) => flags.includes(flag)),
        subjects: new Map(),
        complaintAllegations: [],
      });
      return [];
    }
    const known = this.cases.get(caseId);
    if (known === undefined) return [];
    const facts = this.caseEventFacts(type, recorded, known);
    return known.covert ? [] : facts;
  }

  private caseEventFacts(type: CaseEventRead, recorded: RecordedEvent, known: KnownCase): PersonFact[] {
    const { force } = known;
    switch (type) {
      case 'SubjectAdded': {
        const { subjectId, personId } = recorded.data as unknown as CaseEventDataMap['SubjectAdded'];
        known.subjects.set(subjectId, personId);
        const subject: PersonFact = { factId: recorded.eventId, personId, force, day: known.receivedOn, kind: 'CASE_SUBJECT' };
        return [subject, ...known.complaintAllegations.map((allegation) => complaintAllegationFact(allegation, personId, force))];
      }
      case 'AllegationRecorded': {
        const data = recorded.data as unknown as CaseEventDataMap['AllegationRecorded'];
        const personId = known.subjects.get(data.subjectId);
        if (personId === undefined) return [];
        const fact: PersonFact = {
          factId: recorded.eventId,
          personId,
          force,
          day: known.receivedOn,
          kind: 'ALLEGATION',
          standards: data.standards,
          flags: known.flags,
          ...(data.corruptionCategory === undefined ? {} : { corruptionCategory: data.corruptionCategory }),
        };
        return [fact];
      }
      case 'ComplaintLogged': {
        const data = recorded.data as unknown as CaseEventDataMap['ComplaintLogged'];
        const logged = data.allegations.map(({ allegationId, category }) => ({ allegationId, category, loggedOn: data.loggedOn, eventId: recorded.eventId }));
        known.complaintAllegations.push(...logged);
        return [...known.subjects.values()].flatMap((personId) => logged.map((allegation) => complaintAllegationFact(allegation, personId, force)));
      }
      default:
        return [];
    }
  }
}

function complaintAllegationFact(allegation: KnownCase['complaintAllegations'][number], personId: string, force: string): PersonFact {
  return {
    factId: `${allegation.eventId}:${allegation.allegationId}:${personId}`,
    personId,
    force,
    day: allegation.loggedOn,
    kind: 'ALLEGATION',
    category: allegation.category,
  };
}

/** A register entry that the integrity record flags as a signal (projections/integrity-record/signals.ts). */
function registerFacts(recorded: RecordedEvent, personId: string): PersonFact[] {
  const signal = (force: string, day: string): PersonFact[] => [{ factId: recorded.eventId, personId, force, day, kind: 'REGISTER_SIGNAL' }];
  switch (recorded.type as RegisterEventRead) {
    case 'DrugTestRecorded': {
      const data = recorded.data as unknown as RegisterEventDataMap['DrugTestRecorded'];
      return data.result === 'NEGATIVE' ? [] : signal(data.force, data.testedOn);
    }
    case 'SystemAccessAuditFinding': {
      const data = recorded.data as unknown as RegisterEventDataMap['SystemAccessAuditFinding'];
      return data.policingPurposeFound ? [] : signal(data.force, data.on);
    }
    case 'BusinessInterestComplianceChecked': {
      const data = recorded.data as unknown as RegisterEventDataMap['BusinessInterestComplianceChecked'];
      return data.result === 'COMPLIANT' ? [] : signal(data.force, data.checkedOn);
    }
    default:
      return [];
  }
}
