import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { NotFoundError } from '../common/domain-error';
import { Problem } from '../http/problem';
import { PageRenderer } from './page-renderer';
import type { PageRequest } from './configure-pages';

const TITLES: Record<number, string> = {
  400: 'There is a problem with this request',
  403: 'You may not see this',
  404: 'Page not found',
  409: 'Someone else changed this',
  503: 'Sorry, the service is unavailable',
};

/**
 * A page's error is a page: a stranger is sent to sign in, a refusal says what the API's
 * problem says (its detail never holds personal data: src/http/problem.ts), anything
 * unexpected a bare apology with the correlation id, logged by class only.
 */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  constructor(private readonly pages: PageRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<PageRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    const status = exception instanceof HttpException ? exception.getStatus() : exception instanceof NotFoundError ? 404 : 500;
    if (status === 401) return response.redirect(303, '/sign-in');
    if (status >= 500 && status !== 503) {
      this.logger.error(
        `${exception instanceof Error ? exception.constructor.name : typeof exception} on a page, correlation id ${request.correlationId ?? 'unknown'}`,
      );
    }
    const detail = exception instanceof Problem ? exception.details.detail : undefined;
    const message =
      status === 404
        ? 'There is no such page or case, or you may not see it.'
        : status >= 500
          ? 'Something went wrong on our side.'
          : typeof detail === 'string'
            ? detail
            : 'The request was refused.';
    this.pages.render(
      request,
      response,
      'error',
      { title: TITLES[status] ?? 'Sorry, something went wrong', message, correlationId: status >= 500 ? request.correlationId : undefined },
      status,
    );
  }
}
