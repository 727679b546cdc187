/**
 * Refusals on the pages, as over HTTP (issue 14): a covert case appears nowhere for a reader
 * who may not see it (not in the list, 404 on its page and its export), the subject of a case
 * is refused it (403; 404 for a covert one), and an ADMIN reads no case at all.
 */
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { bearer } from '../http/support';
import { CaseRecorder } from '../projections/case-story-support';
import { startTestApp, TestApp } from '../support/app';
import { signInAs, statePurpose } from './page-support';

const PURPOSE = 'Reviewing the case before the assessment';

describe('refusals on the pages, as over HTTP', () => {
  let service: TestApp;
  const subjectPersonId = randomUUID();
  const standardCase = randomUUID();
  const covertCase = randomUUID();

  beforeAll(async () => {
    service = await startTestApp();
    const recorder = new CaseRecorder(service.app.get(EventStore));
    const [referral] = SEED_STORIES[0].commands;
    if (referral.type !== 'ReceiveReferral') throw new Error('a story starts with its referral');
    for (const [caseId, sensitivity] of [
      [standardCase, 'STANDARD'],
      [covertCase, 'COVERT'],
    ] as const) {
      await recorder.record({ ...referral, caseId, force: 'HAMPSHIRE', sensitivity });
      await recorder.record({
        type: 'AddSubject',
        caseId,
        subjectId: randomUUID(),
        personId: subjectPersonId,
        workforceType: 'POLICE_OFFICER',
        rank: 'CONSTABLE',
        lengthOfServiceMonths: 24,
        unit: 'Response',
      });
    }
    await service
      .http()
      .get('/api/v1/cases')
      .set('Authorization', bearer(service.config, { roles: ['ACU_INVESTIGATOR'], force: 'HAMPSHIRE' }))
      .set('X-Wait-For-Position', formatPosition(recorder.lastPosition))
      .expect(200);
  });

  afterAll(() => service?.close());

  it('shows a covert case nowhere to a PSD investigator, and to the ACU who may see it', async () => {
    const psd = await signInAs(service, { userId: 'psd-5', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });
    const list = await psd.get('/casework').expect(200);
    expect(list.text).toContain(`/casework/${standardCase}`);
    expect(list.text).not.toContain(covertCase);
    const bySubject = await psd.get(`/casework?subjectPersonId=${subjectPersonId}`).expect(200);
    expect(bySubject.text).not.toContain(covertCase);
    await statePurpose(psd, covertCase, PURPOSE);
    await psd.get(`/casework/${covertCase}`).expect(404);
    await psd.get(`/casework/${covertCase}/export`).expect(404);
    await psd.get(`/casework/${covertCase}/steps/AddSubject`).expect(404);

    const acu = await signInAs(service, { userId: 'acu-5', role: 'ACU_INVESTIGATOR', force: 'HAMPSHIRE' });
    expect((await acu.get('/casework').expect(200)).text).toContain(`/casework/${covertCase}`);
  });

  it('refuses the subject of a case their case: 403, and 404 for a covert one', async () => {
    const subject = await signInAs(service, { userId: subjectPersonId, role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });
    await statePurpose(subject, standardCase, PURPOSE);
    await subject.get(`/casework/${standardCase}`).expect(403);
    await service
      .http()
      .get(`/api/v1/cases/${standardCase}`)
      .set('Authorization', bearer(service.config, { userId: subjectPersonId, roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' }))
      .set('X-Access-Purpose', PURPOSE)
      .expect(403);
    const acuSubject = await signInAs(service, { userId: subjectPersonId, role: 'ACU_INVESTIGATOR', force: 'HAMPSHIRE' });
    await statePurpose(acuSubject, covertCase, PURPOSE);
    await acuSubject.get(`/casework/${covertCase}`).expect(404);
    expect((await acuSubject.get('/casework').expect(200)).text).not.toContain(covertCase);
  });

  it('refuses an ADMIN every case, as over HTTP', async () => {
    const admin = await signInAs(service, { userId: 'admin-5', role: 'ADMIN', force: 'HAMPSHIRE' });
    // An ADMIN starts at the erasure page, and is offered no case list to be refused.
    await admin.get('/').expect(303).expect('Location', '/erasure');
    expect((await admin.get('/erasure').expect(200)).text).not.toContain('govuk-service-navigation__link" href="/casework"');
    await admin.get('/casework').expect(403);
    await statePurpose(admin, standardCase, PURPOSE);
    await admin.get(`/casework/${standardCase}`).expect(403);
    await admin.get('/inspection/figures').expect(403);
    await service
      .http()
      .get('/api/v1/cases')
      .set('Authorization', bearer(service.config, { roles: ['ADMIN'], force: 'HAMPSHIRE' }))
      .expect(403);
  });
});
