import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, problem, ReadRoute, Roles } from '../http';
import type { Actor } from '../http';
import { ConsistencyProofQuery, InclusionProofQuery } from './ledger.dto';
import { LedgerService } from './ledger.service';
import { ProvableStreams } from './provable-streams';
import { ConsistencyProof, InclusionProof } from './proofs';
import { RecordedSeal } from './seal';
import type { SealPublicKeys } from './seal-trust';
import { VerifyResult } from './verify';

@ApiTags('ledger')
@Controller('ledger')
export class LedgerController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly provable: ProvableStreams,
  ) {}

  @Get('verify')
  @Roles('AUDITOR')
  @ReadRoute({ operationId: 'VerifyLedger', summary: 'Recompute every stream chain and every seal; name the first mismatch.', response: 'VerifyResult' })
  verify(): Promise<VerifyResult> {
    return this.ledger.verify();
  }

  @Get('public-key')
  @Roles('AUDITOR', 'INSPECTOR')
  @ReadRoute({
    operationId: 'ReadSealPublicKeys',
    summary: 'The Ed25519 public keys that sign the seals (the current one first): check a seal or a case export with them, outside the service.',
    response: 'SealPublicKeys',
  })
  publicKey(): SealPublicKeys {
    return this.ledger.publicKeys();
  }

  @Get('seals/latest')
  @Roles('AUDITOR', 'INSPECTOR')
  @ReadRoute({
    operationId: 'ReadLatestSeal',
    summary: 'The latest seal: tree size, Merkle root, position it covers, link to the seal before.',
    response: 'RecordedSeal',
    notFound: 'No seal yet.',
  })
  latestSeal(): Promise<RecordedSeal> {
    return this.ledger.latestSeal();
  }

  @Get('proofs/inclusion')
  @Roles('AUDITOR', 'INSPECTOR')
  @ReadRoute({
    operationId: 'ReadInclusionProof',
    response: 'InclusionProof',
    notFound: 'No such event the reader may prove, or not yet sealed, or no seal of that tree size.',
    summary:
      "RFC 9162 inclusion proof: the event is a leaf of a seal's tree (the latest seal unless treeSize names one). " +
      'An event of a case the reader may not read is answered as an unknown event (404).',
  })
  inclusionProof(@Query() query: InclusionProofQuery, @CurrentActor() actor: Actor): Promise<InclusionProof> {
    return this.ledger.inclusionProof(query.eventId, query.treeSize, (streamName) => this.provable.mayProve(actor, streamName));
  }

  @Get('proofs/consistency')
  @Roles('AUDITOR', 'INSPECTOR')
  @ReadRoute({
    operationId: 'ReadConsistencyProof',
    summary: "RFC 9162 consistency proof: the later seal's tree extends the earlier one's (sizes are seals' tree sizes).",
    response: 'ConsistencyProof',
    notFound: 'No seal of one of those tree sizes.',
  })
  consistencyProof(@Query() query: ConsistencyProofQuery): Promise<ConsistencyProof> {
    if (query.from > query.to) {
      throw problem(400, 'bad-request', 'from must not be larger than to.', { errors: [{ field: 'from', message: 'must not be larger than to' }] });
    }
    return this.ledger.consistencyProof(query.from, query.to);
  }
}
