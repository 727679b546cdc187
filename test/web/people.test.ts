/**
 * The people pages over plain HTTP: a form for every register route (derived as the case
 * steps' are), an entry recorded through its form down the one write path, a refused entry
 * naming its rule, an entry about an earlier one choosing it among the record's, and the
 * integrity record read as `GET /people/{personId}/integrity-record` reads it: purpose asked
 * once, the read recorded, another force's reader refused as over HTTP.
 */
import { randomUUID } from 'node:crypto';
import { API_PREFIX } from '../../src/http/configure-http';
import { CommandForms } from '../../src/web/command-forms';
import { bearer } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { fieldValue, signInAs, statePurpose } from './page-support';
import type { Agent } from './page-support';

const PURPOSE = 'Annual integrity review of the officer';
const INVESTIGATOR = { userId: 'psd-2', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' } as const;

describe('the people pages over HTTP', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp();
  });

  afterAll(() => service?.close());

  /** The form of an entry as drawn, and its hidden fields to send back. */
  async function entryForm(agent: Agent, personId: string, operationId: string): Promise<{ html: string; hidden: Record<string, string> }> {
    const page = await agent.get(`/integrity/${personId}/registers/${operationId}`);
    expect({ status: page.status, text: page.status === 200 ? '' : page.text }).toEqual({ status: 200, text: '' });
    return { html: page.text, hidden: { _csrf: fieldValue(page.text, '_csrf') ?? '', _idempotencyKey: fieldValue(page.text, '_idempotencyKey') ?? '' } };
  }

  it('has a form for every register route of the API, found with no page code', async () => {
    const document = (await service.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, { post?: { operationId?: string } }> };
    const registerRoutes = Object.entries(document.paths)
      // A document's upload is the record page's own multipart form (test/documents/register-pages.test.ts), not a derived one.
      .filter(([path, item]) => path.startsWith(`/${API_PREFIX}/people/{personId}/`) && item.post !== undefined && !/\/documents$/.test(path))
      .map(([, item]) => item.post?.operationId);
    const forms = service.app.get(CommandForms).registerSteps();
    // Erasure is the vault's, not a register's: its routes are an ADMIN's, who reads no person, so never on the record's page (/erasure has them).
    expect(registerRoutes.filter((id) => !forms.some((form) => form.operationId === id))).toEqual(['RequestErasure', 'ApproveErasure', 'WithdrawErasure']);
    expect(forms.map((form) => form.operationId)).toEqual(
      expect.arrayContaining([
        'ApplyForBusinessInterest',
        'RecordGiftOrHospitality',
        'DeclareNotifiableAssociation',
        'DeclareConflictOfInterest',
        'RecordVettingStep',
        'RecordDrugTest',
        'RecordSystemAccessFinding',
      ]),
    );
  });

  it('records entries through their forms, names a refusing rule, and shows the record with its signals', async () => {
    const personId = randomUUID();
    const agent = await signInAs(service, INVESTIGATOR);
    const found = await agent.get(`/integrity?personId=${personId}&record=entries`).expect(303);
    expect(found.headers.location).toBe(`/integrity/${personId}/registers`);
    // The purpose is asked once for the person, before anything of theirs is drawn.
    const asked = await agent.get(`/integrity/${personId}/registers`).expect(303);
    expect(asked.headers.location).toBe(`/integrity/${personId}/purpose?then=${encodeURIComponent(`/integrity/${personId}/registers`)}`);
    const purposePage = await agent.get(asked.headers.location as string).expect(200);
    await agent
      .post(`/integrity/${personId}/purpose`)
      .type('form')
      .send({ _csrf: fieldValue(purposePage.text, '_csrf'), purpose: PURPOSE, then: `/integrity/${personId}/registers` })
      .expect(303)
      .expect('Location', `/integrity/${personId}/registers`);
    const list = await agent.get(`/integrity/${personId}/registers`).expect(200);
    for (const form of service.app.get(CommandForms).registerSteps()) expect(list.text).toContain(`/integrity/${personId}/registers/${form.operationId}`);

    const gift = await entryForm(agent, personId, 'RecordGiftOrHospitality');
    expect(gift.html).toContain('name="offeredOn-day"');
    const giftValues = {
      'offeredOn-day': '3',
      'offeredOn-month': '2',
      'offeredOn-year': '2025',
      kind: 'HOSPITALITY',
      estimatedValuePence: '4500',
      offeredBy: 'A local supplier of custody equipment',
      decision: 'DECLINED_AT_TIME',
    };
    // Left blank, a field is named against itself.
    const invalid = await agent
      .post(`/integrity/${personId}/registers/RecordGiftOrHospitality`)
      .type('form')
      .send({ ...gift.hidden, ...giftValues, kind: '' })
      .expect(400);
    expect(invalid.text).toContain('govuk-error-summary');
    expect(invalid.text).toMatch(/Kind: /);
    await agent
      .post(`/integrity/${personId}/registers/RecordGiftOrHospitality`)
      .type('form')
      .send({ ...gift.hidden, ...giftValues })
      .expect(303)
      .expect('Location', `/integrity/${personId}?recorded=RecordGiftOrHospitality`);

    const interest = await entryForm(agent, personId, 'ApplyForBusinessInterest');
    const nature = /name="nature"[^>]*value="([A-Z_]+)"/.exec(interest.html)?.[1] ?? /<option value="([A-Z_]+)"/.exec(interest.html)?.[1];
    const applied = await agent
      .post(`/integrity/${personId}/registers/ApplyForBusinessInterest`)
      .type('form')
      .send({
        ...interest.hidden,
        nature,
        details: 'Weekend work as a driving instructor',
        'appliedOn-day': '1',
        'appliedOn-month': '3',
        'appliedOn-year': '2025',
      });
    expect({ status: applied.status, errors: /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(applied.text)?.[0] }).toMatchObject({ status: 303 });

    const record = await agent.get(`/integrity/${personId}?recorded=RecordGiftOrHospitality`).expect(200);
    expect(record.text).toContain('Record gift or hospitality: recorded.');
    expect(record.text).toContain('A local supplier of custody equipment');
    expect(record.text).toContain('Weekend work as a driving instructor');
    expect(record.text).toMatch(/id="signals"/);

    // A decision on the business interest chooses it among the record's.
    const decision = await entryForm(agent, personId, 'DecideBusinessInterest');
    const businessInterestId = /name="path\.businessInterestId"[^>]*value="([0-9a-f-]{36})"/.exec(decision.html)?.[1];
    expect(businessInterestId).toBeDefined();
    // Decided before it was applied for: refused, naming the rule.
    const refused = await agent
      .post(`/integrity/${personId}/registers/DecideBusinessInterest`)
      .type('form')
      .send({
        ...decision.hidden,
        'path.businessInterestId': businessInterestId,
        decision: 'APPROVED',
        'decidedOn-day': '1',
        'decidedOn-month': '1',
        'decidedOn-year': '2025',
      })
      .expect(422);
    expect(refused.text).toMatch(/This step is refused: [^<]*Rule [A-Za-z]+ \(/);

    // The read was recorded with its purpose, as the API records it.
    const auditor = bearer(service.config, { userId: 'auditor-1', roles: ['AUDITOR'], force: '*' });
    const log = await service.http().get(`/api/v1/access-log?userId=psd-2`).set('Authorization', auditor).expect(200);
    expect((log.body as { items: { personId: string | null; purpose: string; granted: boolean }[] }).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ personId, purpose: PURPOSE, granted: true })]),
    );

    // Another force's reader: refused as over HTTP (404, as for no one at all).
    const stranger = await signInAs(service, { userId: 'psd-9', role: 'PSD_INVESTIGATOR', force: 'KENT' });
    await statePurpose(stranger, personId, PURPOSE, 'integrity');
    await stranger.get(`/integrity/${personId}`).expect(404);
    await service
      .http()
      .get(`/api/v1/people/${personId}/integrity-record`)
      .set('Authorization', bearer(service.config, { userId: 'psd-9', force: 'KENT' }))
      .set('X-Access-Purpose', PURPOSE)
      .expect(404);
    // An ADMIN may not read records at all.
    const admin = await signInAs(service, { userId: 'admin-1', role: 'ADMIN', force: 'HAMPSHIRE' });
    const adminPurpose = await admin.get(`/integrity/${personId}/purpose`).expect(200);
    await admin
      .post(`/integrity/${personId}/purpose`)
      .type('form')
      .send({ _csrf: fieldValue(adminPurpose.text, '_csrf'), purpose: PURPOSE })
      .expect(303);
    await admin.get(`/integrity/${personId}`).expect(403);
  });
});
