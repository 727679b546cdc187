import { Module } from '@nestjs/common';
import { commandController } from '../shared/command-routes';
import { PERSON_REGISTERS } from './person.stream';
import { REGISTER_ROUTES } from './registers.routes';

/** `POST /people/{personId}/...`: the register commands (docs/api.md, "Registers, recommendations, workforce"). */
export const RegistersController = commandController({
  path: 'people',
  tag: 'registers',
  name: 'RegistersController',
  slice: PERSON_REGISTERS,
  routes: REGISTER_ROUTES,
  aggregateId: 'personId',
});

/** The register commands' HTTP routes, sent to the one write path (src/shared/write-path.ts). */
@Module({
  controllers: [RegistersController],
})
export class RegistersModule {}
