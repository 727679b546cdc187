import { applyDecorators, CanActivate, createParamDecorator, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Reflector } from '@nestjs/core';
import { AccessRecorder } from '../access-log/access-recorder';
import { accessEntry } from '../access-log/access.events';
import type { AccessEntry } from '../access-log/access.events';
import { ledgerRequest, LedgerRequest } from '../http/actor';
import { Problem, problem, unauthenticated } from '../http/problem';
import { requiredRoles, roleRefusal } from '../http/roles.guard';
import { canonicalUuid } from '../http/uuid';
import type { AccessRefusal } from './case-access-policy';
import { RefusedReadForce } from './refused-read-force';

export const ACCESS_PURPOSE_HEADER = 'X-Access-Purpose';
/** docs/api.md "Purpose of access": at least ten characters, so "x" or "work" is not a reason. */
export const MIN_PURPOSE_LENGTH = 10;
/** Long enough for a sentence; the purpose will be recorded with every read (CaseAccessed). */
export const MAX_PURPOSE_LENGTH = 500;

/** Why a read was refused for its stated purpose: none, or not 10 to 500 characters. */
export type PurposeRefusal = 'purposeMissing' | 'purposeInvalid';

interface Refusal {
  reason: string;
  problem: Problem;
}

/** The stated purpose, trimmed (cut to MAX_PURPOSE_LENGTH, so a refused one can still be recorded), and its refusal if it is refused. */
function checkPurpose(request: LedgerRequest): { purpose: string; refusal?: Refusal & { reason: PurposeRefusal } } {
  const header = request.headers[ACCESS_PURPOSE_HEADER.toLowerCase()];
  const stated = typeof header === 'string' ? headerText(header).trim() : '';
  const purpose = stated.slice(0, MAX_PURPOSE_LENGTH);
  if (stated.length === 0) {
    const message = `reading a case needs the ${ACCESS_PURPOSE_HEADER} header: why you are reading it`;
    return {
      purpose,
      refusal: { reason: 'purposeMissing', problem: problem(400, 'bad-request', `${message}.`, { errors: [{ field: ACCESS_PURPOSE_HEADER, message }] }) },
    };
  }
  if (stated.length < MIN_PURPOSE_LENGTH || stated.length > MAX_PURPOSE_LENGTH) {
    const message = `it must be ${MIN_PURPOSE_LENGTH} to ${MAX_PURPOSE_LENGTH} characters`;
    const invalid = problem(400, 'bad-request', `The ${ACCESS_PURPOSE_HEADER} header is invalid: ${message}.`, {
      errors: [{ field: ACCESS_PURPOSE_HEADER, message }],
    });
    return { purpose, refusal: { reason: 'purposeInvalid', problem: invalid } };
  }
  return { purpose };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A header's text. Node gives a header's bytes one character each (latin1), so a purpose a
 * client sent in UTF-8 (Welsh ŵ, ŷ; a typographic apostrophe) arrives garbled: its bytes are
 * read again as UTF-8 when they are well-formed UTF-8. Bytes that are not (a client writing
 * ISO-8859-1, as HTTP once assumed) keep their latin1 reading.
 */
export function headerText(value: string): string {
  if (!/[\x80-\xff]/.test(value)) return value;
  try {
    return UTF8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

/** The stated purpose of reading one case, trimmed; a 400 problem when missing or too short. */
export function readAccessPurpose(request: LedgerRequest): string {
  const { purpose, refusal } = checkPurpose(request);
  if (refusal !== undefined) throw refusal.problem;
  return purpose;
}

/** The refusal recorded for a reader none of whose roles may read this kind of record (the policy's name for cases). */
/** The records a route's path names (a recommendation is read only through a search, which names none). */
type RouteReadKind = Exclude<AccessEntry['kind'], 'recommendation'>;

const ROLE_REFUSAL: { readonly [K in RouteReadKind]: string } = {
  case: 'roleMayNotReadCases' satisfies AccessRefusal,
  person: 'roleMayNotReadRecords',
};

/** What the route reads: the case or person its path names (`:caseId`, `:personId`), lower-cased, when the id is well formed. */
function subjectOfRead(request: LedgerRequest): { kind: RouteReadKind; subjectId: string } | undefined {
  const { caseId, personId } = request.params;
  const caseUuid = typeof caseId === 'string' ? canonicalUuid(caseId) : undefined;
  if (caseUuid !== undefined) return { kind: 'case', subjectId: caseUuid };
  const personUuid = typeof personId === 'string' ? canonicalUuid(personId) : undefined;
  if (personUuid !== undefined) return { kind: 'person', subjectId: personUuid };
  return undefined;
}

/**
 * The guard of a read of one case or one person's record: the reader's roles (the route's
 * @Roles, which RolesGuard leaves to it), then a stated purpose. It runs before anything is
 * looked up (before a read-your-writes wait, before the case is loaded), so the answer does
 * not depend on whether the case exists; a refusal is recorded like any other refused read
 * (CaseAccessed / PersonRecordAccessed, with the force of the record it named, looked up for
 * the record only: RefusedReadForce) before it is answered. What it grants, CaseReadAccess.open (or the person route) decides on and
 * records once the record is loaded.
 */
@Injectable()
export class AccessPurposeGuard implements CanActivate {
  /** RolesGuard leaves this route's roles to this guard (src/http/roles.guard.ts, ChecksRolesItself). */
  static readonly checksRoles = true;

  constructor(
    private readonly reflector: Reflector,
    private readonly recorder: AccessRecorder,
    private readonly recordForce: RefusedReadForce,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = ledgerRequest(context);
    if (!request.actor) throw unauthenticated(request.authenticationProblem);
    const subject = subjectOfRead(request);
    const { purpose, refusal: ofPurpose } = checkPurpose(request);
    const ofRoles = roleRefusal(requiredRoles(this.reflector, context), request.actor);
    // A reader whose roles may not read is told so first, whatever their purpose.
    const refusal: Refusal | undefined = ofRoles === undefined ? ofPurpose : { reason: ROLE_REFUSAL[subject?.kind ?? 'case'], problem: ofRoles };
    if (refusal === undefined) return true;
    if (subject !== undefined) {
      // The answer does not wait for the lookup: its timing must not tell whether the record exists.
      const reader = request.actor;
      const entry = this.recordForce.of(subject).then((force) => accessEntry({ ...subject, reader, purpose, force }, refusal.reason));
      this.recorder.recordWhenReady(entry);
    }
    throw refusal.problem;
  }
}

/** `@AccessPurpose() purpose: string` in a case read's parameters. */
export const AccessPurpose = createParamDecorator((_data: unknown, context: ExecutionContext): string => readAccessPurpose(ledgerRequest(context)));

/**
 * On a route that reads one record (a case, a person's): a stated purpose (400 without),
 * checked with the route's roles, and a refusal recorded, by AccessPurposeGuard; the header
 * as the OpenAPI document shows it. `what`: "this case", "this record".
 */
export const StatesPurpose = (what: string): MethodDecorator & ClassDecorator =>
  applyDecorators(
    UseGuards(AccessPurposeGuard),
    ApiHeader({
      name: ACCESS_PURPOSE_HEADER,
      required: true,
      schema: { type: 'string', minLength: MIN_PURPOSE_LENGTH, maxLength: MAX_PURPOSE_LENGTH },
      description: `Why you are reading ${what} (${MIN_PURPOSE_LENGTH} to ${MAX_PURPOSE_LENGTH} characters).`,
    }),
  );
