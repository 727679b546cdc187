/** Bodies of the notifiable-association routes (docs/events.md, "Register events"). */
import { DayField, IdField, OneOfField, REASON_MAX_LENGTH, TextField, VAULT } from '../../common/dto-fields';
import { ASSOCIATION_NATURES, ASSOCIATION_RISKS } from '../registers.enums';
import type { AssociationNature, AssociationRisk } from '../registers.enums';
import { RegisterEntryBody } from './business-interest.dto';

export class DeclareAssociationBody extends RegisterEntryBody {
  @IdField({ optional: true, description: 'The new association id; generated when absent' })
  associationId?: string;

  @DayField()
  declaredOn!: string;

  @OneOfField(ASSOCIATION_NATURES, { description: 'Who the associate is to the member of the workforce' })
  nature!: AssociationNature;

  @TextField(REASON_MAX_LENGTH, { description: `The associate, and why the association is notifiable. ${VAULT}` })
  person!: string;
}

export class AssessAssociationRiskBody extends RegisterEntryBody {
  @DayField()
  assessedOn!: string;

  @OneOfField(ASSOCIATION_RISKS)
  risk!: AssociationRisk;
}

export class EndAssociationBody extends RegisterEntryBody {
  @DayField()
  endedOn!: string;
}
