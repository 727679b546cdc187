/**
 * RecordCorrected: history keeps both the original and the correction; state and the
 * projections use the correction (docs/events.md). A correction is refused when the corrected
 * history would not be one the process could have produced.
 */
import type { CaseEvent, CaseEventEnvelope, RecordCorrected, ReferralReceived } from './case.events';
import { CASE_EVENT_DECLARATIONS } from './case.events';
import { caseInvariantViolations } from './case.invariants';
import { ensure } from './case.rule-book';
import { event, requireSubject } from './case.rules';
import type { Case } from './case.state';
import { evolve } from './case.state';
import { mayOpenCaseFor } from './case.write-access';
import type { CaseWriter } from './case.writer';

/** The ids other events point at: changing one would silently detach them. */
const IDENTIFYING_FIELDS: Partial<Record<CaseEventEnvelope['type'], string>> = {
  ReferralReceived: 'caseId',
  SubjectAdded: 'subjectId',
  AllegationRecorded: 'allegationId',
};

function fieldOf(payload: object, field: string): unknown {
  return Object.prototype.hasOwnProperty.call(payload, field) ? (payload as Record<string, unknown>)[field] : undefined;
}

/**
 * The opening event says the case's force and sensitivity, which decide who may see it. A
 * correction of it is held to the rights of opening: otherwise a writer could move a case to
 * a force they could not open one for, or hide it from themselves and their peers by making
 * it covert, which opening it so would have been refused.
 */
function ensureWithinOpeningRights(writer: CaseWriter, replacement: ReferralReceived): void {
  ensure(mayOpenCaseFor(writer, replacement.force), 'correctionBeyondWritersForce', `to ${replacement.force}`);
  ensure(writer.sensitivities.includes(replacement.sensitivity), 'correctionBeyondWritersSensitivity', `to ${replacement.sensitivity}`);
}

export function decideCorrection(state: Case, data: RecordCorrected, writer: CaseWriter): CaseEvent[] {
  const target = state.log.find((candidate) => candidate.eventId === data.correctsEventId);
  ensure(target !== undefined, 'correctionMustTargetThisCase', data.correctsEventId);
  ensure(target.type !== 'RecordCorrected', 'cannotCorrectACorrection');
  ensure(target.type !== 'DocumentAttached' && target.type !== 'DocumentSuperseded', 'documentsAreNeverCorrected');

  const problems = CASE_EVENT_DECLARATIONS.payloadProblems(target.type, data.replacement);
  ensure(problems.length === 0, 'replacementMustMatchEventType', problems.join('; '));

  // A valid payload of the target's type (checked just above): a referral's when it corrects one.
  if (target.type === 'ReferralReceived') ensureWithinOpeningRights(writer, data.replacement as ReferralReceived);

  const identifyingField = IDENTIFYING_FIELDS[target.type];
  if (identifyingField !== undefined) {
    ensure(fieldOf(data.replacement, identifyingField) === fieldOf(target.data, identifyingField), 'identifiersCannotBeCorrected', identifyingField);
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
