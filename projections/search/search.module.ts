import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { SearchController } from './search.controller';
import { SearchQueries } from './search.queries';
import { SearchService } from './search.service';

/** `GET /search`; the projection runs in the ProjectionsModule. */
@Module({
  imports: [AccessModule],
  controllers: [SearchController],
  providers: [SearchQueries, SearchService],
  // The search page (src/web) runs the same search.
  exports: [SearchService],
})
export class SearchModule {}
