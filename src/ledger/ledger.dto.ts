import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const MAX_TREE_SIZE = Number.MAX_SAFE_INTEGER;

export class InclusionProofQuery {
  @ApiProperty({ description: 'The event to prove (any event outside $ledger).', format: 'uuid' })
  @IsUUID()
  eventId!: string;

  @ApiPropertyOptional({ description: 'Prove against the seal of this tree size instead of the latest seal.', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREE_SIZE)
  treeSize?: number;
}

export class ConsistencyProofQuery {
  @ApiProperty({ description: 'Tree size of the earlier seal.', minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREE_SIZE)
  from!: number;

  @ApiProperty({ description: 'Tree size of the later seal.', minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREE_SIZE)
  to!: number;
}
