/**
 * Nunjucks over the pages' views (src/web/views) and the design systems' own macros
 * (govuk-frontend, @ministryofjustice/frontend), autoescaped. Every page gets the signed-in
 * actor, the session's CSRF token and whether the development sign-in is on.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import nunjucks from 'nunjucks';
import path from 'node:path';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { CommandForms } from './command-forms';
import { projectRoot } from './configure-pages';
import type { PageRequest } from './configure-pages';
import { longDay, words } from './form-view';
import { AlertsController, CaseStatusController, ErasureRequestsController, IntegrityRecordController } from '../../projections';
import type { Actor } from '../http';
import { mayRead } from './api-reads';
import { inspectionTabs } from './inspection-tabs';
import { OVERSEERS } from './oversight-roles';
import { SEARCH_ROLES } from '../../projections';

/** Development sign-in is offered only while the public development secret is what signs tokens, and no identity provider is configured. */
export function developmentSignInAllowed(config: AppConfig): boolean {
  return config.jwt.usingDevelopmentSecret && config.jwt.jwksUrl === undefined && config.oidc === undefined && !config.production;
}

const INSTANT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

@Injectable()
export class PageRenderer {
  readonly developmentSignIn: boolean;
  readonly oidcSignIn: boolean;
  private readonly environment: nunjucks.Environment;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly forms: CommandForms,
  ) {
    this.developmentSignIn = developmentSignInAllowed(config);
    this.oidcSignIn = config.oidc !== undefined;
    const root = projectRoot();
    this.environment = new nunjucks.Environment(
      new nunjucks.FileSystemLoader(
        [path.join(root, 'src/web/views'), path.join(root, 'node_modules/govuk-frontend/dist'), path.join(root, 'node_modules/@ministryofjustice/frontend')],
        { noCache: false },
      ),
      { autoescape: true, throwOnUndefined: false },
    );
    this.environment.addFilter('words', words);
    this.environment.addFilter('day', longDay);
    this.environment.addFilter('instant', (value: unknown) => (typeof value === 'string' ? INSTANT.format(new Date(value)) : ''));
  }

  /**
   * Where a signed-in reader starts: the case list for those who may list cases; an ADMIN (who
   * reads no case) the erasure page; an inspector or auditor of figures only, the inspection.
   */
  landingOf(actor: Actor): string {
    if (mayRead(actor, CaseStatusController, 'list')) return '/casework';
    if (mayRead(actor, ErasureRequestsController, 'list')) return '/erasure';
    if (inspectionTabs(actor).length > 0) return '/inspection';
    return '/casework';
  }

  render(request: PageRequest, response: Response, view: string, context: Record<string, unknown>, status = 200): void {
    const session = request.page?.session;
    const opening = this.forms.opening();
    const html = this.environment.render(`${view}.njk`, {
      ...context,
      actor: session?.actor,
      csrfToken: session?.csrfToken ?? request.page?.signInToken,
      developmentSignIn: this.developmentSignIn,
      oidcSignIn: this.oidcSignIn,
      mayListCases: mayRead(session?.actor, CaseStatusController, 'list'),
      maySearch: session !== undefined && session.actor.roles.some((role) => SEARCH_ROLES.includes(role)),
      mayInspect: inspectionTabs(session?.actor).length > 0,
      mayReadPeople:
        mayRead(session?.actor, IntegrityRecordController, 'read') ||
        this.forms.registerSteps().some((form) => session !== undefined && form.roles.some((role) => session.actor.roles.includes(role))),
      mayOversee: session !== undefined && session.actor.roles.some((role) => OVERSEERS.includes(role)),
      mayReadAlerts: mayRead(session?.actor, AlertsController, 'list'),
      mayErase: mayRead(session?.actor, ErasureRequestsController, 'list'),
      mayRecordWorkforce: this.forms
        .stepsUnder('workforce')
        .some((form) => session !== undefined && form.roles.some((role) => session.actor.roles.includes(role))),
      mayOpenCases: session !== undefined && opening !== undefined && opening.roles.some((role) => session.actor.roles.includes(role)),
    });
    response.status(status).setHeader('Cache-Control', 'no-store');
    response.type('html').send(html);
  }
}
