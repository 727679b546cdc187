/**
 * Need-to-know over HTTP: every role, from three forces, as a subject of the case or not,
 * against cases of each sensitivity in two forces, through all three ways of reading a
 * case. The expectations are written out from api.md "Need-to-know" (and the decisions in
 * src/access/case-access-policy.ts), not computed by the policy under test.
 */
import { randomUUID } from 'node:crypto';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import type { Sensitivity } from '../../src/cases/case.enums';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { ROLES } from '../../src/http/roles';
import type { Role } from '../../src/http/roles';
import type { CaseStatusItem } from '../../projections/case-status/case-status.item';
import { bearer, PROBLEM_JSON, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { CaseRecorder } from '../projections/case-story-support';

const PURPOSE = 'Checking who may read what, for the access review';
const SUBJECT_PERSON = randomUUID();
const FORCES = ['HAMPSHIRE', 'KENT'] as const;
const SENSITIVITIES: Sensitivity[] = ['STANDARD', 'RESTRICTED', 'COVERT'];

/** Which sensitivities each role reads (api.md: COVERT only ACU, DCC, AUDITOR; RESTRICTED not INSPECTOR). */
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

interface Reader {
  role: Role;
  force: string;
  isSubject: boolean;
  token: string;
}

function expectedStatus(reader: Reader, subject: TestCase): number {
  if (reader.role === 'ADMIN') return 403;
  if (reader.force !== '*' && reader.force !== subject.force) return 404;
  if (!READS[reader.role].includes(subject.sensitivity)) return subject.sensitivity === 'COVERT' ? 404 : 403;
  // Not even a covert-cleared subject learns of a covert case about them.
  if (reader.isSubject) return subject.sensitivity === 'COVERT' ? 404 : 403;
  return 200;
}

const describeReader = (reader: Reader): string => `${reader.role} of ${reader.force}${reader.isSubject ? ', a subject' : ''}`;

describe('need-to-know, over HTTP', () => {
  let service: TestApp;
  let position: string;
  const cases: TestCase[] = FORCES.flatMap((force) => SENSITIVITIES.map((sensitivity) => ({ caseId: randomUUID(), force, sensitivity })));
  let readers: Reader[];

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
    const recorder = new CaseRecorder(service.app.get(EventStore));
    const [referral] = SEED_STORIES[0].commands;
    if (referral.type !== 'ReceiveReferral') throw new Error('a story starts with its referral');
    for (const { caseId, force, sensitivity } of cases) {
      await recorder.record({ ...referral, caseId, force, sensitivity });
      await recorder.record({
        type: 'AddSubject',
        caseId,
        subjectId: randomUUID(),
        personId: SUBJECT_PERSON,
        workforceType: 'POLICE_OFFICER',
        rank: 'SERGEANT',
        lengthOfServiceMonths: 60,
        unit: 'Professional standards',
      });
    }
    position = formatPosition(recorder.lastPosition);
    readers = ROLES.flatMap((role) =>
      ['HAMPSHIRE', 'KENT', '*'].flatMap((force) =>
        [false, true].map((isSubject) => ({
          role,
          force,
          isSubject,
          token: bearer(service.config, { userId: isSubject ? SUBJECT_PERSON : `reader-${randomUUID()}`, roles: [role], force }),
        })),
      ),
    );
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

  it('GET /cases: each reader lists exactly the cases they could open', async () => {
    const wrong: string[] = [];
    for (const reader of readers) {
      const response = await service.http().get('/api/v1/cases').set('Authorization', reader.token).set('X-Wait-For-Position', position);
      if (reader.role === 'ADMIN') {
        if (response.status !== 403) wrong.push(`${describeReader(reader)}: ${response.status}, expected 403`);
        continue;
      }
      const listed = (response.body.items as CaseStatusItem[]).map((item) => item.caseId).sort();
      const openable = cases.filter((subject) => expectedStatus(reader, subject) === 200).map((subject) => subject.caseId).sort();
      if (JSON.stringify(listed) !== JSON.stringify(openable) || response.body.total !== openable.length) {
        wrong.push(`${describeReader(reader)} listed ${listed.length} cases, could open ${openable.length}`);
      }
    }
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
