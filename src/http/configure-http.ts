import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { AppConfig } from '../config/configuration';

export const API_PREFIX = 'api/v1';

/** Everything about HTTP that is set on the application rather than in a module. */
export function configureHttp(app: INestApplication, _config: AppConfig): void {
  app.use(json({ limit: '1mb', type: ['application/json', 'application/*+json'] }));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'api/v1/health', method: RequestMethod.GET },
    ],
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Integrity Ledger')
      .setDescription('Event-sourced case ledger for police professional standards')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
