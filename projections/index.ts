import { ProjectionDefinition } from './runner/projection';

/** Every read model the service runs. A projection folder adds itself here. */
export const PROJECTIONS: ProjectionDefinition[] = [];
