import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { ledgerRequest, LedgerRequest } from '../http/actor';
import { problem } from '../http/problem';

export const ACCESS_PURPOSE_HEADER = 'X-Access-Purpose';
/** api.md "Purpose of access": at least ten characters, so "x" or "work" is not a reason. */
export const MIN_PURPOSE_LENGTH = 10;
/** Long enough for a sentence; the purpose will be recorded with every read (CaseAccessed). */
export const MAX_PURPOSE_LENGTH = 500;

/** The stated purpose of reading one case, trimmed; a 400 problem when missing or too short. */
export function readAccessPurpose(request: LedgerRequest): string {
  const header = request.headers[ACCESS_PURPOSE_HEADER.toLowerCase()];
  const purpose = typeof header === 'string' ? header.trim() : '';
  if (purpose.length === 0) {
    const message = `reading a case needs the ${ACCESS_PURPOSE_HEADER} header: why you are reading it`;
    throw problem(400, 'bad-request', `${message}.`, { errors: [{ field: ACCESS_PURPOSE_HEADER, message }] });
  }
  if (purpose.length < MIN_PURPOSE_LENGTH || purpose.length > MAX_PURPOSE_LENGTH) {
    const message = `it must be ${MIN_PURPOSE_LENGTH} to ${MAX_PURPOSE_LENGTH} characters`;
    throw problem(400, 'bad-request', `The ${ACCESS_PURPOSE_HEADER} header is invalid: ${message}.`, {
      errors: [{ field: ACCESS_PURPOSE_HEADER, message }],
    });
  }
  return purpose;
}

/**
 * Checks the purpose as a guard, so a read without one is refused before anything else
 * happens (before a read-your-writes wait, before the case is looked up): the answer must
 * not depend on whether the case exists.
 */
@Injectable()
export class AccessPurposeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    readAccessPurpose(ledgerRequest(context));
    return true;
  }
}

/** `@AccessPurpose() purpose: string` in a case read's parameters. */
export const AccessPurpose = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  readAccessPurpose(ledgerRequest(context)),
);
