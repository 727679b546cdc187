import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, problem } from './problem';

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
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const fields = [...new Set(fieldErrors.map((error) => error.field))];
      return problem(400, 'validation-failed', `The request is invalid: check ${fields.join(', ')}.`, { errors: fieldErrors });
    },
  });
}

export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath && error.property ? `${parentPath}.${error.property}` : parentPath || error.property || 'body';
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
