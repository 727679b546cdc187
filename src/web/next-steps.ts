/**
 * The next steps a case's state allows (docs/web.md, "Next-step forms, derived"), found by
 * asking `decide` itself rather than by a second copy of the rules: each step's commands are
 * decided on the case's state with a probe command that knows only its type, the case and
 * (for a step about a subject) one of the case's subjects. A rule that refuses before reading
 * anything else of the command is a rule of the state alone, so the step is not open now; a
 * decide that needs the command's fields to go on (a date, a finding) leaves the step open,
 * its fields to be judged when the form is sent. Nothing is appended.
 */
import { decide } from '../cases/case.decide';
import type { CaseCommand } from '../cases/case.command-types';
import { isCaseEventType } from '../cases/case.events';
import type { CaseEventEnvelope } from '../cases/case.events';
import { foldCase } from '../cases/case.state';
import type { CaseState } from '../cases/case.state';
import { DomainError } from '../common/domain-error';
import type { CommandForm } from './command-forms';

/** Thrown by a probe when decide reads a field the probe does not know: the refusal, if any, depends on the command's fields. */
class NeedsTheForm extends Error {}

function probe(known: Record<string, string>): CaseCommand {
  return new Proxy(known, {
    get(target, key) {
      if (typeof key === 'symbol' || Object.hasOwn(target, key)) return target[key as string];
      throw new NeedsTheForm(String(key));
    },
  }) as unknown as CaseCommand;
}

/** The rule that refuses the command on this state whatever its fields, or null when the state allows it. */
function refusalOf(type: string, caseId: string, state: CaseState, subjectId?: string): string | null {
  try {
    decide(probe({ type, caseId, ...(subjectId === undefined ? {} : { subjectId }) }), state);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.rule;
    // A probe stopped for want of a field, or anything else: the form is where the step is judged.
    return null;
  }
}

/** The case's state as decide sees it, folded from its history (the events the page has read). */
export function stateOfHistory(events: readonly { eventId: string; type: string; data: object; occurredAt: string | null }[]): CaseState {
  const envelopes = events
    .filter((entry) => isCaseEventType(entry.type))
    .map(
      (entry) =>
        ({
          type: entry.type,
          data: entry.data,
          eventId: entry.eventId,
          ...(entry.occurredAt === null ? {} : { occurredAt: entry.occurredAt }),
        }) as unknown as CaseEventEnvelope,
    );
  return foldCase(envelopes);
}

/**
 * The steps split into those the state allows and those it does not, with the rule that
 * refuses each. A step about a subject is open when it is open for one of the case's
 * subjects; a step sending one of several commands (by `action`) when one of them is.
 */
export function nextSteps(
  forms: readonly CommandForm[],
  caseId: string,
  state: CaseState,
): { open: CommandForm[]; closed: { form: CommandForm; rule: string }[] } {
  const subjects = state === null ? [] : Object.keys(state.subjects);
  const open: CommandForm[] = [];
  const closed: { form: CommandForm; rule: string }[] = [];
  for (const form of forms) {
    const about = form.pathChoices.includes('subjectId') ? (subjects.length > 0 ? subjects : [caseId]) : [undefined];
    const refusals = form.commands.flatMap((type) => about.map((subjectId) => refusalOf(type, caseId, state, subjectId)));
    const allowed = refusals.some((rule) => rule === null);
    if (allowed || refusals.length === 0) open.push(form);
    else closed.push({ form, rule: refusals[0] as string });
  }
  return { open, closed };
}
