/**
 * RecordCorrected: history keeps both the original and the correction; state and the
 * projections use the correction (events.md). A correction is refused when the corrected
 * history would not be one the process could have produced.
 */
import type { CaseEvent, CaseEventEnvelope, RecordCorrected } from './case.events';
import { payloadProblems } from './case.event-schema';
import { caseInvariantViolations } from './case.invariants';
import { ensure } from './case.rule-book';
import { event, requireSubject } from './case.rules';
import type { Case } from './case.state';
import { evolve } from './case.state';

/** The ids other events point at: changing one would silently detach them. */
const IDENTIFYING_FIELDS: Partial<Record<CaseEventEnvelope['type'], string>> = {
  ReferralReceived: 'caseId',
  SubjectAdded: 'subjectId',
  AllegationRecorded: 'allegationId',
};

function fieldOf(payload: object, field: string): unknown {
  return Object.prototype.hasOwnProperty.call(payload, field) ? (payload as Record<string, unknown>)[field] : undefined;
}

export function decideCorrection(state: Case, data: RecordCorrected): CaseEvent[] {
  const target = state.log.find((candidate) => candidate.eventId === data.correctsEventId);
  ensure(target !== undefined, 'correctionMustTargetThisCase', data.correctsEventId);
  ensure(target.type !== 'RecordCorrected', 'cannotCorrectACorrection');

  const problems = payloadProblems(target.type, data.replacement);
  ensure(problems.length === 0, 'replacementMustMatchEventType', problems.join('; '));

  const identifyingField = IDENTIFYING_FIELDS[target.type];
  if (identifyingField !== undefined) {
    ensure(
      fieldOf(data.replacement, identifyingField) === fieldOf(target.data, identifyingField),
      'identifiersCannotBeCorrected',
      identifyingField,
    );
  } else {
    // A step moved to another subject must name one the case has.
    const subjectId = fieldOf(data.replacement, 'subjectId');
    if (typeof subjectId === 'string') requireSubject(state, subjectId);
  }

  const corrected = evolve(state, { type: 'RecordCorrected', eventId: 'pending-correction', data });
  const violations = corrected === null ? ['the case would no longer exist'] : caseInvariantViolations(corrected);
  ensure(violations.length === 0, 'correctionBreaksRules', violations.join('; '));
  return [event('RecordCorrected', data)];
}
