import { event } from './case.rules';
import type { CaseEventEnvelope } from './case.events';
import type { CaseWriter } from './case.writer';
import { dismissedOfficer, referralData } from './testing/case-fixtures';
import { command, given, ruleTitle, withEventIds } from './testing/decider-spec';

/** The dismissed officer's case, of TEST_FORCE and STANDARD; event-1 is its referral. */
const history = withEventIds(dismissedOfficer());
const referralId = history.find((candidate: CaseEventEnvelope) => candidate.type === 'ReferralReceived')?.eventId ?? 'missing';
const correctReferral = (overrides: Parameters<typeof referralData>[0]) =>
  command('CorrectRecord', { correctsEventId: referralId, reason: 'typed in error', replacement: referralData(overrides) });

const psdOfTheForce: CaseWriter = { force: 'TEST_FORCE', sensitivities: ['STANDARD', 'RESTRICTED'] };
const dccOfTheForce: CaseWriter = { force: 'TEST_FORCE', sensitivities: ['STANDARD', 'RESTRICTED', 'COVERT'] };
const national: CaseWriter = { force: '*', sensitivities: ['STANDARD', 'RESTRICTED', 'COVERT'] };

describe('correcting the opening event, within the rights of opening', () => {
  it(ruleTitle('correctionBeyondWritersForce', 'refuses to move a case to a force the writer could not open a case for'), () => {
    given(history)
      .when(correctReferral({ force: 'ANOTHER_FORCE' }), dccOfTheForce)
      .thenThrows('correctionBeyondWritersForce');
  });

  it(ruleTitle('correctionBeyondWritersSensitivity', "refuses to make a case more sensitive than the writer's roles may see"), () => {
    given(history)
      .when(correctReferral({ sensitivity: 'COVERT' }), psdOfTheForce)
      .thenThrows('correctionBeyondWritersSensitivity');
  });

  it('lets a writer correct within their rights: the sensitivity their roles see, any force when national', () => {
    given(history)
      .when(correctReferral({ sensitivity: 'RESTRICTED' }), psdOfTheForce)
      .then([event('RecordCorrected', { correctsEventId: referralId, reason: 'typed in error', replacement: referralData({ sensitivity: 'RESTRICTED' }) })]);
    given(history)
      .when(correctReferral({ sensitivity: 'COVERT' }), dccOfTheForce)
      .then([event('RecordCorrected', { correctsEventId: referralId, reason: 'typed in error', replacement: referralData({ sensitivity: 'COVERT' }) })]);
    given(history)
      .when(correctReferral({ force: 'ANOTHER_FORCE' }), national)
      .then([event('RecordCorrected', { correctsEventId: referralId, reason: 'typed in error', replacement: referralData({ force: 'ANOTHER_FORCE' }) })]);
  });
});
