/**
 * What a refused form says (docs/web.md, "Next-step forms, derived"), for a case step, a
 * register entry, an alert's or a recommendation's alike: a rule's refusal names the rule in
 * plain words with its legal source (from the rule books), a validation error stands against
 * its field, and someone else's step in between asks for the form again.
 */
import { CASE_RULES } from '../cases/case.rule-book';
import { DomainError, NotFoundError } from '../common/domain-error';
import { WrongExpectedRevisionError } from '../event-store/errors';
import { Problem } from '../http';
import { ALERT_RULES } from '../alerts/alert.rule-book';
import { RECOMMENDATION_RULES } from '../recommendations/recommendation.rule-book';
import { REGISTER_RULES } from '../registers/registers.rule-book';
import { ERASURE_RULES } from '../vault/erasure';
import { WORKFORCE_RULES } from '../workforce/workforce';
import { WORKFORCE_MEMBER_RULES } from '../workforce/workforce-members';
import type { CommandForm } from './command-forms';
import { labelOf } from './form-fields';
import { errorTarget, fieldId } from './form-view';

/** The refusal's rule, with its legal source, as the rule books state them. */
const RULES: Record<string, { message: string; source: string } | undefined> = {
  ...ERASURE_RULES,
  ...RECOMMENDATION_RULES,
  ...ALERT_RULES,
  ...REGISTER_RULES,
  ...CASE_RULES,
  ...WORKFORCE_RULES,
  ...WORKFORCE_MEMBER_RULES,
};

export interface FormRefusal {
  status: number;
  errors: Record<string, string>;
  summary: { text: string; href: string }[];
  conflict?: string;
}

/** The refusal a form is drawn again with; anything else (a 404, a fault) is thrown on to the page's error filter. */
export function formRefusal(error: unknown, form: CommandForm, sent: Record<string, unknown>): FormRefusal {
  if (error instanceof DomainError && error.status !== 404) {
    const rule = RULES[error.rule];
    const source = rule === undefined ? '' : ` (${rule.source})`;
    return { status: 422, errors: {}, summary: [{ text: `This step is refused: ${error.message}. Rule ${error.rule}${source}.`, href: '#main-content' }] };
  }
  if (error instanceof WrongExpectedRevisionError) {
    const what = form.aggregateId === 'caseId' ? 'case' : 'record';
    const conflict = `Someone else recorded a step on this ${what} after you opened this form. The page has been drawn again with the ${what} as it is now: check it and send the form again.`;
    return { status: 409, errors: {}, summary: [{ text: conflict, href: '#main-content' }], conflict };
  }
  if (error instanceof Problem && error.getStatus() === 400) {
    const errors = fieldErrors(error, sent);
    const summary = Object.entries(errors).map(([name, message]) => ({ text: message, href: errorTargetOf(form, name) }));
    return { status: 400, errors, summary };
  }
  if (error instanceof NotFoundError) throw new NotFoundError(error.message, error.rule);
  // A rule answering 404 (another force's record reads as none, notYourForce) is a page not found, with its rule.
  if (error instanceof DomainError) throw new NotFoundError(error.message, error.rule);
  throw error;
}

/** A rule by its name: its plain words and legal source, as the rule books state them. */
export function ruleInWords(name: string): string {
  const rule = RULES[name];
  return rule === undefined ? name : `${rule.message} (${rule.source})`;
}

/** Each field's first validation message, in words a person reads: "Unit: enter a value" rather than "unit must be a string". */
export function fieldErrors(problem: Problem, sent: Record<string, unknown> = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of problem.details.errors ?? []) {
    const label = labelOf(field.split('.').pop() ?? field);
    const missing = field.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], sent) === undefined;
    const own = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
    errors[field] ??= `${label}: ${missing && Object.keys(sent).length > 0 ? 'enter or choose a value' : own}`;
  }
  return errors;
}

function errorTargetOf(form: CommandForm, name: string): string {
  if (form.pathChoices.includes(name)) return `#${fieldId(`path.${name}`)}`;
  const field = form.fields.find((candidate) => candidate.name === name);
  return errorTarget(field, name);
}
