import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IdField } from '../common/dto-fields';

const MAX_TREE_SIZE = Number.MAX_SAFE_INTEGER;

export class InclusionProofQuery {
  @IdField({ description: 'The event to prove (any event outside $ledger).' })
  eventId!: string;

  @ApiPropertyOptional({ description: 'Prove against the seal of this tree size instead of the latest seal.', type: 'integer', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREE_SIZE)
  treeSize?: number;
}

export class ConsistencyProofQuery {
  @ApiProperty({ description: 'Tree size of the earlier seal.', type: 'integer', minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREE_SIZE)
  from!: number;

  @ApiProperty({ description: 'Tree size of the later seal.', type: 'integer', minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREE_SIZE)
  to!: number;
}
