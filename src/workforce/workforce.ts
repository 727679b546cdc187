/**
 * Workforce returns (docs/events.md, "Recommendations, workforce, access"): a force's headcounts
 * on a date, in stream `workforce-<force>`, for rates per 100 workforce (docs/api.md: officers +
 * staff) and the proportion in PSD and the ACU (HMIC 2014, "The force in numbers").
 * A later return with the same `asAt` supersedes an earlier one (the latest recorded wins),
 * so a mistaken return is corrected by sending it again.
 */
import { eventOf } from '../common/decider';
import type { Decider, EventOf } from '../common/decider';
import { count, day, declaredEvents, event, text } from '../common/event-declaration';
import type { DataMapOf } from '../common/event-declaration';
import { KEEPS_RECORD_COHERENT, ruleBook } from '../common/rule-book';
import type { Ensure } from '../common/rule-book';

export const WORKFORCE_EVENTS = {
  WorkforceReturned: event({
    version: 1,
    legalDate: 'asAt',
    fields: { force: text, asAt: day, officers: count, staff: count, specials: count, volunteers: count, inPsdOrAcu: count },
  }),
};
export const WORKFORCE_EVENT_DECLARATIONS = declaredEvents(WORKFORCE_EVENTS);

export type WorkforceEventDataMap = DataMapOf<typeof WORKFORCE_EVENTS>;
export type WorkforceReturned = WorkforceEventDataMap['WorkforceReturned'];
export type WorkforceEvent = EventOf<WorkforceEventDataMap>;
export const workforceEvent = eventOf<WorkforceEventDataMap>();

export const WORKFORCE_RULES = {
  workforceMustNotBeEmpty: {
    message: 'a return needs officers or staff: rates are per 100 of them',
    source: 'docs/api.md (GET /metrics/inspection: workforce is officers + staff)',
  },
  psdAndAcuWithinWorkforce: {
    message: 'the people in PSD and the ACU cannot outnumber the officers and staff',
    source: `${KEEPS_RECORD_COHERENT} (HMIC, Hampshire 2014: the proportion of the workforce in PSD/ACU)`,
  },
} as const;
export type WorkforceRuleName = keyof typeof WORKFORCE_RULES;
const ensure: Ensure<WorkforceRuleName> = ruleBook<WorkforceRuleName>(WORKFORCE_RULES).ensure;

/** Every return stands alone: no rule looks at earlier returns, so there is no state. */
export type WorkforceState = null;

export function decide(command: WorkforceEvent): WorkforceEvent[] {
  const { officers, staff, inPsdOrAcu } = command.data;
  ensure(officers + staff > 0, 'workforceMustNotBeEmpty');
  ensure(inPsdOrAcu <= officers + staff, 'psdAndAcuWithinWorkforce');
  return [command];
}

export const workforceDecider: Decider<WorkforceEvent, WorkforceEvent, WorkforceState> = {
  initialState: null,
  decide,
  evolve: () => null,
};
