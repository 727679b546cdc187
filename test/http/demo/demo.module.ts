import { Module } from '@nestjs/common';
import { DemoController } from './demo.controller';

/** Mounted by the HTTP plumbing tests through startTestApp's `extraModules`. */
@Module({ controllers: [DemoController] })
export class DemoModule {}
