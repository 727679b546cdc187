/**
 * Need-to-know over HTTP: every role, from three forces, as a subject of the case, as one who
 * declared a conflict of interest on it, or neither, against cases of each sensitivity in two
 * forces, through every way of reading a case (status, history, export, timeliness), the
 * list, and the figures (inspection metrics, misconduct statistics), which count exactly the
 * cases the reader could open. The expectations are written out from docs/api.md "Need-to-know"
 * (and the decisions in src/access/case-access-policy.ts), not computed by the policy under test.
 */
import { randomUUID } from 'node:crypto';
import { embassyCase } from '../../src/cases/seed-stories/embassy-case';
import type { Sensitivity } from '../../src/cases/case.enums';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { ROLES } from '../../src/http/roles';
import type { Role } from '../../src/http/roles';
import type { CaseStatusItem } from '../../projections/common/case-status-item';
import { bearer, PROBLEM_JSON, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { poolFor } from '../support/database';
import { AccessRecorder } from '../../src/access-log/access-recorder';
import { CaseRecorder, retarget } from '../projections/case-story-support';

const PURPOSE = 'Checking who may read what, for the access review';
const CONFLICT_DETAIL = 'You declared a conflict of interest on this case, so you may not read it.';
const SUBJECT_PERSON = randomUUID();
const FORCES = ['HAMPSHIRE', 'KENT'] as const;
const SENSITIVITIES: Sensitivity[] = ['STANDARD', 'RESTRICTED', 'COVERT'];

/** Which sensitivities each role reads (docs/api.md: COVERT only ACU, DCC, AUDITOR; RESTRICTED not INSPECTOR). */
const READS: Record<Role, Sensitivity[]> = {
  PSD_INVESTIGATOR: ['STANDARD', 'RESTRICTED'],
  ACU_INVESTIGATOR: ['STANDARD', 'RESTRICTED', 'COVERT'],
  APPROPRIATE_AUTHORITY: ['STANDARD', 'RESTRICTED'],
  DCC: ['STANDARD', 'RESTRICTED', 'COVERT'],
  INSPECTOR: ['STANDARD'],
  AUDITOR: ['STANDARD', 'RESTRICTED', 'COVERT'],
  ADMIN: [],
};

interface TestCase {
  caseId: string;
  force: string;
  sensitivity: Sensitivity;
}

type Standing = 'plain' | 'subject' | 'conflicted';

interface Reader {
  role: Role;
  force: string;
  standing: Standing;
  token: string;
}

function expectedStatus(reader: Reader, subject: TestCase): number {
  if (reader.role === 'ADMIN') return 403;
  if (reader.force !== '*' && reader.force !== subject.force) return 404;
  if (!READS[reader.role].includes(subject.sensitivity)) return subject.sensitivity === 'COVERT' ? 404 : 403;
  // Not even a covert-cleared subject learns of a covert case about them.
  if (reader.standing === 'subject') return subject.sensitivity === 'COVERT' ? 404 : 403;
  // A declared conflict: 403, after every 404 (the reader named the case, so 403 reveals nothing).
  if (reader.standing === 'conflicted') return 403;
  return 200;
}

const describeReader = (reader: Reader): string => `${reader.role} of ${reader.force}${reader.standing === 'plain' ? '' : `, ${reader.standing}`}`;

describe('need-to-know, over HTTP', () => {
  let service: TestApp;
  let position: string;
  const cases: TestCase[] = FORCES.flatMap((force) => SENSITIVITIES.map((sensitivity) => ({ caseId: randomUUID(), force, sensitivity })));
  let readers: Reader[];

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
    const recorder = new CaseRecorder(service.app.get(EventStore));
    // Each case the whole story of seed 003 (one officer, SUBJECT_PERSON, dismissed at a hearing
    // and barred), so every figure has something of it to count.
    await recorder.recordAll(
      cases.map(({ caseId, force, sensitivity }) => ({
        commands: retarget(embassyCase(), caseId, { force, sensitivity }).map((command) =>
          command.type === 'AddSubject' ? { ...command, personId: SUBJECT_PERSON } : command,
        ),
      })),
    );
    position = formatPosition(recorder.lastPosition);
    const standings: Standing[] = ['plain', 'subject', 'conflicted'];
    readers = ROLES.flatMap((role) =>
      ['HAMPSHIRE', 'KENT', '*'].flatMap((force) =>
        standings.map((standing) => ({
          role,
          force,
          standing,
          token: bearer(service.config, { userId: standing === 'subject' ? SUBJECT_PERSON : `reader-${randomUUID()}`, roles: [role], force }),
        })),
      ),
    );
    // Each conflicted reader declares a conflict on every case (ADMIN may not: it reads nothing anyway).
    for (const reader of readers.filter((r) => r.standing === 'conflicted' && r.role !== 'ADMIN')) {
      for (const { caseId } of cases) {
        await service.http().post(`/api/v1/cases/${caseId}/conflicts`).set('Authorization', reader.token).send({ nature: 'RELATIVE' }).expect(201);
      }
    }
  });

  afterAll(() => service.close());

  /** Every reader against every case at once, a few requests at a time. */
  async function matrix(path: (subject: TestCase) => string): Promise<string[]> {
    const wrong: string[] = [];
    const checks = readers.flatMap((reader) => cases.map((subject) => ({ reader, subject })));
    for (let start = 0; start < checks.length; start += 16) {
      await Promise.all(
        checks.slice(start, start + 16).map(async ({ reader, subject }) => {
          const response = await service
            .http()
            .get(path(subject))
            .set('Authorization', reader.token)
            .set('X-Access-Purpose', PURPOSE)
            .set('X-Wait-For-Position', position);
          const expected = expectedStatus(reader, subject);
          if (response.status !== expected) {
            wrong.push(`${describeReader(reader)} reading ${subject.sensitivity} case of ${subject.force}: ${response.status}, expected ${expected}`);
          }
          if (
            reader.standing === 'conflicted' &&
            expectedStatus({ ...reader, standing: 'plain' }, subject) === 200 &&
            response.body.detail !== CONFLICT_DETAIL
          ) {
            wrong.push(`${describeReader(reader)}: a conflict's 403 must say so, got "${response.body.detail}"`);
          }
          if (expected === 404 && response.body.detail !== `There is no case ${subject.caseId}.`) {
            wrong.push(`${describeReader(reader)}: a refusal's 404 must read like a missing case's, got "${response.body.detail}"`);
          }
        }),
      );
    }
    return wrong;
  }

  it('GET /cases/{caseId}: each reader gets the case, 403 or 404 as need-to-know says', async () => {
    expect(await matrix((subject) => `/api/v1/cases/${subject.caseId}`)).toEqual([]);
  });

  it('GET /cases/{caseId}/history: the same answers', async () => {
    expect(await matrix((subject) => `/api/v1/cases/${subject.caseId}/history`)).toEqual([]);
  });

  it('GET /cases/{caseId}/export: the same answers', async () => {
    expect(await matrix((subject) => `/api/v1/cases/${subject.caseId}/export`)).toEqual([]);
  });

  it('GET /cases/{caseId}/timeliness: the same answers', async () => {
    expect(await matrix((subject) => `/api/v1/cases/${subject.caseId}/timeliness`)).toEqual([]);
  });

  it('recorded every read of the four ways above, granted or refused, with its reason (ADMIN’s refused for its role)', async () => {
    await service.app.get(AccessRecorder).flush();
    const pool = poolFor(service.database, 1);
    try {
      const { rows } = await pool.query<{ granted: boolean; reads: number }>(
        `SELECT (data->>'granted')::boolean AS granted, count(*)::int AS reads FROM ledger_events WHERE event_type = 'CaseAccessed' GROUP BY 1 ORDER BY 1`,
      );
      const outcomes = readers.flatMap((reader) => cases.map((subject) => expectedStatus(reader, subject) === 200));
      const ways = 4;
      expect(rows).toEqual([
        { granted: false, reads: ways * outcomes.filter((granted) => !granted).length },
        { granted: true, reads: ways * outcomes.filter((granted) => granted).length },
      ]);
      const { rows: reasons } = await pool.query<{ reason: string }>(
        `SELECT DISTINCT data->>'reasonIfRefused' AS reason FROM ledger_events WHERE event_type = 'CaseAccessed' AND NOT (data->>'granted')::boolean ORDER BY 1`,
      );
      expect(reasons.map((row) => row.reason)).toEqual([
        'caseOfAnotherForce',
        'covertCase',
        'readerHasConflict',
        'readerIsSubject',
        'readerIsSubjectOfCovertCase',
        'restrictedFromInspectors',
        'roleMayNotReadCases',
      ]);
    } finally {
      await pool.end();
    }
  });

  it('GET /cases: each reader lists exactly the cases they could open', async () => {
    const wrong: string[] = [];
    for (const reader of readers) {
      const response = await service.http().get('/api/v1/cases').set('Authorization', reader.token).set('X-Wait-For-Position', position);
      if (reader.role === 'ADMIN') {
        if (response.status !== 403) wrong.push(`${describeReader(reader)}: ${response.status}, expected 403`);
        continue;
      }
      const listed = (response.body.items as CaseStatusItem[]).map((item) => item.caseId).sort();
      const openable = cases
        .filter((subject) => expectedStatus(reader, subject) === 200)
        .map((subject) => subject.caseId)
        .sort();
      if (JSON.stringify(listed) !== JSON.stringify(openable) || response.body.total !== openable.length) {
        wrong.push(`${describeReader(reader)} listed ${listed.length} cases, could open ${openable.length}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  /** Each reader asks for each force's figures: 403 for ADMIN and for another force than their own, else the count of the cases they could open. */
  async function figuresMatrix(path: (force: string) => string, counted: (body: Record<string, unknown>) => number[]): Promise<string[]> {
    const wrong: string[] = [];
    for (const reader of readers) {
      await Promise.all(
        FORCES.map(async (force) => {
          const response = await service.http().get(path(force)).set('Authorization', reader.token).set('X-Wait-For-Position', position);
          const refused = reader.role === 'ADMIN' || (reader.force !== '*' && reader.force !== force);
          if (refused) {
            if (response.status !== 403) wrong.push(`${describeReader(reader)} asking for ${force}: ${response.status}, expected 403`);
            return;
          }
          const openable = cases.filter((subject) => subject.force === force && expectedStatus(reader, subject) === 200).length;
          const counts = response.status === 200 ? counted(response.body) : [];
          if (counts.length === 0 || counts.some((count) => count !== openable)) {
            wrong.push(`${describeReader(reader)} counted ${JSON.stringify(counts)} (${response.status}) of ${force}, could open ${openable}`);
          }
        }),
      );
    }
    return wrong;
  }

  it('GET /metrics/inspection: each reader counts exactly the cases they could open', async () => {
    const wrong = await figuresMatrix(
      (force) => `/api/v1/metrics/inspection?force=${force}&from=2020-01-01&to=2022-12-31`,
      (body) => {
        const figures = body as {
          conductCases: { count: number };
          outcomes: Record<string, number>;
          iopcReferrals: { count: number };
          barredListEntries: number;
        };
        return [figures.conductCases.count, figures.outcomes.DISMISSAL_WITHOUT_NOTICE, figures.iopcReferrals.count, figures.barredListEntries];
      },
    );
    expect(wrong).toEqual([]);
  });

  it('GET /statistics/misconduct: each reader counts exactly the cases they could open', async () => {
    const wrong = await figuresMatrix(
      (force) => `/api/v1/statistics/misconduct?force=${force}&year=2021`,
      (body) => {
        const statistics = body as { proceedings: { total: number }; byRank: { CONSTABLE: { total: number } }; barredListEntries: { total: number } };
        return [statistics.proceedings.total, statistics.byRank.CONSTABLE.total, statistics.barredListEntries.total];
      },
    );
    expect(wrong).toEqual([]);
  });

  it('needs a stated purpose to read one case (400), before anything is looked up', async () => {
    const dcc = bearer(service.config, { roles: ['DCC'], force: '*' });
    for (const path of [`/api/v1/cases/${cases[0].caseId}`, `/api/v1/cases/${cases[0].caseId}/history`, `/api/v1/cases/${randomUUID()}`]) {
      const missing = await service.http().get(path).set('Authorization', dcc).expect(400).expect('Content-Type', PROBLEM_JSON);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'X-Access-Purpose' })]);
      await service.http().get(path).set('Authorization', dcc).set('X-Access-Purpose', 'curious').expect(400);
    }
    // A role that may not read cases at all is told so first.
    const admin = bearer(service.config, { roles: ['ADMIN'], force: '*' });
    await service.http().get(`/api/v1/cases/${cases[0].caseId}`).set('Authorization', admin).expect(403);
  });

  it('refuses a stranger (401) before anything else', async () => {
    await service.http().get(`/api/v1/cases/${cases[0].caseId}`).expect(401);
    await service.http().get('/api/v1/cases').expect(401);
  });
});
