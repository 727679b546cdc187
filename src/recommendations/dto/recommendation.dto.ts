/** Bodies and path parameters of the recommendation routes. */
import { DayField, FlagField, IdField, LABEL_MAX_LENGTH, NARRATIVE_MAX_LENGTH, OneOfField, TextField, VAULT } from '../../common/dto-fields';
import { OptionalForceField } from '../../common/force';
import { RECOMMENDATION_SOURCES } from '../recommendation.events';
import type { RecommendationSource } from '../recommendation.events';

export class RecommendationParams {
  @IdField({ description: 'Given by POST /recommendations' })
  recommendationId!: string;
}

export class MakeRecommendationBody {
  @IdField({ optional: true, description: 'The new recommendation id; generated when absent' })
  recommendationId?: string;

  @OneOfField(RECOMMENDATION_SOURCES)
  source!: RecommendationSource;

  @OptionalForceField()
  force?: string;

  @DayField({ description: 'When the recommendation was made (the report or letter date)' })
  madeOn!: string;

  @DayField({ description: 'When it is to be carried out by' })
  dueOn!: string;

  @TextField(LABEL_MAX_LENGTH, { optional: true, description: "The maker's reference" })
  reference?: string;

  @TextField(NARRATIVE_MAX_LENGTH, { description: VAULT })
  text!: string;
}

export class RespondToRecommendationBody {
  @DayField()
  respondedOn!: string;

  @FlagField({ description: 'Does the force accept the recommendation?' })
  accepted!: boolean;

  @TextField(NARRATIVE_MAX_LENGTH, { description: `The response; for an accepted recommendation, the accepted action. ${VAULT}` })
  response!: string;
}

export class RecommendationActionBody {
  @DayField()
  on!: string;

  @TextField(NARRATIVE_MAX_LENGTH, { description: `What was done. ${VAULT}` })
  action!: string;
}

export class CompleteRecommendationBody {
  @DayField()
  completedOn!: string;
}
