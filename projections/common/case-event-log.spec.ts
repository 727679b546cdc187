import type { CaseEventEnvelope } from '../../src/cases/case.events';
import { event } from '../../src/cases/case.rules';
import { foldCase } from '../../src/cases/case.state';
import { referralData } from '../../src/cases/testing/case-fixtures';
import { foldCaseEvents, withoutPersonalData } from './case-event-log';
import { eachSeedStory } from './testing/seed-story-events';

const envelope = (eventId: string, recorded: ReturnType<typeof event>): CaseEventEnvelope => ({ ...recorded, eventId });

describe('a case folded as the read models fold it', () => {
  it.each(eachSeedStory())('%s: ends where the domain fold (foldCase) ends', (_title, events) => {
    expect(foldCaseEvents(events).state).toEqual(foldCase(events));
  });

  it.each(eachSeedStory())('%s, its referral corrected: ends where foldCase ends, the correction applied', (_title, events) => {
    const referral = events[0];
    if (referral.type !== 'ReferralReceived') throw new Error('a story opens with its referral');
    const corrected = [
      ...events,
      envelope(
        'correction',
        event('RecordCorrected', { correctsEventId: referral.eventId, reason: 'wrong day', replacement: { ...referral.data, receivedOn: '2019-01-02' } }),
      ),
    ];
    const folded = foldCaseEvents(corrected);
    expect(folded.state).toEqual(foldCase(corrected));
    expect(folded.state?.receivedOn).toBe('2019-01-02');
    expect(folded.steps[0].event.data).toMatchObject({ receivedOn: '2019-01-02' });
  });
});

describe('personal data, removed one way', () => {
  const none = new Map<string, never>();

  it("removes the vault fields of the event's type, whatever their value (clear text or a vault envelope)", () => {
    const sealed = { $vault: 'v1', personId: 'case-1', iv: 'i', ciphertext: 'c', tag: 't' };
    const kept = withoutPersonalData(envelope('e1', event('ReferralReceived', { ...referralData(), summary: sealed as unknown as string })), none);
    expect(kept.data).not.toHaveProperty('summary');
    expect(kept.data).toMatchObject({ receivedOn: referralData().receivedOn });
  });

  it("removes from a correction's replacement the vault fields of the corrected event's type, and only those", () => {
    const types = new Map([
      ['action', 'InvestigativeActionRecorded' as const],
      ['appeal', 'AppealDetermined' as const],
    ]);
    const ofAction = withoutPersonalData(
      envelope(
        'c1',
        event('RecordCorrected', {
          correctsEventId: 'action',
          reason: 'r',
          replacement: { subjectId: 's', action: 'SEARCH', on: '2021-01-01', result: 'what was found' },
        }),
      ),
      types,
    );
    const ofAppeal = withoutPersonalData(
      envelope(
        'c2',
        event('RecordCorrected', {
          correctsEventId: 'appeal',
          reason: 'r',
          replacement: { subjectId: 's', forum: 'POLICE_APPEALS_TRIBUNAL', on: '2021-01-01', result: 'DISMISSED' },
        }),
      ),
      types,
    );
    expect(ofAction.type === 'RecordCorrected' && ofAction.data.replacement).not.toHaveProperty('result');
    expect(ofAppeal.type === 'RecordCorrected' && ofAppeal.data.replacement).toMatchObject({ result: 'DISMISSED' });
  });

  it('keeps nothing of the replacement of an event it does not hold (a type the projection does not read)', () => {
    const kept = withoutPersonalData(
      envelope('c1', event('RecordCorrected', { correctsEventId: 'elsewhere', reason: 'r', replacement: { ...referralData(), summary: 'about someone' } })),
      none,
    );
    expect(kept.type === 'RecordCorrected' && kept.data.replacement).toEqual({});
  });
});
