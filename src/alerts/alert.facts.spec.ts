/**
 * What the thresholds count, read from recorded events: cases, complaints and registers
 * together; nothing from a covert case.
 */
import type { JsonObject, RecordedEvent } from '../event-store/event-store';
import { START } from '../event-store/position';
import { referralData, subjectData } from '../cases/testing/case-fixtures';
import type { CaseEventEnvelope } from '../cases/case.events';
import { eachSeedStory } from '../../projections/common/testing/seed-story-events';
import { AlertFacts, ALERT_SOURCE_EVENT_TYPES } from './alert.facts';

let sequence = 0;
function recorded(streamName: string, type: string, data: object): RecordedEvent {
  sequence += 1;
  return {
    streamName,
    revision: 0n,
    position: START,
    eventId: `event-${sequence}`,
    type,
    data: JSON.parse(JSON.stringify(data)) as JsonObject,
    metadata: {},
    recordedAt: '2024-01-01T00:00:00.000Z',
    hash: '',
  };
}

const FORCE = 'HAMPSHIRE';
const apsp = { apsp: true, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false };

describe('the facts the alert thresholds count', () => {
  it('gives a case subject and their allegations, with the case flags, dated by the referral', () => {
    const facts = new AlertFacts();
    facts.apply(recorded('case-1', 'ReferralReceived', referralData({ force: FORCE, receivedOn: '2024-02-01', flags: apsp })));
    const [subject] = facts.apply(recorded('case-1', 'SubjectAdded', subjectData('s1', { personId: 'p1' })));
    expect(subject).toEqual(expect.objectContaining({ personId: 'p1', force: FORCE, day: '2024-02-01', kind: 'CASE_SUBJECT' }));
    const [allegation] = facts.apply(
      recorded('case-1', 'AllegationRecorded', {
        allegationId: 'a1',
        subjectId: 's1',
        summary: 'x',
        standards: ['HONESTY_AND_INTEGRITY'],
        corruptionCategory: 'THEFT',
      }),
    );
    expect(allegation).toEqual(
      expect.objectContaining({ kind: 'ALLEGATION', standards: ['HONESTY_AND_INTEGRITY'], corruptionCategory: 'THEFT', flags: ['APSP'] }),
    );
  });

  it("gives a complaint's allegations to each of its subjects, whichever was recorded first", () => {
    const facts = new AlertFacts();
    facts.apply(recorded('case-2', 'ReferralReceived', referralData({ force: FORCE, caseType: 'COMPLAINT', receivedOn: '2024-03-01' })));
    facts.apply(recorded('case-2', 'SubjectAdded', subjectData('s1', { personId: 'p1' })));
    const logged = facts.apply(
      recorded('case-2', 'ComplaintLogged', {
        loggedOn: '2024-03-02',
        anonymous: true,
        allegations: [{ allegationId: 'c1', category: 'DISCREDITABLE_CONDUCT', incidentOn: '2024-03-01' }],
      }),
    );
    expect(logged).toEqual([expect.objectContaining({ personId: 'p1', kind: 'ALLEGATION', category: 'DISCREDITABLE_CONDUCT', day: '2024-03-02' })]);
    const later = facts.apply(recorded('case-2', 'SubjectAdded', subjectData('s2', { personId: 'p2' })));
    expect(later.map((fact) => [fact.personId, fact.kind])).toEqual([
      ['p2', 'CASE_SUBJECT'],
      ['p2', 'ALLEGATION'],
    ]);
  });

  it('gives register signals, not every register entry', () => {
    const facts = new AlertFacts();
    const test = (result: string) => recorded('person-p1', 'DrugTestRecorded', { force: FORCE, testedOn: '2024-04-01', kind: 'RANDOM', result });
    expect(facts.apply(test('NEGATIVE'))).toEqual([]);
    expect(facts.apply(test('POSITIVE'))).toEqual([expect.objectContaining({ personId: 'p1', kind: 'REGISTER_SIGNAL', day: '2024-04-01' })]);
  });

  it('gives nothing from a covert case', () => {
    const facts = new AlertFacts();
    facts.apply(recorded('case-3', 'ReferralReceived', referralData({ force: FORCE, sensitivity: 'COVERT' })));
    expect(facts.apply(recorded('case-3', 'SubjectAdded', subjectData('s1', { personId: 'p1' })))).toEqual([]);
    expect(facts.factsOf(FORCE).ofPerson('p1')).toEqual([]);
  });

  it('indexes the facts by person and tells which threshold an event set, with the one it replaces', () => {
    const facts = new AlertFacts();
    const set = (count: number) =>
      recorded(`alertThresholds-${FORCE}`, 'AlertThresholdSet', {
        thresholdId: 't1',
        force: FORCE,
        kind: 'OVERALL',
        count,
        windowDays: 30,
        setOn: '2024-04-02',
      });
    facts.apply(set(3));
    expect(facts.lastSetting()).toEqual(expect.objectContaining({ threshold: expect.objectContaining({ count: 3 }) }));
    expect(facts.lastSetting()?.replaced).toBeUndefined();
    facts.apply(set(2));
    expect(facts.lastSetting()?.replaced).toEqual(expect.objectContaining({ count: 3 }));
    const test = recorded('person-p1', 'DrugTestRecorded', { force: FORCE, testedOn: '2024-04-01', kind: 'RANDOM', result: 'POSITIVE' });
    facts.apply(test);
    expect(facts.lastSetting()).toBeUndefined();
    expect(facts.factsOf(FORCE).ofPerson('p1')).toHaveLength(1);
    expect(facts.factsOf(FORCE).ofPerson('p2')).toEqual([]);
  });
});

/**
 * The reactor reads only ALERT_SOURCE_EVENT_TYPES: every seed story must give the facts it
 * gives read whole, or an event the filter leaves out mattered to a threshold.
 */
describe('the alert reactor reads enough of a case to count it', () => {
  const read = new Set(ALERT_SOURCE_EVENT_TYPES);
  const factsOf = (events: readonly CaseEventEnvelope[]) => {
    const facts = new AlertFacts();
    return events.flatMap((event) => facts.apply({ ...recorded(`case-${event.eventId.split('/')[0]}`, event.type, event.data), eventId: event.eventId }));
  };

  it.each(eachSeedStory())('%s: the filtered events give what the whole story gives', (_title, events) => {
    expect(factsOf(events.filter((event) => read.has(event.type)))).toEqual(factsOf(events));
  });

  it('reads the events that give facts', () => {
    expect(factsOf(eachSeedStory().flatMap(([, events]) => events)).length).toBeGreaterThan(0);
  });
});
