import { ProjectionParkedEvents1764410000000, ProjectionRunner1764000000100 } from '../../../projections/runner/projection-schema';
import { EventStore1764000000000 } from './1764000000000-event-store';
import { SetBasedAppend1764000000200 } from './1764000000200-set-based-append';
import { IdempotencyKeys1764100000000 } from './1764100000000-idempotency-keys';
import { LedgerMerkleTree1764250000000 } from './1764250000000-ledger-merkle-tree';
import { VaultKeys1764300000000 } from './1764300000000-vault-keys';
import { IdempotencyKeyOwner1765000000000 } from './1765000000000-idempotency-key-owner';
import { AppendAsOwner1765500000000 } from './1765500000000-append-as-owner';
import { WebSessions1766000000000 } from './1766000000000-web-sessions';
import { TrigramSearch1767000000000 } from './1767000000000-trigram-search';
import { SubjectPersonIndex1768000000000 } from './1768000000000-subject-person-index';

/** Every migration, in order. The service applies them at start; it never synchronises. */
export const MIGRATIONS = [
  EventStore1764000000000,
  ProjectionRunner1764000000100,
  SetBasedAppend1764000000200,
  IdempotencyKeys1764100000000,
  LedgerMerkleTree1764250000000,
  VaultKeys1764300000000,
  ProjectionParkedEvents1764410000000,
  IdempotencyKeyOwner1765000000000,
  AppendAsOwner1765500000000,
  WebSessions1766000000000,
  TrigramSearch1767000000000,
  SubjectPersonIndex1768000000000,
];
