/**
 * The OpenAPI document as a contract clients build on (docs/api.md, "The contract"):
 * linted by Redocly and Spectral, kept in step with the response types and the generated
 * client, enforced on every answer the suite receives (test/support/openapi-validation.ts),
 * and used through the generated client against the running service.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createLedgerClient } from '../../client';
import type { components } from '../../client';
import { renderResponseSchemas, RESPONSE_SCHEMAS_FILE } from '../../scripts/contract/response-schemas';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { bearer } from '../http/support';
import { sendCommand, serviceForThisFile } from '../cases/support';
import { ResponseValidator } from '../support/openapi-validation';

const ROOT = path.join(__dirname, '..', '..');
const DOCUMENT_FILE = path.join(ROOT, 'docs', 'generated', 'openapi.json');
const BIN = path.join(ROOT, 'node_modules', '.bin');

/** Runs a command-line tool with no network to speak of; its exit status and what it printed. */
function run(tool: string, args: string[]): { status: number; output: string } {
  try {
    const output = execFileSync(path.join(BIN, tool), args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

const redocly = (file: string) => run('redocly', ['lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format', 'stylish']);
const spectral = (file: string) => run('spectral', ['lint', file, '--ruleset', path.join(ROOT, '.spectral.yaml'), '--fail-severity', 'error', '-f', 'text']);

/** The document with one read's answer left undeclared, as a new route without @ReadRoute would be. */
function withoutReadCaseBody(document: OpenAPIObject): OpenAPIObject {
  const copy = JSON.parse(JSON.stringify(document)) as OpenAPIObject;
  const responses = copy.paths['/api/v1/cases/{caseId}'].get?.responses as Record<string, object>;
  responses['200'] = { description: '' };
  return copy;
}

describe('the OpenAPI contract', () => {
  const document = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8')) as OpenAPIObject;

  describe('linted', () => {
    let scratch: string;
    beforeAll(() => {
      scratch = mkdtempSync(path.join(tmpdir(), 'ledger-openapi-'));
    });
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it("has no error by Redocly's recommended ruleset (redocly.yaml)", () => {
      const result = redocly(DOCUMENT_FILE);
      expect({ status: result.status, errors: result.output.split('\n').filter((line) => / error /.test(line)) }).toEqual({ status: 0, errors: [] });
    });

    it('has no error by the Spectral ruleset (.spectral.yaml)', () => {
      const result = spectral(DOCUMENT_FILE);
      expect(result).toEqual({ status: 0, output: expect.stringContaining("No results with a severity of 'error'") });
    });

    it('fails both linters on a document with an operation that declares no answer', () => {
      const broken = JSON.parse(JSON.stringify(document)) as { paths: Record<string, Record<string, { responses?: unknown }>> };
      delete broken.paths['/api/v1/cases/{caseId}'].get.responses;
      const file = path.join(scratch, 'broken.json');
      writeFileSync(file, JSON.stringify(broken));
      expect(redocly(file).status).not.toBe(0);
      expect(spectral(file).status).not.toBe(0);
    });
  });

  describe('declared', () => {
    const operations = Object.entries(document.paths).flatMap(([route, item]) =>
      Object.entries(item as Record<string, { operationId?: string; responses?: Record<string, { content?: object }> }>).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${route}`,
        ...operation,
      })),
    );

    it('names every operation in one style: PascalCase, verb first, unique', () => {
      const ids = operations.map((operation) => operation.operationId ?? `${operation.name} has none`);
      expect(ids.filter((id) => !/^[A-Z][a-z]+[A-Za-z]*$/.test(id))).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('gives every operation an answer with a body: a read with @ReadRoute, a command through the route table', () => {
      const bodiless = operations.filter((operation) =>
        Object.entries(operation.responses ?? {}).every(([status, response]) => !status.startsWith('2') || response.content === undefined),
      );
      expect(bodiless.map((operation) => operation.name)).toEqual([]);
    });
  });

  describe('generated files', () => {
    it('src/http/contract/response-schemas.generated.json is up to date with the response types (npm run client writes it)', () => {
      expect(readFileSync(RESPONSE_SCHEMAS_FILE, 'utf8')).toBe(renderResponseSchemas());
    });

    it('client/ledger-api.ts is up to date with docs/generated/openapi.json (npm run client writes it)', () => {
      const scratch = mkdtempSync(path.join(tmpdir(), 'ledger-client-'));
      try {
        const file = path.join(scratch, 'ledger-api.ts');
        const result = run('openapi-typescript', [DOCUMENT_FILE, '--output', file]);
        expect(result.status).toBe(0);
        expect(readFileSync(path.join(ROOT, 'client', 'ledger-api.ts'), 'utf8')).toBe(readFileSync(file, 'utf8'));
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });

  describe('against the running service', () => {
    const service = serviceForThisFile();
    const story = SEED_STORIES[0];
    const [referral] = story.commands;
    if (referral?.type !== 'ReceiveReferral') throw new Error('the first seed story opens with a referral');
    const { caseId, force } = referral;
    let position = '';

    beforeAll(async () => {
      for (const command of story.commands) {
        const answer = await sendCommand(service.app, command, { force });
        expect(answer.status).toBe(201);
        position = String(answer.headers['x-ledger-position']);
      }
    });

    const client = (roles: ('PSD_INVESTIGATOR' | 'DCC')[]) =>
      createLedgerClient({
        baseUrl: `http://127.0.0.1:${(service.app.app.getHttpServer() as Server).address() === null ? 0 : ((service.app.app.getHttpServer() as Server).address() as AddressInfo).port}`,
        token: bearer(service.app.config, { roles, force, userId: `${roles[0].toLowerCase()}-1` }).replace(/^Bearer /, ''),
      });

    it('reads a case, its history and the DCC dashboard through the generated client, typed', async () => {
      const investigator = client(['PSD_INVESTIGATOR']);
      const header = { 'X-Access-Purpose': 'Reviewing the case file', 'X-Wait-For-Position': position };
      const item = await investigator.GET('/api/v1/cases/{caseId}', { params: { path: { caseId }, header } });
      const history = await investigator.GET('/api/v1/cases/{caseId}/history', { params: { path: { caseId }, header } });
      const dashboard = await client(['DCC']).GET('/api/v1/dashboards/dcc', { params: { query: { force }, header: { 'X-Wait-For-Position': position } } });
      // Typed, not unknown: these assignments do not compile if the document declares no body.
      const stage: components['schemas']['CaseStage'] | undefined = item.data?.stage;
      const types: string[] | undefined = history.data?.events.map((event) => event.type);
      const live: number | undefined = dashboard.data?.liveInvestigations.total;
      expect({ item: item.response.status, history: history.response.status, dashboard: dashboard.response.status }).toEqual({
        item: 200,
        history: 200,
        dashboard: 200,
      });
      expect(item.data?.caseId).toBe(caseId);
      expect(stage).toBeDefined();
      expect(types?.[0]).toBe('ReferralReceived');
      expect(typeof live).toBe('number');
    });

    it('answers an error as the typed Problem', async () => {
      const { error, response } = await client(['PSD_INVESTIGATOR']).GET('/api/v1/cases/{caseId}', {
        params: { path: { caseId }, header: { 'X-Access-Purpose': 'short' } },
      });
      const problem: components['schemas']['Problem'] | undefined = error;
      expect(response.status).toBe(400);
      expect(problem?.errors?.[0]?.field).toBeDefined();
    });

    it('fails an answer with a field renamed but not in the document, naming the field', async () => {
      const answer = await service.app
        .http()
        .get(`/api/v1/cases/${caseId}`)
        .set('Authorization', bearer(service.app.config, { roles: ['PSD_INVESTIGATOR'], force }))
        .set('X-Access-Purpose', 'Reviewing the case file')
        .expect(200);
      const validator = service.app.validator;
      const { stage, ...rest } = answer.body as { stage: string };
      const renamed = { ...rest, phase: stage };
      expect(validator.check('GET', `/api/v1/cases/${caseId}`, 200, 'application/json', answer.body, answer.text)).toBeUndefined();
      expect(validator.check('GET', `/api/v1/cases/${caseId}`, 200, 'application/json', renamed, JSON.stringify(renamed))).toMatch(
        /ReadCase[\s\S]*must have required property 'stage'/,
      );
    });

    it('fails an answer the document declares no body for, saying how to declare it', () => {
      const validator = new ResponseValidator(withoutReadCaseBody(service.app.validator.document));
      const problem = validator.check('GET', `/api/v1/cases/${caseId}`, 200, 'application/json; charset=utf-8', { caseId }, JSON.stringify({ caseId }));
      expect(problem).toMatch(/declares no body for 200[\s\S]*@ReadRoute\(\{ operationId, summary, response/);
    });

    it('fails a status the document does not declare for the operation', () => {
      expect(service.app.validator.check('GET', `/api/v1/cases/${caseId}`, 418, undefined, undefined, '')).toMatch(
        /418, a status the OpenAPI document does not declare for ReadCase/,
      );
    });
  });
});
