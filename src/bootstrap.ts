import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule, AppModuleImport } from './app.module';
import { AppConfig } from './config/configuration';
import { DatabaseHandle } from './database/database';
import { configureHttp } from './http/configure-http';
import { setLegalDays } from './common/days';
import type { DestinationStream } from 'pino';

/** Builds the whole service on an open database; used by main.ts and by the tests. */
export async function createApp(
  config: AppConfig,
  database: DatabaseHandle,
  options: { extraModules?: AppModuleImport[]; logDestination?: DestinationStream; logger?: LoggerService } = {},
): Promise<INestApplication> {
  setLegalDays(config.legalDays);
  const app = await NestFactory.create(AppModule.forRoot({ config, database, extraModules: options.extraModules }), {
    logger: options.logger ?? ['error', 'warn'],
    bodyParser: false,
  });
  configureHttp(app, config, { logDestination: options.logDestination });
  return app;
}
