import { TextField } from '../../common/dto-fields';
import { OneOfField } from '../../common/dto-fields';
import { CONFLICT_NATURES } from '../../registers/registers.enums';
import type { ConflictNature } from '../../registers/registers.enums';

export const CONFLICT_DETAILS_MAX_LENGTH = 500;

/** `POST /cases/{caseId}/conflicts`: the declaring user is the token's `sub`, never a field. */
export class DeclareConflictBody {
  @OneOfField(CONFLICT_NATURES)
  nature!: ConflictNature;

  @TextField(CONFLICT_DETAILS_MAX_LENGTH, { optional: true, description: 'What the conflict is, in a sentence or two.' })
  details?: string;
}
