import { Module } from '@nestjs/common';
import { commandController } from '../shared/command-routes';
import { ExecuteRegisterCommand, ExecuteRegisterCommandHandler } from './person.stream';
import { REGISTER_ROUTES } from './registers.routes';

/** `POST /people/{personId}/...`: the register commands (docs/api.md, "Registers, recommendations, workforce"). */
export const RegistersController = commandController({
  path: 'people',
  tag: 'registers',
  name: 'RegistersController',
  message: ExecuteRegisterCommand,
  routes: REGISTER_ROUTES,
  aggregateId: 'personId',
});

/** The register commands: HTTP routes and the handler that decides and appends. */
@Module({
  controllers: [RegistersController],
  providers: [ExecuteRegisterCommandHandler],
})
export class RegistersModule {}
