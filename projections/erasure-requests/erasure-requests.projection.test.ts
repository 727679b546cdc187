/**
 * The erasure requests read model, given / when / then: a request waiting, then approved or
 * withdrawn, kept with who asked and who closed it, and a request asked again after a withdrawal.
 */
import { projectionSpec, SpecLedger } from '../runner/testing/projection-spec';
import { erasureRequestsProjection } from './erasure-requests.projection';

const PERSON = 'case-0f6c1c6e-7d1a-4c55-9a43-5b1e1f7a9d10';
const STREAM = `vault-${PERSON}`;
const by = (userId: string) => ({ actor: { userId, roles: ['ADMIN'], force: 'HAMPSHIRE' } });
const requested = (requestedBy: string, requestedAt: string) => ({
  personId: PERSON,
  force: 'HAMPSHIRE',
  reason: 'Right to erasure, UK GDPR art. 17: request granted',
  requestedBy,
  requestedAt,
  requestedOn: requestedAt.slice(0, 10),
  approvableFrom: '2025-03-02T09:00:00.000Z',
});

describe('the erasure requests projection', () => {
  const spec = projectionSpec(erasureRequestsProjection);

  it('keeps a request waiting, then approved, with who asked and who approved it, and no reason', async () => {
    const ledger = new SpecLedger();
    await spec
      .given([ledger.record(STREAM, 'ErasureRequested', requested('admin-1', '2025-03-01T09:00:00.000Z'), by('admin-1'))])
      .when([
        ledger.record(
          STREAM,
          'ErasureApproved',
          { personId: PERSON, reason: 'Checked', approvedBy: 'admin-2', approvedAt: '2025-03-02T10:00:00.000Z', approvedOn: '2025-03-02' },
          by('admin-2'),
        ),
      ])
      .then(async (tables) => {
        const rows = await tables.rows<{ state: string; item: Record<string, unknown> }>('SELECT state, item FROM erasure_requests');
        expect(rows).toEqual([
          {
            state: 'APPROVED',
            item: {
              personId: PERSON,
              force: 'HAMPSHIRE',
              state: 'APPROVED',
              requestedBy: 'admin-1',
              requestedAt: '2025-03-01T09:00:00.000Z',
              approvableFrom: '2025-03-02T09:00:00.000Z',
              closedBy: 'admin-2',
              closedAt: '2025-03-02T10:00:00.000Z',
            },
          },
        ]);
      });
  });

  it('waits again when asked again after a withdrawal', async () => {
    const ledger = new SpecLedger();
    await spec
      .given([
        ledger.record(STREAM, 'ErasureRequested', requested('admin-1', '2025-03-01T09:00:00.000Z'), by('admin-1')),
        ledger.record(
          STREAM,
          'ErasureWithdrawn',
          { personId: PERSON, reason: 'Withdrawn', withdrawnBy: 'admin-2', withdrawnAt: '2025-03-01T12:00:00.000Z', withdrawnOn: '2025-03-01' },
          by('admin-2'),
        ),
      ])
      .when([ledger.record(STREAM, 'ErasureRequested', requested('admin-3', '2025-03-05T09:00:00.000Z'), by('admin-3'))])
      .then(async (tables) => {
        const rows = await tables.rows<{ state: string; item: Record<string, unknown> }>('SELECT state, item FROM erasure_requests');
        expect(rows).toMatchObject([{ state: 'WAITING', item: { requestedBy: 'admin-3', closedBy: null, closedAt: null } }]);
      });
  });
});
