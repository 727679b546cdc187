/** Who configures thresholds, who handles alerts (alert.controller.ts), and who reads them (projections/alerts). */
import type { Role } from '../http';

/** PSD (and the ACU) handle alerts: acknowledge and disposition them. */
export const ALERT_HANDLERS: readonly Role[] = ['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY'];
/** The force's thresholds are set by PSD or the DCC. */
export const ALERT_CONFIGURERS: readonly Role[] = [...ALERT_HANDLERS, 'DCC'];
/** The DCC sees the force's alerts; auditors may read them. */
export const ALERT_READERS: readonly Role[] = [...ALERT_CONFIGURERS, 'AUDITOR'];
