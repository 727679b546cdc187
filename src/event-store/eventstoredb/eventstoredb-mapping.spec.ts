import {
  AccessDeniedError,
  ANY,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START as CLIENT_START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import type { ExpectedRevision, ReadFilter, RecordedEvent } from '../event-store';
import { positionOf, START } from '../position';
import {
  appendResultFromReadBack,
  ClientRecordedEventLike,
  exactNamesRegex,
  fromClientExpectedRevision,
  isMaxAppendSizeExceededError,
  isRetryableSubscriptionError,
  isStreamNotFoundError,
  isSystemEvent,
  isWrongExpectedVersionError,
  judgeProbe,
  judgeWrongExpectedVersion,
  keepsEvent,
  prepareAppend,
  requirePosition,
  serverFilterFor,
  toActualRevision,
  toBigInt,
  toClientExpectedRevision,
  toClientReadPosition,
  toEventData,
  toGlobalPosition,
  toRecordedEvent,
  UnsupportedServerError,
} from './eventstoredb-mapping';

const ID_A = '0b8f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4';
const ID_B = '1c9f2d3e-4e5b-4c6d-9e7f-8091a2b3c4d5';
const ID_C = '2d0a3e4f-5f6c-4d7e-af80-91a2b3c4d5e6';

describe('EventStoreDB mapping', () => {
  describe('expected revision', () => {
    it.each<[ExpectedRevision, unknown]>([
      ['no_stream', NO_STREAM],
      ['stream_exists', STREAM_EXISTS],
      ['any', ANY],
      [0n, 0n],
      [41n, 41n],
    ])('maps %p to the client’s %p and back', (ours, theirs) => {
      expect(toClientExpectedRevision(ours)).toBe(theirs);
      expect(fromClientExpectedRevision(toClientExpectedRevision(ours))).toBe(ours);
    });

    it('reads the legacy numeric states and numbers where bigint was declared', () => {
      expect(fromClientExpectedRevision(-1n)).toBe('no_stream');
      expect(fromClientExpectedRevision(-2n)).toBe('any');
      expect(fromClientExpectedRevision(-4n)).toBe('stream_exists');
      expect(fromClientExpectedRevision(7)).toBe(7n);
      expect(fromClientExpectedRevision('7')).toBe(7n);
    });

    it('maps the actual revision: a revision, or no stream for "no_stream", -1 or nothing', () => {
      expect(toActualRevision(3n)).toBe(3n);
      expect(toActualRevision(3)).toBe(3n);
      expect(toActualRevision('3')).toBe(3n);
      expect(toActualRevision(NO_STREAM)).toBe('no_stream');
      expect(toActualRevision(-1n)).toBe('no_stream');
      expect(toActualRevision(undefined)).toBe('no_stream');
    });
  });

  describe('errors the client throws', () => {
    it('recognises WrongExpectedVersionError as the client builds it, with the actual revision', () => {
      const behind = new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 2n, current: 5n });
      expect(isWrongExpectedVersionError(behind)).toBe(true);
      expect(toActualRevision(behind.actualVersion)).toBe(5n);
      const missing = new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: STREAM_EXISTS, current: NO_STREAM });
      expect(toActualRevision(missing.actualVersion)).toBe('no_stream');
      expect(fromClientExpectedRevision(missing.expectedVersion)).toBe('stream_exists');
      // The legacy path reads the versions from gRPC metadata, where no stream is -1.
      const legacy = new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: -1n, current: -1n });
      expect(toActualRevision(legacy.actualVersion)).toBe('no_stream');
      expect(fromClientExpectedRevision(legacy.expectedVersion)).toBe('no_stream');
    });

    it('recognises the other errors by class and by their type tag', () => {
      expect(isStreamNotFoundError(new StreamNotFoundError(undefined, 'case-1'))).toBe(true);
      expect(isStreamNotFoundError({ type: 'stream-not-found' })).toBe(true);
      expect(isStreamNotFoundError(new Error('stream-not-found'))).toBe(false);
      expect(isWrongExpectedVersionError({ type: 'wrong-expected-version' })).toBe(true);
      expect(isMaxAppendSizeExceededError(MaxAppendSizeExceededError.fromMaxAppendSize(1024))).toBe(true);
    });

    it('retries a subscription after a dropped connection but not after a refusal', () => {
      expect(isRetryableSubscriptionError(new UnavailableError())).toBe(true);
      expect(isRetryableSubscriptionError(new UnknownError())).toBe(true);
      expect(isRetryableSubscriptionError(new Error('ECONNRESET'))).toBe(true);
      expect(isRetryableSubscriptionError(new AccessDeniedError())).toBe(false);
      expect(isRetryableSubscriptionError(new UnsupportedServerError('a read'))).toBe(false);
    });
  });

  describe('positions', () => {
    it('maps the client’s bigint commit and prepare positions', () => {
      expect(toGlobalPosition({ commit: 1274n, prepare: 1411n })).toEqual({ commit: 1274n, prepare: 1411n });
    });

    it('coerces numbers and decimal text where bigint was declared', () => {
      expect(toGlobalPosition({ commit: 1274, prepare: '1411' })).toEqual({ commit: 1274n, prepare: 1411n });
      expect(toBigInt(9007199254740991)).toBe(9007199254740991n);
      expect(() => toBigInt(1.5)).toThrow(RangeError);
      expect(() => toBigInt(2 ** 60)).toThrow(RangeError);
    });

    it('treats a missing position, or Position.End as older servers send it, as none', () => {
      expect(toGlobalPosition(undefined)).toBeUndefined();
      expect(toGlobalPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toBeUndefined();
      expect(() => requirePosition(undefined, 'an event')).toThrow(UnsupportedServerError);
    });

    it('starts reads after START at the client’s start, and after a position at that position', () => {
      expect(toClientReadPosition(START)).toBe(CLIENT_START);
      expect(toClientReadPosition({ commit: 10n, prepare: 12n })).toEqual({ commit: 10n, prepare: 12n });
    });
  });

  describe('filters', () => {
    it('treats $-typed events as EventStoreDB’s own, except in $ledger', () => {
      expect(isSystemEvent('$stats-127.0.0.1:2113', '$statsCollected')).toBe(true);
      expect(isSystemEvent('$ce-case', '$>')).toBe(true);
      expect(isSystemEvent('case-1', '$metadata')).toBe(true);
      expect(isSystemEvent('$ledger', '$sealed')).toBe(false);
      expect(isSystemEvent('$ledger', 'LedgerSealed')).toBe(false);
      expect(isSystemEvent('case-1', 'ReferralReceived')).toBe(false);
    });

    it('keeps what the filter names, exactly, and never a system event', () => {
      const noData = () => ({});
      const filter = { streamNamePrefixes: ['case-', '$ledger'], eventTypes: ['ReferralReceived', 'LedgerSealed'] };
      expect(keepsEvent(filter, 'case-1', 'ReferralReceived', noData)).toBe(true);
      expect(keepsEvent(filter, '$ledger', 'LedgerSealed', noData)).toBe(true);
      expect(keepsEvent(filter, 'person-1', 'ReferralReceived', noData)).toBe(false);
      expect(keepsEvent(filter, 'case-1', 'ReferralReceivedV2', noData)).toBe(false);
      expect(keepsEvent(filter, 'case-1', '$metadata', noData)).toBe(false);
      expect(keepsEvent(undefined, 'case-1', 'Anything', noData)).toBe(true);
      expect(keepsEvent(undefined, '$stats-x', '$statsCollected', noData)).toBe(false);
    });

    it('keeps an event whose data contains one of the patterns, and reads its data only then', () => {
      const filter: ReadFilter = { eventTypes: ['SubjectAdded'], dataContains: [{ personId: 'p1' }, { replacement: { personId: 'p1' } }] };
      expect(keepsEvent(filter, 'case-1', 'SubjectAdded', () => ({ personId: 'p1', subjectId: 's1' }))).toBe(true);
      expect(keepsEvent(filter, 'case-1', 'SubjectAdded', () => ({ replacement: { personId: 'p1' } }))).toBe(true);
      expect(keepsEvent(filter, 'case-1', 'SubjectAdded', () => ({ personId: 'p2' }))).toBe(false);
      expect(keepsEvent(filter, 'case-1', 'SubjectAdded', () => undefined)).toBe(false);
      const unread = jest.fn(() => ({ personId: 'p1' }));
      expect(keepsEvent(filter, 'case-1', 'CaseClosed', unread)).toBe(false);
      expect(unread).not.toHaveBeenCalled();
    });

    it('asks the server for stream prefixes when given, else an exact-type regex, else nothing', () => {
      expect(serverFilterFor({ streamNamePrefixes: ['case-'], eventTypes: ['A'] })).toEqual({ filterOn: 'streamName', prefixes: ['case-'] });
      expect(serverFilterFor({ eventTypes: ['A', 'B'] })).toEqual({ filterOn: 'eventType', regex: '^(?:A|B)$' });
      expect(serverFilterFor({})).toBeUndefined();
      expect(serverFilterFor(undefined)).toBeUndefined();
    });

    it('builds a regex that matches exactly the named types, dots and dollars included', () => {
      const regex = new RegExp(exactNamesRegex(['Case.Opened', '$ledger-Sealed', 'A']));
      expect(regex.test('Case.Opened')).toBe(true);
      expect(regex.test('CaseXOpened')).toBe(false);
      expect(regex.test('Case.Opened.v2')).toBe(false);
      expect(regex.test('$ledger-Sealed')).toBe(true);
      expect(regex.test('A')).toBe(true);
      expect(regex.test('AB')).toBe(false);
      expect(new RegExp(exactNamesRegex([])).test('')).toBe(false);
    });
  });

  describe('events', () => {
    const stored = (overrides: Partial<ClientRecordedEventLike> = {}): ClientRecordedEventLike => ({
      streamId: 'case-1',
      id: ID_A.toUpperCase(),
      revision: 4n,
      type: 'ReferralReceived',
      isJson: true,
      created: new Date('2025-01-02T03:04:05.000Z'),
      data: { caseId: '1' },
      metadata: { correlationId: 'c' },
      ...overrides,
    });

    it('maps a recorded event, with an empty hash: this engine keeps none', () => {
      expect(toRecordedEvent(stored(), positionOf(9n))).toEqual({
        streamName: 'case-1',
        revision: 4n,
        position: positionOf(9n),
        eventId: ID_A,
        type: 'ReferralReceived',
        data: { caseId: '1' },
        metadata: { correlationId: 'c' },
        recordedAt: '2025-01-02T03:04:05.000Z',
        hash: '',
      });
      expect(toRecordedEvent(stored({ metadata: undefined, revision: 4 }), positionOf(9n))).toMatchObject({ metadata: {}, revision: 4n });
    });

    it('refuses an event whose data is not a JSON object', () => {
      expect(() => toRecordedEvent(stored({ isJson: false, data: new Uint8Array([1]) }), positionOf(9n))).toThrow(/not a JSON object/);
      expect(() => toRecordedEvent(stored({ data: [1, 2] }), positionOf(9n))).toThrow(/not a JSON object/);
    });

    it('prepares an append as the PostgreSQL engine does (ids lower-cased, checked, generated when absent), plus no $ type outside $ledger', () => {
      const prepared = prepareAppend(
        'case-1',
        [
          { eventId: ID_A.toUpperCase(), type: 'A', data: { b: 1, a: 2 } },
          { type: 'B', data: {} },
        ],
        'any',
      );
      expect(prepared[0]).toMatchObject({ eventId: ID_A, canonicalData: '{"a":2,"b":1}', metadata: {} });
      expect(prepared[1].eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(toEventData(prepared[0])).toMatchObject({ id: ID_A, contentType: 'application/json', type: 'A', data: { b: 1, a: 2 } });
      expect(() => prepareAppend('case 1', [{ type: 'A', data: {} }], 'any')).toThrow(InvalidAppendError);
      expect(() => prepareAppend('case-1', [], 'any')).toThrow(InvalidAppendError);
      expect(() => prepareAppend('case-1', [{ type: 'A', data: {} }], -1n)).toThrow(InvalidAppendError);
      expect(() => prepareAppend('case-1', [{ eventId: 'x', type: 'A', data: {} }], 'any')).toThrow(InvalidAppendError);
      expect(() => prepareAppend('case-1', [{ type: 'A b', data: {} }], 'any')).toThrow(InvalidAppendError);
      // Readers never see $-typed events outside $ledger here, so none may be written there.
      expect(() => prepareAppend('case-1', [{ type: '$custom', data: {} }], 'any')).toThrow(InvalidAppendError);
      expect(prepareAppend('$ledger', [{ type: '$sealed', data: {} }], 'any')).toHaveLength(1);
      expect(() =>
        prepareAppend(
          'case-1',
          [
            { eventId: ID_A, type: 'A', data: {} },
            { eventId: ID_A, type: 'A', data: {} },
          ],
          'any',
        ),
      ).toThrow(InvalidAppendError);
    });
  });

  describe('idempotent retries', () => {
    const prepared = prepareAppend(
      'case-1',
      [
        { eventId: ID_A, type: 'A', data: { n: 1 } },
        { eventId: ID_B, type: 'B', data: { n: 2 } },
      ],
      'no_stream',
    );
    const recorded = (eventId: string, type: string, data: { n: number }, revision: bigint): RecordedEvent => ({
      streamName: 'case-1',
      revision,
      position: { commit: 100n, prepare: 100n + revision },
      eventId,
      type,
      data,
      metadata: { other: 'metadata' },
      recordedAt: '2025-01-01T00:00:00.000Z',
      hash: '',
    });

    it('returns the events read back, with their revisions and positions, when the content is the same', () => {
      const result = appendResultFromReadBack('case-1', prepared, [recorded(ID_A, 'A', { n: 1 }, 3n), recorded(ID_B, 'B', { n: 2 }, 4n)]);
      expect(result).toEqual({
        streamName: 'case-1',
        nextExpectedRevision: 4n,
        position: { commit: 100n, prepare: 104n },
        events: [
          { eventId: ID_A, type: 'A', revision: 3n, position: { commit: 100n, prepare: 103n } },
          { eventId: ID_B, type: 'B', revision: 4n, position: { commit: 100n, prepare: 104n } },
        ],
      });
    });

    it('refuses, naming the id, when EventStoreDB took an id reused for other content as a retry', () => {
      expect(() => appendResultFromReadBack('case-1', prepared, [recorded(ID_A, 'A', { n: 1 }, 0n), recorded(ID_B, 'B', { n: 3 }, 1n)])).toThrow(
        new DuplicateEventIdError('case-1', ID_B),
      );
      expect(() => appendResultFromReadBack('case-1', prepared, [recorded(ID_A, 'X', { n: 1 }, 0n), recorded(ID_B, 'B', { n: 2 }, 1n)])).toThrow(
        DuplicateEventIdError,
      );
      expect(() => appendResultFromReadBack('case-1', prepared, [recorded(ID_A, 'A', { n: 1 }, 0n)])).toThrow(DuplicateEventIdError);
    });

    it('reads a wrong version after `any` or `stream_exists` on an existing stream as a reused id', () => {
      expect(judgeWrongExpectedVersion('any', 0n, prepared)).toEqual({ kind: 'duplicate_event_id', eventId: ID_A });
      expect(judgeWrongExpectedVersion('stream_exists', 0n, prepared)).toEqual({ kind: 'duplicate_event_id', eventId: ID_A });
      expect(judgeWrongExpectedVersion('stream_exists', 'no_stream', prepared)).toEqual({ kind: 'wrong_expected_revision', actual: 'no_stream' });
    });

    it('looks after an exact revision the stream has passed before calling it a conflict', () => {
      expect(judgeWrongExpectedVersion(2n, 5n, prepared)).toEqual({ kind: 'probe', probeFrom: 3n, actual: 5n });
      expect(judgeWrongExpectedVersion('no_stream', 0n, prepared)).toEqual({ kind: 'probe', probeFrom: 0n, actual: 0n });
      expect(judgeWrongExpectedVersion(7n, 5n, prepared)).toEqual({ kind: 'wrong_expected_revision', actual: 5n });
      expect(judgeWrongExpectedVersion(0n, 'no_stream', prepared)).toEqual({ kind: 'wrong_expected_revision', actual: 'no_stream' });

      const conflict = judgeProbe('case-1', 2n, 5n, prepared, [recorded(ID_B, 'B', { n: 2 }, 3n)]);
      expect(conflict).toBeInstanceOf(WrongExpectedRevisionError);
      expect(conflict).toMatchObject({ expected: 2n, actual: 5n });
      const reused = judgeProbe('case-1', 2n, 5n, prepared, [recorded(ID_A, 'A', { n: 1 }, 3n), recorded(ID_C, 'C', { n: 9 }, 4n)]);
      expect(reused).toEqual(new DuplicateEventIdError('case-1', ID_B));
    });
  });
});
