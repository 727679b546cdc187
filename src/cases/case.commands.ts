/**
 * The @nestjs/cqrs command for the case commands. The bus binds one handler to one class,
 * and every case command goes through the same load → decide → append, so one class
 * carries any of the 35 plain commands (case.command-types.ts, discriminated by `type`)
 * together with what the request says about who sends it and what they last saw.
 */
import { Command } from '@nestjs/cqrs';
import type { AppendResult } from '../event-store/event-store';
import type { CommandContext } from '../http';
import type { CaseCommand } from './case.command-types';

export class ExecuteCaseCommand extends Command<AppendResult> {
  constructor(
    readonly command: CaseCommand,
    /** Actor, If-Match revision, deterministic event ids and metadata. */
    readonly context: CommandContext,
  ) {
    super();
  }
}
