/**
 * The erasure page, `/erasure` (docs/web.md, "Erasure"), an ADMIN's: the erasure requests
 * waiting for a second ADMIN, read through `GET /erasure-requests`'s own method (ids, states,
 * users and instants: an ADMIN reads no person), each with the forms of its approval and
 * withdrawal, and a form to ask for one; the waiting period and the two-ADMIN rule stated.
 * The forms are derived from the erasure command routes (`POST /people/{personId}/erasure`,
 * `…/erasure/approval`, `…/erasure/withdrawal`, src/vault/erasure.controller.ts) as the
 * alerts' are, at `/erasure/steps/...` (command-step-pages.ts): asking names the person on
 * the form, approving and withdrawing are about a listed request; refused with the erasure
 * rule book's words and source (form-refusal.ts).
 */
import { Controller, Get, Inject, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { formatDuration, intervalToDuration } from 'date-fns';
import type { Response } from 'express';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { CurrentActor } from '../http';
import type { Actor } from '../http';
import { ErasureRequestsController } from '../../projections';
import type { ErasureRequestPage } from '../../projections';
import { ApiReads, AsApiRead } from './api-reads';
import { CommandForms } from './command-forms';
import { CommandStepPages, isAboutOne, offeredSteps, recordedStep, stepLink } from './command-step-pages';
import type { StepPlace } from './command-step-pages';
import type { PageRequest } from './configure-pages';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { ERASURE_RULES } from '../vault/erasure';
import { WebSessions } from './web-sessions';

/** The erasure command routes' root in the API: asking is the route at it, approving and withdrawing the routes under it. */
export const ERASURE_ROUTES = 'people/{personId}/erasure';

/** Where the erasure forms live: `/erasure/steps/...`; a person's id is a register id, `case-<caseId>` or `recommendation-<id>`. */
export const ERASURE_STEPS: StepPlace = {
  root: '/erasure',
  resource: ERASURE_ROUTES,
  title: 'Erasure of personal data',
  section: 'erasure',
  records: 'erasure request',
  ids: /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/,
  asked: {
    personId: {
      label: 'Person id',
      hint: "A register person id, case-<case id> for the people a case's free text is about, or recommendation-<id> for a recommendation's",
    },
  },
};

@ApiExcludeController()
@Controller('erasure')
@UseFilters(PageErrorFilter)
export class ErasurePagesController extends CommandStepPages {
  constructor(
    pages: PageRenderer,
    private readonly reads: ApiReads,
    forms: CommandForms,
    sessions: WebSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(pages, forms, sessions, ERASURE_STEPS);
  }

  /** The requests waiting for approval, each with its forms; the form to ask for one; the rules. */
  @Get()
  @AsApiRead(ErasureRequestsController, 'list')
  async requests(@Req() request: PageRequest, @Res() response: Response, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<void> {
    const waiting = await this.reads.read<ErasureRequestsController, ErasureRequestPage>(ErasureRequestsController, 'list', { request, response });
    const steps = offeredSteps(this.forms, ERASURE_STEPS, actor);
    const about = steps.filter((form) => isAboutOne(ERASURE_STEPS, form));
    this.pages.render(request, response, 'erasure', {
      title: ERASURE_STEPS.title,
      section: 'erasure',
      recorded: recordedStep(this.forms, ERASURE_STEPS, actor, query.recorded),
      rules: this.warning(),
      requests: waiting.items.map((item) => ({ ...item, steps: about.map((form) => stepLink(ERASURE_STEPS, form, item.personId)) })),
      total: waiting.total,
      newSteps: steps.filter((form) => !isAboutOne(ERASURE_STEPS, form)).map((form) => stepLink(ERASURE_STEPS, form)),
    });
  }

  /** The two-ADMIN rule and the waiting period (LEDGER_ERASURE_DELAY_SECONDS, for requests asked now), in words: on the page and every form. */
  protected override warning(): string {
    const seconds = this.config.erasureDelaySeconds;
    const period = seconds === 0 ? 'none is set' : formatDuration(intervalToDuration({ start: 0, end: seconds * 1000 }));
    return (
      `Nothing is erased when it is asked for. Another ADMIN of the force than the one who asked approves it, once its waiting period ` +
      `(${period}) has passed; until then any ADMIN of the force may withdraw it. Approval destroys the person's key: their personal data ` +
      `can never be read again (${ERASURE_RULES.sameRequester.source}).`
    );
  }
}
