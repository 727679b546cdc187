/**
 * The workforce page, `/force-workforce` (docs/web.md, "Workforce"; not `/workforce`, whose
 * first segment the API uses): a force's workforce returns and who joins and leaves it,
 * recorded through a form for every workforce command route (`POST /workforce/{force}/...`:
 * make a return, record a joiner, record a leaver), derived from the route and its body as the
 * alerts' are, at `/force-workforce/steps/...?force=` (command-step-pages.ts): nothing here
 * names a command. The force, the page's scope, is the actor's own or the one a national actor
 * names (`?force=`). The API has no read of the workforce yet (no `GET /workforce/...`), so
 * the page lists none, and a leaving names its person on the form.
 */
import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '../common/domain-error';
import { actsForForce, ALL_FORCES, FORCE_CODE } from '../common/force';
import { CurrentActor, problem } from '../http';
import type { Actor } from '../http';
import { roleRefusal } from '../http/roles.guard';
import { CommandForms } from './command-forms';
import { CommandStepPages, offeredSteps, recordedStep, stepLink } from './command-step-pages';
import type { StepPlace } from './command-step-pages';
import type { PageRequest } from './configure-pages';
import { formText } from './form-fields';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { WebSessions } from './web-sessions';

/** Where the workforce forms live: the command routes under `/api/v1/workforce`, each in the page's force. */
export const WORKFORCE_STEPS: StepPlace = {
  root: '/force-workforce',
  resource: 'workforce',
  title: 'Workforce',
  section: 'workforce',
  records: 'member of the workforce',
  scope: 'force',
  asked: { personId: { label: 'Person', hint: 'The pseudonymous id of the member of the workforce (their integrity record’s id)' } },
};

@ApiExcludeController()
@Controller('force-workforce')
@UseFilters(PageErrorFilter)
export class WorkforcePagesController extends CommandStepPages {
  constructor(pages: PageRenderer, forms: CommandForms, sessions: WebSessions) {
    super(pages, forms, sessions, WORKFORCE_STEPS);
  }

  /** The force's workforce forms; a national actor names the force first. Refused to a role that may send none of them. */
  @Get()
  workforce(@Req() request: PageRequest, @Res() response: Response, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): void {
    const steps = offeredSteps(this.forms, WORKFORCE_STEPS, actor);
    if (steps.length === 0) {
      const roles = [...new Set(this.forms.stepsUnder(WORKFORCE_STEPS.resource).flatMap((form) => form.roles))];
      throw roleRefusal(roles, actor) ?? new NotFoundError('There is no workforce page.');
    }
    const force = forceOfPage(actor, query.force);
    this.pages.render(request, response, 'workforce', {
      title: force === undefined ? 'Workforce' : `Workforce: ${force}`,
      section: 'workforce',
      force,
      namesForce: actor.force === ALL_FORCES,
      recorded: recordedStep(this.forms, WORKFORCE_STEPS, actor, query.recorded),
      steps: force === undefined ? [] : steps.map((form) => stepLink(WORKFORCE_STEPS, form, undefined, { force })),
    });
  }

  /** A form's force: the page's, which a national actor must have named. */
  protected override scopeOf(actor: Actor, query: Record<string, unknown>): Record<string, string> {
    const force = forceOfPage(actor, query.force);
    if (force === undefined) throw new NotFoundError('Choose the force on the workforce page first.');
    return { force };
  }
}

/**
 * The page's force: the actor's own, or the one a national actor names (none yet: undefined).
 * Another force's is refused as the routes would refuse it (403: a force's existence is no secret).
 */
function forceOfPage(actor: Actor, requested: unknown): string | undefined {
  const named = formText(requested).toUpperCase();
  if (named !== '' && !FORCE_CODE.test(named)) throw new NotFoundError('There is no such force.');
  if (named !== '' && !actsForForce(actor, named)) throw problem(403, 'forbidden', `You may record the workforce of ${actor.force} only.`);
  if (named !== '') return named;
  return actor.force === ALL_FORCES ? undefined : actor.force;
}
