/** Signing in to the pages and sending their forms over plain HTTP (supertest keeps the cookies). */
import request from 'supertest';
import type { Role } from '../../src/http/roles';
import type { TestApp } from '../support/app';

export type Agent = ReturnType<typeof request.agent>;

/** The value of a hidden field (or the first field) of that name in a page. */
export function fieldValue(html: string, name: string): string | undefined {
  return new RegExp(`name="${name.replace(/\./g, '\\.')}"[^>]*value="([^"]*)"`).exec(html)?.[1];
}

export function agentOf(service: TestApp): Agent {
  return request.agent(service.app.getHttpServer());
}

/** Development sign-in as this user; answers the agent holding the session cookie. */
export async function signInAs(service: TestApp, who: { userId: string; role: Role; force: string; name?: string }): Promise<Agent> {
  const agent = agentOf(service);
  const page = await agent.get('/sign-in').expect(200);
  await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: fieldValue(page.text, '_csrf'), userId: who.userId, name: who.name ?? 'A user', role: who.role, force: who.force })
    .expect(303)
    // The reader's first page: the case list, but for an ADMIN (erasure) or a reader of figures only.
    .expect('Location', /^\/(casework|erasure|inspection)$/);
  return agent;
}

/** States a purpose for the case in the agent's session. */
export async function statePurpose(agent: Agent, id: string, purpose: string, root: 'casework' | 'integrity' = 'casework'): Promise<void> {
  const page = await agent.get(`/${root}/${id}/purpose`).expect(200);
  await agent
    .post(`/${root}/${id}/purpose`)
    .type('form')
    .send({ _csrf: fieldValue(page.text, '_csrf'), purpose })
    .expect(303);
}

/** The step's form as drawn, and its fields to send back with `values`. */
export async function stepForm(agent: Agent, caseId: string, operationId: string): Promise<{ html: string; hidden: Record<string, string> }> {
  const page = await agent.get(`/casework/${caseId}/steps/${operationId}`).expect(200);
  const hidden: Record<string, string> = {};
  for (const name of ['_csrf', '_idempotencyKey', '_revision']) {
    const value = fieldValue(page.text, name);
    if (value !== undefined) hidden[name] = value;
  }
  return { html: page.text, hidden };
}
