/**
 * Every register row of docs/api.md: in the OpenAPI document with its body's fields, and
 * appending the event docs/events.md names with its fields (and `force`, our extension), the
 * free text sealed by the vault under the person's key.
 */
import type { Response } from 'supertest';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { EventStore } from '../../src/event-store/event-store';
import { REGISTER_EVENT_DECLARATIONS } from '../../src/registers/registers.events';
import type { RegisterEventType } from '../../src/registers/registers.events';
import { Vault } from '../../src/vault/vault';
import type { TestApp } from '../support/app';
import { post, startCasesApp } from '../cases/support';
import { everyRegisterRoute, pathOf, registerIds, WITHDRAW_ROUTE } from './every-route';

interface OpenApiOperation {
  operationId: string;
  requestBody?: { content: { 'application/json': { schema: { $ref: string } } } };
}
interface OpenApi {
  paths: Record<string, { post?: OpenApiOperation }>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

const ROWS_OF_API_MD = [
  'people/{personId}/business-interests',
  'people/{personId}/business-interests/{businessInterestId}/decision',
  'people/{personId}/business-interests/{businessInterestId}/review',
  'people/{personId}/business-interests/{businessInterestId}/rescind',
  'people/{personId}/business-interests/{businessInterestId}/withdraw',
  'people/{personId}/business-interests/{businessInterestId}/compliance-checks',
  'people/{personId}/gifts-and-hospitality',
  'people/{personId}/associations',
  'people/{personId}/associations/{associationId}/risk-assessment',
  'people/{personId}/associations/{associationId}/review',
  'people/{personId}/associations/{associationId}/end',
  'people/{personId}/conflicts-of-interest',
  'people/{personId}/vetting',
  'people/{personId}/drug-tests',
  'people/{personId}/system-access-findings',
  'people/{personId}/earlier-sanctions',
];

describe('the register command routes', () => {
  const ids = registerIds();
  const steps = everyRegisterRoute(ids);
  const sent: { route: string; body: Record<string, unknown>; response: Response; event: string }[] = [];
  let app: TestApp;
  let docs: OpenApi;
  let stored: RecordedEvent[];
  let opened: RecordedEvent[];

  beforeAll(async () => {
    app = await startCasesApp();
    docs = (await app.http().get('/api/docs-json')).body as OpenApi;
    for (const step of steps) sent.push({ ...step, response: await post(app, pathOf(step.route, ids), step.body) });
    const secondInterest = String(sent.at(-1)?.response.body.businessInterestId);
    const withdraw = { withdrawnOn: '2024-08-05' };
    const response = await post(app, pathOf(WITHDRAW_ROUTE, { ...ids, businessInterestId: secondInterest }), withdraw);
    sent.push({ route: WITHDRAW_ROUTE, body: withdraw, response, event: 'BusinessInterestWithdrawn' });
    stored = await app.app.get(EventStore).readStream(`person-${ids.personId}`);
    opened = await app.app.get(Vault).open(stored);
  });

  afterAll(async () => {
    await app.close();
  });

  it('documents every row of docs/api.md, and the walk sends each of them', () => {
    const documented = Object.entries(docs.paths)
      .filter(([path, item]) => path.startsWith('/api/v1/people/') && item.post !== undefined)
      // Erasure (src/vault) is the vault's routes under /people, not register rows.
      .filter(([path]) => !path.startsWith('/api/v1/people/{personId}/erasure'))
      // A register entry's document is a multipart upload, not a register row (test/documents/register-documents.test.ts).
      .filter(([path]) => path !== '/api/v1/people/{personId}/documents')
      .map(([path]) => path);
    expect(new Set(documented)).toEqual(new Set(ROWS_OF_API_MD.map((row) => `/api/v1/${row}`)));
    expect(new Set(sent.map((step) => step.route))).toEqual(new Set(ROWS_OF_API_MD));
  });

  it('appends each event once, in the order sent', () => {
    expect(sent.map((step) => step.response.status)).toEqual(sent.map(() => 201));
    expect(stored.map((event) => event.type)).toEqual(sent.map((step) => step.event));
  });

  // One more step than the walk: the withdrawal of the interest its last step created.
  describe.each([...steps.keys(), steps.length].map((index) => [index + 1, index] as const))('step %i', (_number, index) => {
    it('is documented with every field of its body', () => {
      const step = sent[index];
      const operation = docs.paths[`/api/v1/${step.route}`]?.post;
      const reference = operation?.requestBody?.content['application/json'].schema.$ref ?? '';
      const schema = docs.components.schemas[reference.replace('#/components/schemas/', '')];
      expect(Object.keys(schema?.properties ?? {})).toEqual(expect.arrayContaining([...Object.keys(step.body), 'force']));
    });

    it('answers 201 with the ids and appends the fields of docs/events.md, with the force', () => {
      const { body, response, event: type, route } = sent[index];
      expect(response.body).toMatchObject({ personId: ids.personId, events: [{ type }] });
      const event = opened.find((candidate) => candidate.eventId === response.body.events[0].eventId);
      const { action, ...fields } = body;
      const pathIds = {
        ...(route.includes('{businessInterestId}') ? { businessInterestId: response.body.businessInterestId } : {}),
        ...(route.includes('{associationId}') ? { associationId: ids.associationId } : {}),
      };
      const created = route.endsWith('business-interests')
        ? { businessInterestId: response.body.businessInterestId }
        : route.endsWith('earlier-sanctions')
          ? { sanctionId: response.body.sanctionId }
          : {};
      const keptAction = route.endsWith('/vetting') ? {} : action === undefined ? {} : { action };
      expect(event?.data).toEqual({ ...fields, ...keptAction, ...pathIds, ...created, force: 'HAMPSHIRE' });
      expect(event?.metadata.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00.000Z$/);
    });

    it("stores the free text of its body only as a vault envelope under the person's key", () => {
      const { body, response, event: type } = sent[index];
      const event = stored.find((candidate) => candidate.eventId === response.body.events[0].eventId);
      const personal = REGISTER_EVENT_DECLARATIONS.vaultFields[type as RegisterEventType].map(String).filter((field) => Object.hasOwn(body, field));
      for (const field of personal) expect(event?.data[field]).toEqual(expect.objectContaining({ $vault: 'v1', personId: ids.personId }));
    });
  });
});
