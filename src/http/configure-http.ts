import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/configuration';
import { completeDocument } from './contract/complete-document';
import { authenticationMiddleware } from './authentication';
import { correlationMiddleware } from './correlation';
import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import type { DestinationStream } from 'pino';
import { rateLimitMiddleware } from './rate-limit';
import { applyServerTimeouts } from './server-timeouts';
import { jsonBodyMiddleware } from './request-body';
import { createRequestLogger, requestLogMiddleware } from './request-log';
import { configurePages, isPagePath, PAGE_ROOTS } from '../web/configure-pages';
import { CommandForms } from '../web/command-forms';
import { MULTIPART_PATHS } from '../documents/document-routes';

export const API_PREFIX = 'api/v1';

/** Paths served without a token, and so without a user to count: a load balancer's probe must never get 429. */
const UNLIMITED_PATHS = ['/health'];

/** Everything about HTTP that is set on the application rather than in a module. */
export function configureHttp(app: INestApplication, config: AppConfig, options: { logDestination?: DestinationStream } = {}): void {
  applyServerTimeouts(app.getHttpServer() as Server, config.http);
  // Whose address a request comes from behind a proxy (the rate limit counts anonymous requests by it).
  (app.getHttpAdapter().getInstance() as { set(setting: string, value: unknown): void }).set('trust proxy', config.trustProxy);
  // Security headers on every answer. The API docs page (Swagger UI) uses inline scripts and styles.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  // Order matters: authenticate before reading a body, so strangers' bodies are never parsed;
  // count a user's requests (rate limit) once the token says who they are.
  app.use(correlationMiddleware());
  app.use(requestLogMiddleware(createRequestLogger(config.logLevel, options.logDestination)));
  app.use(authenticationMiddleware(config.jwt));
  // The pages (src/web): their assets, and a page request's actor from its session, its form and CSRF check.
  configurePages(app);
  app.use(rateLimitMiddleware({ perUser: config.rateLimitPerMinute, perAnonymousAddress: config.anonymousRateLimitPerMinute }, Date.now, UNLIMITED_PATHS));
  const readJson = jsonBodyMiddleware(MULTIPART_PATHS);
  app.use((request: Request, response: Response, next: NextFunction) => (isPagePath(request.path) ? next() : readJson(request, response, next)));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: '/', method: RequestMethod.GET },
      ...PAGE_ROOTS.flatMap((root) => [root, `${root}/{*rest}`]),
    ],
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Integrity Ledger')
      .setDescription('Event-sourced case ledger for police professional standards')
      .setVersion('1')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  // Everything under the API prefix needs a token; what lies outside it (/health) does not.
  for (const [path, item] of Object.entries(document.paths)) {
    if (path.startsWith(`/${API_PREFIX}/`)) continue;
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (operation) operation.security = [];
    }
  }
  completeDocument(app, document, { publicPaths: UNLIMITED_PATHS });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  // The pages' step forms are read from the command routes' bodies in this document.
  app.get(CommandForms).load(document);
}
