/**
 * The service for the figure tests, and events appended straight into its event store with
 * docs/events.md's type names and fields (the register write side is built alongside; these
 * tests must not wait for its commands). Many appends go out at once, so the store's group
 * commit writes hundreds of them per database call.
 */
import { randomUUID } from 'node:crypto';
import { eachDayOfInterval, format, parseISO } from 'date-fns';
import type { Response } from 'supertest';
import { EventStore } from '../../src/event-store/event-store';
import type { EventToAppend, JsonObject } from '../../src/event-store/event-store';
import { comparePositions, formatPosition, GlobalPosition, START } from '../../src/event-store/position';
import type { Role } from '../../src/http/roles';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';

export { PROBLEM_JSON } from '../http/support';

export function startFiguresApp(): Promise<TestApp> {
  return startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
}

export interface Append {
  stream: string;
  events: EventToAppend[];
}

/** An event as the service would record it: its payload, and metadata saying when it happened. */
export function recorded(type: string, data: JsonObject, occurredOn: string, force = String(data.force ?? '*')): EventToAppend {
  const eventId = randomUUID();
  return {
    eventId,
    type,
    data,
    metadata: {
      correlationId: eventId,
      causationId: eventId,
      commandId: eventId,
      actor: { userId: 'figures-test', roles: ['PSD_INVESTIGATOR'], force },
      occurredAt: `${occurredOn}T00:00:00.000Z`,
      schemaVersion: 1,
    },
  };
}

/** Appends every stream's events (each stream new), all at once; the last position written. */
export async function appendAll(app: TestApp, appends: readonly Append[]): Promise<GlobalPosition> {
  const store = app.app.get(EventStore);
  const results = await Promise.all(appends.map((append) => store.appendToStream(append.stream, append.events, { expectedRevision: 'any' })));
  return results.reduce<GlobalPosition>((last, result) => (comparePositions(result.position, last) > 0 ? result.position : last), START);
}

export interface Reader {
  role?: Role;
  force?: string;
  accept?: string;
  /** Answer once the read models have reached this position. */
  after?: GlobalPosition;
}

/** GET `path` (under /api/v1) as an INSPECTOR of HAMPSHIRE unless told otherwise. */
export function read(app: TestApp, path: string, reader: Reader = {}): Promise<Response> {
  const request = app
    .http()
    .get(`/api/v1/${path}`)
    .set('Authorization', bearer(app.config, { userId: 'figures-reader', roles: [reader.role ?? 'INSPECTOR'], force: reader.force ?? 'HAMPSHIRE' }));
  if (reader.accept !== undefined) request.set('Accept', reader.accept);
  if (reader.after !== undefined) request.set('X-Wait-For-Position', formatPosition(reader.after));
  return request;
}

// Events (docs/events.md), with only the fields the figures read plus what makes them whole.

export function referralReceived(force: string, receivedOn: string, caseType: string, corruptionCategories: string[] = []): Append {
  const caseId = randomUUID();
  return {
    stream: `case-${caseId}`,
    events: [
      recorded(
        'ReferralReceived',
        {
          caseId,
          force,
          receivedOn,
          source: caseType === 'COMPLAINT' ? 'PUBLIC_COMPLAINT' : 'INTERNAL_REPORT',
          caseType,
          summary: 'a referral',
          anonymousSource: false,
          sensitivity: 'STANDARD',
          corruptionCategories,
          flags: { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false },
        },
        receivedOn,
      ),
    ],
  };
}

export const personStream = (): string => `person-${randomUUID()}`;

export function businessInterestApplied(force: string, appliedOn: string, businessInterestId = randomUUID()): EventToAppend {
  return recorded('BusinessInterestApplied', { force, businessInterestId, appliedOn, nature: 'SECONDARY_EMPLOYMENT', details: 'details' }, appliedOn);
}

export function businessInterestDecided(force: string, decidedOn: string, decision: string, businessInterestId = randomUUID()): EventToAppend {
  return recorded('BusinessInterestDecided', { force, businessInterestId, decision, decidedOn, conditions: '' }, decidedOn);
}

export function giftOffered(force: string, offeredOn: string, decision: string): EventToAppend {
  return recorded(
    'GiftOrHospitalityOffered',
    { force, offeredOn, kind: 'HOSPITALITY', estimatedValuePence: 2500, offeredBy: 'a supplier', decision },
    offeredOn,
  );
}

/** `testedOn`: the register write side's date for a test (docs/events.md lists none). */
export function drugTest(force: string, testedOn: string, kind: string, result = 'NEGATIVE'): EventToAppend {
  return recorded('DrugTestRecorded', { force, testedOn, kind, result }, testedOn);
}

export function workforceReturned(force: string, asAt: string, officers: number, staff: number, inPsdOrAcu = 0): Append {
  return {
    stream: `workforce-${force}`,
    events: [recorded('WorkforceReturned', { force, asAt, officers, staff, specials: 0, volunteers: 0, inPsdOrAcu }, asAt)],
  };
}

/** Every day from `from` to `to` inclusive, in turn, for `count` events: spreads a year's events. */
export function spreadDays(from: string, to: string, count: number): string[] {
  const days = eachDayOfInterval({ start: parseISO(from), end: parseISO(to) }).map((day) => format(day, 'yyyy-MM-dd'));
  return Array.from({ length: count }, (_, index) => days[index % days.length]);
}

export interface ConcludedSubject {
  receivedOn: string;
  kind: 'MISCONDUCT_MEETING' | 'MISCONDUCT_HEARING' | 'ACCELERATED_HEARING';
  concludedOn: string;
  outcome: string;
  grossMisconductProven: boolean;
  rank?: string;
  workforceType?: string;
  /** Left (resigned) the day before the conclusion: the outcome is what would have been imposed. */
  formerOfficer?: boolean;
  barredOn?: string;
  corruptionCategory?: string;
  /** The conduct matter recorded under Schedule 3 that day: a recordable conduct matter. */
  conductMatterRecordedOn?: string;
}

/** A case whose one subject's proceedings concluded, appended as a whole; its conclusion is `events[conclusionIndex]`. */
export function concludedCase(force: string, subject: ConcludedSubject): Append & { conclusionIndex: number } {
  const referral = referralReceived(force, subject.receivedOn, 'CONDUCT_MATTER');
  const day = subject.receivedOn;
  const subjectId = randomUUID();
  const level = subject.grossMisconductProven ? 'GROSS_MISCONDUCT' : 'MISCONDUCT';
  const events = [
    ...referral.events,
    ...(subject.conductMatterRecordedOn === undefined
      ? []
      : [recorded('ConductMatterRecorded', { on: subject.conductMatterRecordedOn, grounds: [] }, subject.conductMatterRecordedOn)]),
    recorded(
      'SubjectAdded',
      {
        subjectId,
        personId: randomUUID(),
        workforceType: subject.workforceType ?? 'POLICE_OFFICER',
        rank: subject.rank ?? 'CONSTABLE',
        lengthOfServiceMonths: 60,
        unit: 'Response',
      },
      day,
    ),
    recorded(
      'AllegationRecorded',
      {
        allegationId: randomUUID(),
        subjectId,
        summary: 'an allegation',
        standards: ['HONESTY_AND_INTEGRITY'],
        ...(subject.corruptionCategory ? { corruptionCategory: subject.corruptionCategory } : {}),
      },
      day,
    ),
    recorded('ProceedingsScheduled', { subjectId, kind: subject.kind, noticeServedOn: day, scheduledFor: subject.concludedOn }, day),
    ...(subject.formerOfficer
      ? [recorded('SubjectLeftService', { subjectId, how: 'RESIGNED', on: day, approvedByDcc: true, stageAtDeparture: 'PROCEEDINGS' }, day)]
      : []),
  ];
  const conclusionIndex = events.length;
  events.push(
    recorded(
      'ProceedingsConcluded',
      {
        subjectId,
        on: subject.concludedOn,
        findings: [{ standard: 'HONESTY_AND_INTEGRITY', proven: true, level }],
        outcome: subject.outcome,
        formerOfficer: subject.formerOfficer ?? false,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      },
      subject.concludedOn,
    ),
  );
  if (subject.barredOn !== undefined) {
    events.push(
      recorded(
        'BarredListEntryMade',
        { subjectId, on: subject.barredOn, basis: subject.formerOfficer ? 'WOULD_HAVE_BEEN_DISMISSED' : 'DISMISSED' },
        subject.barredOn,
      ),
    );
  }
  return { stream: referral.stream, events, conclusionIndex };
}
