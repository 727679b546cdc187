/**
 * Who is deciding, as far as the rules of the case need to know it: the rights a writer
 * would have when opening a case, which a correction of the opening event must not exceed.
 * Pure data, so decide stays pure; the command handler makes it from the bearer token.
 */
import { ALL_FORCES } from '../access/case-access-policy';
import { SENSITIVITIES } from './case.enums';
import type { Sensitivity } from './case.enums';

export interface CaseWriter {
  /** The writer's force code, or `*` when they act for every force. */
  force: string;
  /** The sensitivities the writer's roles may see (src/access/case-access-policy.ts). */
  sensitivities: readonly Sensitivity[];
}

/**
 * A writer with every right: the default of `decide` where nobody in particular decides
 * (specs, recorded stories replayed). The HTTP path always passes the real writer.
 */
export const UNRESTRICTED_WRITER: CaseWriter = { force: ALL_FORCES, sensitivities: SENSITIVITIES };
