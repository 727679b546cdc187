/**
 * The forms of the recommendation command routes (`POST /recommendations`, and a
 * recommendation's response, actions and completion under `/recommendations/{recommendationId}`),
 * at `/inspection/recommendations/steps/...`, derived from the routes as the alerts' are
 * (command-step-pages.ts). The list they belong to, each recommendation with its forms, is the
 * inspection's Recommendations page (inspection.controller.ts).
 */
import { Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CommandForms } from './command-forms';
import { CommandStepPages } from './command-step-pages';
import type { StepPlace } from './command-step-pages';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { WebSessions } from './web-sessions';

/** Where the recommendation forms live: the command routes under `/api/v1/recommendations`. */
export const RECOMMENDATION_STEPS: StepPlace = {
  root: '/inspection/recommendations',
  resource: 'recommendations',
  title: 'Recommendations',
  section: 'inspection',
  records: 'recommendation',
};

@ApiExcludeController()
@Controller('inspection/recommendations')
@UseFilters(PageErrorFilter)
export class RecommendationPagesController extends CommandStepPages {
  constructor(pages: PageRenderer, forms: CommandForms, sessions: WebSessions) {
    super(pages, forms, sessions, RECOMMENDATION_STEPS);
  }
}
