import { DccOversightController } from '../../projections';
import { REQUIRED_ROLES } from '../http/roles';
import type { Role } from '../http/roles';

/** Who may read the oversight page: the roles of `GET /dashboards/dcc`, read from that route. */
export const OVERSEERS = (Reflect.getMetadata(REQUIRED_ROLES, DccOversightController.prototype.dashboard) ?? []) as readonly Role[];
