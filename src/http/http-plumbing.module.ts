import { Module } from '@nestjs/common';

/** Guards, filters and interceptors every route shares. */
@Module({})
export class HttpPlumbingModule {}
