import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
import { TestApp } from '../support/app';
import { bearer, PROBLEM_JSON, startDemoApp, TEST_JWT_SECRET } from './support';

const execFileAsync = promisify(execFile);

describe('HTTP authentication and roles', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startDemoApp();
  });

  afterAll(async () => {
    await app.close();
  });

  function signed(claims: object, options: jwt.SignOptions = {}, secret = TEST_JWT_SECRET): string {
    const lifetime = 'exp' in claims ? {} : { expiresIn: 600 };
    return `Bearer ${jwt.sign(claims, secret, { algorithm: 'HS256', ...lifetime, ...options })}`;
  }

  const valid = { sub: 'user-1', name: 'Test User', roles: ['DCC'], force: 'HAMPSHIRE' };

  it('refuses a request without a token with a 401 problem', async () => {
    const response = await app.http().get('/api/v1/demo/whoami');
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.body).toMatchObject({ status: 401, title: 'Unauthorized', detail: 'A bearer token is required.' });
    expect(response.body.type).toEqual(expect.any(String));
  });

  it.each([
    ['GET', '/api/v1/cases'],
    ['GET', '/api/v1/no-such-thing'],
    ['POST', '/api/v1/cases/not-there/close'],
    ['GET', '/API/V1/CASES'],
  ])('answers 401, not 404, to %s %s without a token', async (method, url) => {
    const response = await app.http()[method === 'GET' ? 'get' : 'post'](url);
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
  });

  it('answers 404 to an authenticated caller of a route that does not exist', async () => {
    const response = await app.http().get('/api/v1/no-such-thing').set('Authorization', bearer(app.config));
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it.each([
    ['a malformed Authorization header', 'Basic dXNlcjpwYXNz', /Bearer <token>/],
    ['a token that is not a JWT', 'Bearer not-a-jwt', /invalid/],
    ['an expired token', signed({ ...valid, exp: Math.floor(Date.now() / 1000) - 60 }), /expired/],
    ['a token signed with another secret', signed(valid, {}, 'another-secret-another-secret-another-secret'), /invalid signature/],
    ['a token naming an unknown role', signed({ ...valid, roles: ['DCC', 'SUPERUSER'] }), /role/],
    ['a token with no roles', signed({ ...valid, roles: [] }), /no roles/],
    ['a token whose roles are not a list', signed({ ...valid, roles: 'DCC' }), /no roles/],
    ['a token without a force', signed({ sub: 'user-1', name: 'Test User', roles: ['DCC'] }), /force/],
    ['a token without a name', signed({ sub: 'user-1', roles: ['DCC'], force: 'HAMPSHIRE' }), /name/],
    ['a token without a subject', signed({ name: 'Test User', roles: ['DCC'], force: 'HAMPSHIRE' }), /subject/],
    ['a token without an expiry', `Bearer ${jwt.sign(valid, TEST_JWT_SECRET, { algorithm: 'HS256' })}`, /expiry/],
    ['an unsigned token (alg none)', `Bearer ${jwt.sign(valid, '', { algorithm: 'none', expiresIn: 600 })}`, /invalid/],
    ['a token signed with HS512', signed(valid, { algorithm: 'HS512' }), /invalid algorithm/],
    // Issue 17, point 5: not yet valid (nbf an hour ahead, beyond the clock tolerance).
    ['a token not valid yet (nbf)', signed(valid, { notBefore: 3600 }), /not valid yet/],
  ])('refuses %s with 401', async (_case, authorization, detail) => {
    const response = await app.http().get('/api/v1/demo/whoami').set('Authorization', authorization);
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body.detail).toMatch(detail);
  });

  it('gives the controller the actor from the token', async () => {
    const response = await app
      .http()
      .get('/api/v1/demo/whoami')
      .set('Authorization', bearer(app.config, { userId: 'officer-7', name: 'Alex Reviewer', roles: ['DCC', 'AUDITOR'], force: '*' }));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ userId: 'officer-7', name: 'Alex Reviewer', roles: ['DCC', 'AUDITOR'], force: '*' });
  });

  it('refuses with 403 an actor who has none of the route’s roles', async () => {
    const response = await app
      .http()
      .get('/api/v1/demo/dcc-only')
      .set('Authorization', bearer(app.config, { roles: ['INSPECTOR', 'AUDITOR'] }));
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ status: 403, title: 'Forbidden', detail: expect.stringContaining('DCC') });
  });

  it('admits an actor who has one of the route’s roles', async () => {
    const response = await app
      .http()
      .get('/api/v1/demo/dcc-only')
      .set('Authorization', bearer(app.config, { roles: ['INSPECTOR', 'DCC'] }));
    expect(response.status).toBe(200);
  });

  it('refuses a command to a role the command does not allow', async () => {
    const response = await app
      .http()
      .post('/api/v1/demo/abc/items')
      .set('Authorization', bearer(app.config, { roles: ['INSPECTOR'] }))
      .send({ label: 'x' });
    expect(response.status).toBe(403);
  });

  it('does not read a stranger’s body: malformed or oversized, it is still a 401', async () => {
    const malformed = await app.http().post('/api/v1/demo/abc/items').set('Content-Type', 'application/json').send('{"label": ');
    expect(malformed.status).toBe(401);
    const oversized = await app
      .http()
      .post('/api/v1/demo/abc/items')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ label: 'x'.repeat(2 * 1024 * 1024) }));
    expect(oversized.status).toBe(401);
  });

  it('serves /health, /api/docs and /api/docs-json without a token', async () => {
    const health = await app.http().get('/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    const docs = await app.http().get('/api/docs');
    expect(docs.status).toBe(200);
    const document = await app.http().get('/api/docs-json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toContain('/api/v1/demo/{demoId}/items');
    expect(document.body.security).toEqual([{ bearer: [] }]);
    expect(document.body.paths['/health'].get.security).toEqual([]);
  });

  it('serves /health even with a bad token', async () => {
    const response = await app.http().get('/health').set('Authorization', 'Bearer nonsense');
    expect(response.status).toBe(200);
  });

  describe('npm run token', () => {
    const script = path.resolve(__dirname, '../../scripts/token.ts');
    const tsNode = path.resolve(__dirname, '../../node_modules/.bin/ts-node');
    const run = (args: string[]) =>
      execFileAsync(tsNode, ['--transpile-only', script, ...args], { env: { ...process.env, LEDGER_JWT_SECRET: TEST_JWT_SECRET } });

    it('prints a token signed with the configured secret that the service accepts', async () => {
      const { stdout } = await run(['--role', 'DCC', '--role', 'AUDITOR', '--force', 'HAMPSHIRE', '--sub', 'dcc-1', '--name', 'Deputy', '--expires-in', '1h']);
      const token = stdout.trim();
      const claims = jwt.verify(token, TEST_JWT_SECRET, { algorithms: ['HS256'] }) as jwt.JwtPayload;
      expect(claims).toMatchObject({ sub: 'dcc-1', name: 'Deputy', roles: ['DCC', 'AUDITOR'], force: 'HAMPSHIRE' });
      expect(claims.exp! - claims.iat!).toBe(3600);

      const response = await app.http().get('/api/v1/demo/whoami').set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ userId: 'dcc-1', name: 'Deputy', roles: ['DCC', 'AUDITOR'], force: 'HAMPSHIRE' });
    });

    it('refuses an unknown role', async () => {
      await expect(run(['--role', 'SUPERUSER', '--force', 'HAMPSHIRE'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('unknown role') });
    });
  });
});
