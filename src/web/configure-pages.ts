/**
 * What the pages need set on the application (called by configureHttp, so `npm start` and the
 * tests' app are one): their assets from the design systems' packages (never a CDN), and the
 * middleware that makes a page request's actor from its session cookie, reads its form, and
 * checks its CSRF token. The API's bearer tokens mean nothing on a page path, and a session
 * cookie nothing on an API path.
 */
import express from 'express';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import type { LedgerRequest } from '../http/actor';
import { isUuid } from '../http/uuid';
import { randomToken, sameToken, SESSION_IDLE_MINUTES, WebSessions } from './web-sessions';
import type { WebSession } from './web-sessions';

/** The first path segments the pages answer on; everything else is the API's, /health or an asset. */
export const PAGE_ROOTS = [
  'sign-in',
  'sign-out',
  'casework',
  'oversight',
  'find',
  'inspection',
  'integrity',
  'early-intervention',
  'erasure',
  'force-workforce',
] as const;
export const SESSION_COOKIE = 'ledger_session';
/** Before sign-in there is no session: the sign-in form's CSRF token is checked against this cookie. */
export const SIGN_IN_COOKIE = 'ledger_sign_in';
export const CSRF_FIELD = '_csrf';
/** Between sending a user to the identity provider and their return: the state, nonce and PKCE verifier. */
export const OIDC_COOKIE = 'ledger_oidc';
/** The largest form the pages read. */
const FORM_LIMIT = '200kb';

/** A page request, as the pages' middleware leaves it. */
export interface PageRequest extends LedgerRequest {
  /** `csrfToken`: the token a multipart form (a document's upload) must carry, checked by its route once multer has read it. */
  page?: { session?: WebSession; signInToken: string; secure: boolean; csrfToken?: string };
}

/** A document's upload on the case page or a person's record (document-pages.controller.ts): a multipart form, read by its route. */
export function isDocumentUpload(request: Request): boolean {
  return request.method === 'POST' && /^\/(casework|integrity)\/[^/]+\/documents$/.test(request.path) && request.is('multipart/form-data') !== false;
}

export function isPagePath(pathname: string): boolean {
  if (pathname === '/') return true;
  const first = pathname.split('/')[1] ?? '';
  return (PAGE_ROOTS as readonly string[]).includes(first);
}

/** The project's root (where package.json is): the views and node_modules are found from it, under ts-node and from dist/ alike. */
export function projectRoot(from = __dirname): string {
  for (let directory = from; ; directory = path.dirname(directory)) {
    if (fs.existsSync(path.join(directory, 'package.json'))) return directory;
    if (path.dirname(directory) === directory) throw new Error(`no package.json above ${from}`);
  }
}

export function configurePages(app: INestApplication): void {
  const root = projectRoot();
  const modules = path.join(root, 'node_modules');
  const assets = { immutable: false, maxAge: '1h', index: false } as const;
  app.use('/assets/govuk', express.static(path.join(modules, 'govuk-frontend/dist/govuk'), assets));
  app.use('/assets/moj', express.static(path.join(modules, '@ministryofjustice/frontend/moj'), assets));
  app.use('/assets/app', express.static(path.join(root, 'src/web/public'), assets));
  // The GOV.UK template asks for its fonts, images and manifest under /assets.
  app.use('/assets', express.static(path.join(modules, 'govuk-frontend/dist/govuk/assets'), assets));
  app.use(pageMiddleware(app.get(WebSessions)));
}

/** Names the browser may not set on a page request: the pages set them from the session. */
const SESSION_HEADERS = ['authorization', 'x-access-purpose', 'idempotency-key', 'if-match'];

function pageMiddleware(sessions: WebSessions) {
  const readForm = express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 2000 });
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!isPagePath(request.path)) return next();
    const page = request as PageRequest;
    for (const name of SESSION_HEADERS) delete request.headers[name];
    // Only the session says who is asking on a page (a bearer token was read by the API's middleware).
    delete page.actor;
    page.authenticationProblem = 'Sign in to use the pages.';
    const cookies = parseCookies(request.headers.cookie);
    const secure = request.secure;
    const signInToken = cookies[SIGN_IN_COOKIE] ?? randomToken();
    if (cookies[SIGN_IN_COOKIE] === undefined) response.cookie(SIGN_IN_COOKIE, signInToken, cookieOptions(secure));
    const token = cookies[SESSION_COOKIE];
    const found = token === undefined || token.length > 100 ? Promise.resolve(undefined) : sessions.find(token);
    found
      .then(async (session) => {
        page.page = { session, signInToken, secure };
        if (session) {
          page.actor = session.actor;
          // The idle timeout restarts with each request, and so does the cookie's life.
          response.cookie(SESSION_COOKIE, token, { ...cookieOptions(secure), maxAge: SESSION_IDLE_MINUTES * 60_000 });
          const record = recordOfPath(request.path);
          if (record !== undefined && session.purposes[record.id] === undefined && request.method === 'GET') {
            // The purpose is asked before the record is read, so no read goes without one (nor is recorded refused for want of it).
            return response.redirect(303, `/${record.root}/${record.id}/purpose?then=${encodeURIComponent(request.originalUrl)}`);
          }
          setReadHeaders(request, session);
          if (session.lastPosition !== null && request.method === 'GET') await sessions.rememberPosition(session, null);
        } else if (token !== undefined) response.clearCookie(SESSION_COOKIE, cookieOptions(secure));
        if (request.method !== 'POST') return next();
        if (isDocumentUpload(request)) {
          // Its route reads the form (multer, with the size limit) and checks this token before anything else.
          page.page.csrfToken = session?.csrfToken ?? signInToken;
          return next();
        }
        readForm(request, response, (error?: unknown) => {
          if (error) return next(error);
          const form = (request.body ?? {}) as Record<string, unknown>;
          const expected = session?.csrfToken ?? signInToken;
          if (!sameToken(form[CSRF_FIELD], expected)) {
            response.status(403).type('text/plain').send('This form has expired or did not come from this service: go back, reload the page and try again.');
            return;
          }
          next();
        });
      })
      .catch(next);
  };
}

/**
 * The record a page reads: a case (`/casework/{caseId}` and its steps) or a person's
 * integrity record (`/integrity/{personId}` and its entries), not the page that asks the
 * purpose for it. Its id is the key of the purpose stated for it in the session.
 */
function recordOfPath(pathname: string): { root: string; id: string } | undefined {
  const [, root, id, rest] = pathname.split('/');
  if ((root !== 'casework' && root !== 'integrity') || id === undefined || !isUuid(id) || rest === 'purpose') return undefined;
  return { root, id: id.toLowerCase() };
}

/** The purpose stated for the case or person the path names, and the position of the session's last command (read-your-writes). */
function setReadHeaders(request: Request, session: WebSession): void {
  const record = recordOfPath(request.path);
  const purpose = record === undefined ? undefined : session.purposes[record.id];
  // Header values are latin1 to Node: the purpose's UTF-8 bytes, as a client sends them (headerText reads them back).
  if (purpose !== undefined) request.headers['x-access-purpose'] = Buffer.from(purpose, 'utf8').toString('latin1');
  if (session.lastPosition !== null && request.method === 'GET') request.headers['x-wait-for-position'] = session.lastPosition;
}

export function cookieOptions(secure: boolean): express.CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' };
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (/^[A-Za-z0-9_-]+$/.test(value) && cookies[name] === undefined) cookies[name] = value;
  }
  return cookies;
}
