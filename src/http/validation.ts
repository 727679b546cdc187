import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, Problem, problem } from './problem';

/**
 * The one ValidationPipe: unknown fields are refused rather than silently dropped (a typo
 * in an optional field must not vanish from the record), and every failure is a 400
 * problem naming each field by its dotted path (`detail.code`, `subjects.0.rank`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // Keep submitted values out of errors: they may be personal data.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
  });
}

/**
 * The first MAX_ERRORS_SHOWN problems, and how many more there were (`errorsNotShown`): a
 * body of a thousand unknown fields is answered in a few hundred bytes, not an answer a
 * hundred times larger than the question.
 */
export const MAX_ERRORS_SHOWN = 20;

export function validationProblem(fieldErrors: FieldError[]): Problem {
  const shown = fieldErrors.slice(0, MAX_ERRORS_SHOWN);
  const notShown = fieldErrors.length - shown.length;
  const fields = [...new Set(shown.map((error) => error.field))];
  const more = notShown > 0 ? ` and ${notShown} more problems` : '';
  return problem(400, 'validation-failed', `The request is invalid: check ${fields.join(', ')}${more}.`, {
    errors: shown,
    ...(notShown > 0 ? { extensions: { errorsNotShown: notShown } } : {}),
  });
}

export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath && error.property ? `${parentPath}.${error.property}` : parentPath || error.property || 'body';
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
