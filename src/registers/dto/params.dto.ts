/** The path parameters of the register routes: UUIDs, refused with a 400 naming the field otherwise. */
import { IdField } from '../../common/dto-fields';

export class PersonParams {
  @IdField({ description: 'Pseudonymous id of the member of the workforce (their `person-<id>` record)' })
  personId!: string;
}

export class BusinessInterestParams extends PersonParams {
  @IdField({ description: 'Given by POST /people/{personId}/business-interests' })
  businessInterestId!: string;
}

export class AssociationParams extends PersonParams {
  @IdField({ description: 'Given by POST /people/{personId}/associations' })
  associationId!: string;
}
