/**
 * Who complains and who is complained about (docs/domain/regulations.md §8.2): the complainants'
 * (and, the same way, the subjects') protected characteristics,
 * counted from the vault at read time (they never enter a read model), and shown only as counts
 * with every count from 1 to SUPPRESSED_BELOW - 1 withheld (null), so that no complainant can be
 * picked out. A complaint that is anonymous, gave none, or whose complainant was erased is
 * counted as not given. The codes are unconfirmed (complaint.enums.ts), and so is the threshold.
 */
import { PROTECTED_CHARACTERISTICS } from '../../src/cases/complaint.enums';
import type { ProtectedCharacteristic, ProtectedCharacteristics } from '../../src/cases/complaint.enums';
import type { Confidence } from '../../src/common/confidence';

/** Counts below this (but above 0) are withheld: a common statistical disclosure control, assumed (✖). */
export const SUPPRESSED_BELOW = 5;

type Counted<K extends ProtectedCharacteristic> = Record<(typeof PROTECTED_CHARACTERISTICS)[K][number], number | null>;

export interface ComplainantDemographics {
  suppressedBelow: number;
  confidence: Confidence;
  /** Complaints logged in the period whose complainant (subjects of those complaints whose record) gave their characteristics. */
  given: number;
  /** Anonymous, none given, or erased. */
  notGiven: number;
  gender: Counted<'gender'>;
  ageBand: Counted<'ageBand'>;
  ethnicity: Counted<'ethnicity'>;
  disability: Counted<'disability'>;
}

const shown = (n: number): number | null => (n > 0 && n < SUPPRESSED_BELOW ? null : n);

function counted<K extends ProtectedCharacteristic>(key: K, all: readonly ProtectedCharacteristics[]): Counted<K> {
  const values: readonly string[] = PROTECTED_CHARACTERISTICS[key];
  return Object.fromEntries(values.map((value) => [value, shown(all.filter((characteristics) => characteristics[key] === value).length)])) as Counted<K>;
}

/** `each`: per complaint logged in the period, its characteristics, or null when not given. */
export function complainantDemographics(each: readonly (ProtectedCharacteristics | null)[]): ComplainantDemographics {
  const given = each.filter((characteristics): characteristics is ProtectedCharacteristics => characteristics !== null);
  return {
    suppressedBelow: SUPPRESSED_BELOW,
    confidence: 'UNCONFIRMED',
    given: given.length,
    notGiven: each.length - given.length,
    gender: counted('gender', given),
    ageBand: counted('ageBand', given),
    ethnicity: counted('ethnicity', given),
    disability: counted('disability', given),
  };
}
