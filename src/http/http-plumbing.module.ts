import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AuthenticationGuard } from './authentication';
import { CommandResponseInterceptor } from './command-response';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency-store';
import { ProblemFilter } from './problem.filter';
import { WaitForPositionInterceptor } from './read-your-writes';
import { RolesGuard } from './roles.guard';
import { createValidationPipe } from './validation';

/**
 * Guards, filter, pipe and interceptors every route shares. The middlewares that must run
 * before routing (correlation id, authentication, JSON body) are set in configureHttp.
 */
@Module({
  providers: [
    IdempotencyStore,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    // Each interceptor stands on its own; the order only decides that a read waits before it runs.
    { provide: APP_INTERCEPTOR, useClass: WaitForPositionInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: CommandResponseInterceptor },
  ],
})
export class HttpPlumbingModule {}
