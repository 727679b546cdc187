import { Module } from '@nestjs/common';
import { ErasureRequestsController } from './erasure-requests.controller';
import { ErasureRequestsQueries } from './erasure-requests.queries';

/** `GET /erasure-requests`; the projection runs in the ProjectionsModule. */
@Module({
  controllers: [ErasureRequestsController],
  providers: [ErasureRequestsQueries],
})
export class ErasureRequestsReadModule {}
