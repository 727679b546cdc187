import { caseStatusProjection } from './case-status/case-status.projection';
import { ProjectionDefinition } from './runner/projection';
import { timelinessProjection } from './timeliness/timeliness.projection';

/** Every read model the service runs. A projection folder adds itself here. */
export const PROJECTIONS: ProjectionDefinition[] = [caseStatusProjection, timelinessProjection];

/** Read APIs served from projection folders, for the application module. */
export { CaseStatusModule } from './case-status/case-status.module';
export { CaseHistoryModule } from './case-history/case-history.module';
export { TimelinessModule } from './timeliness/timeliness.module';
export { DccOversightModule } from './dcc-oversight/dcc-oversight.module';
