/** The path parameters of the case command routes: UUIDs, refused with a 400 naming the field otherwise. */
import { IdField } from '../../common/dto-fields';

export class CaseParams {
  @IdField()
  caseId!: string;
}

export class SubjectParams extends CaseParams {
  @IdField({ description: 'Chosen by the client in POST /cases/{caseId}/subjects' })
  subjectId!: string;
}
