/**
 * A realistic day's work against the HTTP API, for `npm run load`, the benchmark's HTTP
 * figures and the fault tests (test/faults): a conduct matter walked from its referral to its
 * outcome and closure (thirteen commands, each with its own Idempotency-Key), reads of the
 * case with a purpose between the steps, the case list, a DCC's dashboard, and an entry in
 * a person's gifts and hospitality register.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/http/roles';
import { signToken } from '../../src/http/token';
import type { JwtSettings } from '../../src/http/token';

export type RouteKind = 'command' | 'case-read' | 'list' | 'dashboard' | 'register';

export interface LoadRequest {
  kind: RouteKind;
  method: 'GET' | 'POST';
  /** Under /api/v1. */
  path: string;
  body?: Record<string, unknown>;
  role: Role;
  /** Commands carry one: a retry after a lost answer appends nothing twice. */
  idempotencyKey?: string;
  /** Reads of one case send an X-Access-Purpose. */
  purpose?: string;
}

export const PURPOSE = 'Reviewing the file for the misconduct meeting';
export const FORCE = 'HAMPSHIRE';

/** One case's commands, referral to closure, with the reads a user makes between them. */
export function caseLifecycle(caseId: string = randomUUID()): LoadRequest[] {
  const subjectId = randomUUID();
  const subject = `cases/${caseId}/subjects/${subjectId}`;
  const command = (path: string, body: Record<string, unknown>, role: Role = 'PSD_INVESTIGATOR'): LoadRequest => ({
    kind: 'command',
    method: 'POST',
    path,
    body,
    role,
    idempotencyKey: randomUUID(),
  });
  const readCase: LoadRequest = { kind: 'case-read', method: 'GET', path: `cases/${caseId}`, role: 'PSD_INVESTIGATOR', purpose: PURPOSE };
  return [
    command('cases', {
      caseId,
      force: FORCE,
      receivedOn: '2021-03-01',
      source: 'INTELLIGENCE',
      caseType: 'CONDUCT_MATTER',
      summary: 'Intelligence that an officer disclosed information from police systems.',
      anonymousSource: false,
      sensitivity: 'STANDARD',
      corruptionCategories: ['UNAUTHORISED_DISCLOSURE'],
      flags: { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false },
    }),
    command(`cases/${caseId}/subjects`, {
      subjectId,
      personId: randomUUID(),
      workforceType: 'POLICE_OFFICER',
      rank: 'CONSTABLE',
      lengthOfServiceMonths: 60,
      unit: 'Response',
    }),
    readCase,
    command(`cases/${caseId}/allegations`, {
      allegationId: randomUUID(),
      subjectId,
      summary: 'Looked up and disclosed incident logs.',
      standards: ['CONFIDENTIALITY', 'HONESTY_AND_INTEGRITY'],
      corruptionCategory: 'UNAUTHORISED_DISCLOSURE',
    }),
    command(
      `${subject}/severity-assessments`,
      { level: 'GROSS_MISCONDUCT', assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'Repeated disclosure.' },
      'APPROPRIATE_AUTHORITY',
    ),
    command(`cases/${caseId}/iopc-referral`, { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn: '2021-03-05' }),
    command(`cases/${caseId}/iopc-decision`, { mode: 'LOCAL', decidedOn: '2021-03-19' }),
    readCase,
    command(`cases/${caseId}/investigation`, { investigatorId: randomUUID(), startedOn: '2021-03-22', termsOfReference: 'Audit and interviews.' }),
    command(`${subject}/notices`, { servedOn: '2021-03-25' }),
    { kind: 'list', method: 'GET', path: `cases?force=${FORCE}&pageSize=20`, role: 'PSD_INVESTIGATOR' },
    command(`cases/${caseId}/investigation-report`, { on: '2021-08-01' }),
    command(
      `${subject}/case-to-answer`,
      { decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT', decidedBy: 'APPROPRIATE_AUTHORITY', on: '2021-08-10' },
      'APPROPRIATE_AUTHORITY',
    ),
    command(`${subject}/proceedings`, { kind: 'MISCONDUCT_HEARING', noticeServedOn: '2021-08-20', scheduledFor: '2021-10-04' }),
    readCase,
    command(`${subject}/outcome`, {
      on: '2021-10-06',
      findings: [{ standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' }],
      outcome: 'DISMISSAL_WITHOUT_NOTICE',
      formerOfficer: false,
      chair: 'LEGALLY_QUALIFIED_CHAIR',
    }),
    { kind: 'dashboard', method: 'GET', path: `dashboards/dcc?force=${FORCE}`, role: 'DCC' },
    command(`cases/${caseId}/close`, { on: '2021-11-01', reason: 'Concluded.' }),
    readCase,
    {
      kind: 'register',
      method: 'POST',
      path: `people/${randomUUID()}/gifts-and-hospitality`,
      body: {
        force: FORCE,
        offeredOn: '2023-12-18',
        kind: 'HOSPITALITY',
        estimatedValuePence: 4500,
        offeredBy: 'A supplier',
        decision: 'NOT_APPROVED_BY_MANAGER',
      },
      role: 'PSD_INVESTIGATOR',
      idempotencyKey: randomUUID(),
    },
  ];
}

/** The answer to one request: its status, and for a command the ids of the events it appended. */
export interface LoadAnswer {
  status: number;
  /** 0 when no answer came (connection refused or reset, or timed out). */
  eventIds: string[];
  /** A command's X-Ledger-Position: a later read waits for it. */
  position?: string;
  contentType: string;
  ms: number;
  body: unknown;
}

/** Bearer tokens for a user of each role, made once (signing is not what is measured). */
export class Tokens {
  private readonly made = new Map<string, string>();
  constructor(
    private readonly jwt: JwtSettings,
    private readonly userId: string,
  ) {}

  for(role: Role): string {
    let token = this.made.get(role);
    if (token === undefined) {
      token = signToken({ userId: `${this.userId}-${role.toLowerCase()}`, name: 'Load user', roles: [role], force: FORCE, expiresInSeconds: 3600 }, this.jwt);
      this.made.set(role, token);
    }
    return token;
  }

  /** The user id a role's token carries. */
  userOf(role: Role): string {
    return `${this.userId}-${role.toLowerCase()}`;
  }
}

/** Sends one request; never throws (a lost answer is status 0). */
export async function send(
  baseUrl: string,
  request: LoadRequest,
  tokens: Tokens,
  options: { timeoutMs?: number; waitForPosition?: string } = {},
): Promise<LoadAnswer> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const headers: Record<string, string> = { Authorization: `Bearer ${tokens.for(request.role)}` };
  // Read-your-writes: a read after the user's own command waits for the read models to have it.
  if (request.method === 'GET' && options.waitForPosition !== undefined) headers['X-Wait-For-Position'] = options.waitForPosition;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (request.idempotencyKey !== undefined) headers['Idempotency-Key'] = request.idempotencyKey;
  if (request.purpose !== undefined) headers['X-Access-Purpose'] = request.purpose;
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/v1/${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    const events = (body as { events?: { eventId?: unknown }[] } | null)?.events;
    const eventIds = Array.isArray(events) ? events.map((event) => String(event.eventId)) : [];
    const position = response.headers.get('x-ledger-position') ?? undefined;
    return { status: response.status, eventIds, position, contentType: response.headers.get('content-type') ?? '', ms: performance.now() - started, body };
  } catch (error) {
    return { status: 0, eventIds: [], contentType: '', ms: performance.now() - started, body: String(error) };
  }
}
