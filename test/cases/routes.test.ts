/**
 * Every row of docs/api.md "Cases: commands" (and the management-action extension): the route
 * is in the OpenAPI document with its body's fields, and appends the event docs/api.md names
 * with the fields docs/events.md gives it.
 */
import type { Response } from 'supertest';
import { CASE_COMMAND_TYPES, COMMAND_EVENT } from '../../src/cases/case.command-types';
import { CASE_EVENT_DECLARATIONS, isCaseEventType } from '../../src/cases/case.events';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { TestApp } from '../support/app';
import { documentRoutes, everyRoute, legacyRoute, pathOf, walkIds } from './every-route';
import { CASE_STEP_ROUTES, eventsOf, post, startCasesApp } from './support';

interface OpenApiOperation {
  operationId: string;
  requestBody?: { content: { 'application/json': { schema: { $ref: string } } } };
}
interface OpenApi {
  paths: Record<string, { post?: OpenApiOperation }>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

/** Who sent the step, recorded as a field of its event from the token's `sub` (src/cases/allocation.events.ts). */
const SENDER_FIELDS: Readonly<Record<string, string>> = {
  InvestigationReportSubmittedForReview: 'submittedBy',
  InvestigationReportReviewed: 'reviewedBy',
  DecisionSignedOff: 'signedOffBy',
};

/** docs/api.md's rows "with `action`": the action chooses the event and is not one of its fields. */
const ACTION_ROUTES = /\/(suspension|reflective-practice|appeals|advisory-list)$/;

describe('the case command routes', () => {
  const ids = walkIds();
  // The second case's steps come last, so its events follow the first case's.
  const steps = [...everyRoute(ids), ...legacyRoute(ids)];
  const sent: { body: Record<string, unknown>; response: Response }[] = [];
  let app: TestApp;
  let docs: OpenApi;
  let stored: RecordedEvent[];

  beforeAll(async () => {
    app = await startCasesApp();
    docs = (await app.http().get('/api/docs-json')).body as OpenApi;
    const eventIds = new Map<string, string>();
    for (const step of steps) {
      const body = typeof step.body === 'function' ? step.body((type) => eventIds.get(type) ?? 'none yet') : step.body;
      const response = await post(app, pathOf(step, ids), body, { role: step.role });
      sent.push({ body, response });
      for (const event of (response.body.events ?? []) as { eventId: string; type: string }[]) eventIds.set(event.type, event.eventId);
    }
    stored = [...(await eventsOf(app, ids.caseId)), ...(await eventsOf(app, ids.legacyCaseId))];
  });

  afterAll(async () => {
    await app.close();
  });

  it('walks every route the service documents for the case commands, and sends every command', () => {
    const names = new Set(['ReceiveReferral', ...CASE_STEP_ROUTES.map((route) => route.name)]);
    const documented = Object.entries(docs.paths)
      .filter(([, item]) => item.post !== undefined && names.has(item.post.operationId))
      .map(([path]) => path);
    expect(documented).toHaveLength(names.size);
    expect(new Set(steps.map((step) => `/api/v1/${step.route}`))).toEqual(new Set(documented));
    // The document routes (their own controller, a multipart upload) are walked by test/hardening/one-write-path and test/documents.
    const walkedEvents = new Set([...steps, ...documentRoutes(ids)].map((step) => step.event));
    expect(CASE_COMMAND_TYPES.filter((type) => !walkedEvents.has(COMMAND_EVENT[type]))).toEqual([]);
  });

  it('documents every schema the case bodies refer to (nested findings and flags too)', () => {
    const references = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string' && !references.has(inner)) {
          references.add(inner);
          collect(docs.components.schemas[inner.replace('#/components/schemas/', '')]);
        } else collect(inner);
      }
    };
    for (const step of steps) collect(docs.paths[`/api/v1/${step.route}`]?.post?.requestBody);
    expect(references.size).toBeGreaterThan(0);
    const missing = [...references].filter((reference) => docs.components.schemas[reference.replace('#/components/schemas/', '')] === undefined);
    expect(missing).toEqual([]);
  });

  it('appends each event once, in the order sent', () => {
    expect(stored.map((event) => event.type)).toEqual(steps.map((step) => step.event));
  });

  describe.each(steps.map((step, index) => [`${index + 1}. POST /${step.route} → ${step.event}`, index] as const))('%s', (_title, index) => {
    const step = steps[index];

    it('is documented with every field of its body', () => {
      const operation = docs.paths[`/api/v1/${step.route}`]?.post;
      const reference = operation?.requestBody?.content['application/json'].schema.$ref ?? '';
      const schema = docs.components.schemas[reference.replace('#/components/schemas/', '')];
      expect(Object.keys(schema?.properties ?? {})).toEqual(expect.arrayContaining(Object.keys(sent[index].body)));
    });

    it('answers 201 and appends the event with the fields of docs/events.md', () => {
      const { body, response } = sent[index];
      expect({ status: response.status, events: response.body.events?.map((event: { type: string }) => event.type) }).toEqual({
        status: 201,
        events: [step.event],
      });
      const event = stored.find((candidate) => candidate.eventId === response.body.events[0].eventId);
      if (event === undefined || !isCaseEventType(event.type)) throw new Error('the event was not stored');
      expect(CASE_EVENT_DECLARATIONS.payloadProblems(event.type, event.data)).toEqual([]);

      const { action, ...fields } = body;
      const expected = {
        ...fields,
        ...(ACTION_ROUTES.test(step.route) ? {} : action === undefined ? {} : { action }),
        ...(step.subject === undefined ? {} : { subjectId: ids[step.subject] }),
        // Derived by the service from the case, never sent (docs/events.md).
        ...(step.event === 'SubjectLeftService' ? { stageAtDeparture: 'INVESTIGATION' } : {}),
        ...(step.event in SENDER_FIELDS ? { [SENDER_FIELDS[step.event]]: `${(step.role ?? 'PSD_INVESTIGATOR').toLowerCase()}-1` } : {}),
      };
      expect(event.data).toEqual(expected);
    });
  });
});
