/** What controllers use from the HTTP plumbing. */
export type { Actor } from './actor';
export { CurrentActor } from './actor';
export { ApiCommand, ReadRoute } from './api-docs';
export { CommandContext } from './command-context';
export { commandResponse, CommandResponse, LEDGER_POSITION_HEADER } from './command-response';
export { Problem, problem } from './problem';
export { Public } from './public.decorator';
export { ReadsProjections, WAIT_FOR_POSITION_HEADER } from './read-your-writes';
export type { Role } from './roles';
export { Roles, ROLES } from './roles';
