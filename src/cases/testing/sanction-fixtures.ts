/** Sanction histories for the specs of the rules that read them (sanction-history.ts). */
import { earlierSanction } from '../sanction-history';
import type { SanctionEntry } from '../sanction-history';

/** A final written warning from before the ledger, notified on `notifiedOn`, for the regulations' period. */
export function finalWrittenWarningNotified(notifiedOn: string): SanctionEntry {
  return earlierSanction({ force: 'HAMPSHIRE', sanctionId: 'sanction-1', kind: 'FINAL_WRITTEN_WARNING', notifiedOn });
}
