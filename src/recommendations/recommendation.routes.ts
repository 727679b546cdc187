/** Who records recommendations (recommendation.controller.ts) and who reads them (the recommendations read model). */
import type { Role } from '../http';

/** The force records recommendations made to it and what it does about them; inspectors and auditors read. */
export const RECOMMENDATION_RECORDERS: readonly Role[] = ['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY', 'DCC'];
export const RECOMMENDATION_READERS: readonly Role[] = [...RECOMMENDATION_RECORDERS, 'INSPECTOR', 'AUDITOR'];
