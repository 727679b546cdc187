import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, loadConfiguration } from './configuration';

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** The service loads from the environment; tests and tools pass their own. */
  static forRoot(config: AppConfig = loadConfiguration()): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
