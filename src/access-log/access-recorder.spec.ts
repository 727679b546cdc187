import type { EventStore, EventToAppend, ExpectedRevision } from '../event-store/event-store';
import { AccessRecorder } from './access-recorder';
import type { AccessEntry } from './access.events';

interface Append {
  streamName: string;
  events: EventToAppend[];
  expectedRevision: ExpectedRevision;
}

/** A store that records appends and fails while `down` is true. */
function fakeStore(): { store: EventStore; appends: Append[]; setDown(down: boolean): void } {
  const appends: Append[] = [];
  let down = false;
  const store = {
    appendToStream: async (streamName: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }) => {
      if (down) throw new Error('store unavailable');
      appends.push({ streamName, events, expectedRevision: options.expectedRevision });
      return { streamName, nextExpectedRevision: 0n, position: 0n, events: [] };
    },
  } as unknown as EventStore;
  return { store, appends, setDown: (value) => (down = value) };
}

function entry(n: number, at = '2026-11-24T10:00:00.000Z'): AccessEntry {
  return {
    kind: 'case',
    subjectId: `case-${n}`,
    userId: 'u',
    roles: ['DCC'],
    readerForce: 'KENT',
    force: 'KENT',
    purpose: 'p'.repeat(10),
    at,
    granted: true,
    reasonIfRefused: null,
  };
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const caseIds = (appends: Append[]): unknown[] => appends.flatMap((append) => append.events.map((event) => event.data.caseId));

describe('recording reads in batches', () => {
  it('appends a batch per day stream, with expectedRevision any, shortly after the reads', async () => {
    const { store, appends } = fakeStore();
    const recorder = new AccessRecorder(store);
    recorder.configure({ flushIntervalMs: 10 });
    await recorder.record(entry(1));
    await recorder.record(entry(2, '2026-11-25T00:00:01.000Z'));
    await recorder.record(entry(3));
    expect(appends).toHaveLength(0);
    await settle(40);
    expect(appends.map((append) => [append.streamName, append.events.length, append.expectedRevision])).toEqual([
      ['access-2026-11-24', 2, 'any'],
      ['access-2026-11-25', 1, 'any'],
    ]);
    expect(appends[0].events[0]).toMatchObject({ type: 'CaseAccessed', data: { caseId: 'case-1', role: ['DCC'], granted: true, reasonIfRefused: null } });
  });

  it('keeps what it could not append and retries until it can, losing nothing', async () => {
    const { store, appends, setDown } = fakeStore();
    const recorder = new AccessRecorder(store);
    recorder.configure({ flushIntervalMs: 5, retryMinMs: 5, retryMaxMs: 20 });
    setDown(true);
    for (let n = 1; n <= 3; n += 1) await recorder.record(entry(n));
    await settle(50);
    expect(recorder.pending).toBe(3);
    await recorder.record(entry(4));
    setDown(false);
    await settle(80);
    expect(recorder.pending).toBe(0);
    expect(caseIds(appends)).toEqual(['case-1', 'case-2', 'case-3', 'case-4']);
  });

  it('makes a read wait while the buffer is full, and fails it closed (503) if the store stays down', async () => {
    const { store, setDown } = fakeStore();
    const recorder = new AccessRecorder(store);
    recorder.configure({ flushIntervalMs: 5, retryMinMs: 5, retryMaxMs: 10, maxBuffered: 2, maxWaitMs: 60 });
    setDown(true);
    await recorder.record(entry(1));
    await recorder.record(entry(2));
    await expect(recorder.record(entry(3))).rejects.toMatchObject({ status: 503 });
    const waiting = recorder.record(entry(4));
    setDown(false);
    await expect(waiting).resolves.toBeUndefined();
    await recorder.flush();
    expect(recorder.pending).toBe(0);
  });

  it('serves a granted read only once its record is in the store, appended at once, not after the interval', async () => {
    const { store, appends } = fakeStore();
    const recorder = new AccessRecorder(store);
    recorder.configure({ flushIntervalMs: 60_000 });
    await Promise.all([recorder.recordDurably(entry(1)), recorder.recordDurably(entry(2))]);
    expect(caseIds(appends)).toEqual(['case-1', 'case-2']);
    expect(recorder.pending).toBe(0);
  });

  it('fails a granted read closed (503) when its record cannot be written, and writes the record later', async () => {
    const { store, appends, setDown } = fakeStore();
    const recorder = new AccessRecorder(store);
    recorder.configure({ flushIntervalMs: 5, retryMinMs: 5, retryMaxMs: 10, maxWaitMs: 60 });
    setDown(true);
    await expect(recorder.recordDurably(entry(1))).rejects.toMatchObject({ status: 503 });
    expect(appends).toHaveLength(0);
    setDown(false);
    await settle(60);
    expect(caseIds(appends)).toEqual(['case-1']);
  });

  it('writes everything buffered before the application shuts down', async () => {
    const { store, appends } = fakeStore();
    const recorder = new AccessRecorder(store);
    recorder.configure({ flushIntervalMs: 60_000 });
    await recorder.record(entry(1));
    await recorder.record(entry(2));
    await recorder.beforeApplicationShutdown();
    expect(caseIds(appends)).toEqual(['case-1', 'case-2']);
  });

  it('records an entry still being completed once it is ready, and flushes and shuts down only after it', async () => {
    const { store, appends } = fakeStore();
    const recorder = new AccessRecorder(store);
    recorder.configure({ flushIntervalMs: 60_000 });
    let complete: (ready: AccessEntry) => void = () => undefined;
    recorder.recordWhenReady(new Promise<AccessEntry>((resolve) => (complete = resolve)));
    const flushed = recorder.flush();
    await settle(10);
    expect(appends).toHaveLength(0);
    complete(entry(7));
    await flushed;
    expect(caseIds(appends)).toEqual(['case-7']);

    recorder.recordWhenReady(settle(20).then(() => entry(8)));
    await recorder.beforeApplicationShutdown();
    expect(caseIds(appends)).toEqual(['case-7', 'case-8']);
  });

  it('sets aside the one entry the store refuses for its data, appends the others, and is not held up by it', async () => {
    const appends: string[] = [];
    const store = {
      appendToStream: async (_streamName: string, events: EventToAppend[]) => {
        if (events.some((event) => event.data.caseId === 'case-2')) throw Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' });
        appends.push(...events.map((event) => String(event.data.caseId)));
        return { streamName: _streamName, nextExpectedRevision: 0n, position: 0n, events: [] };
      },
    } as unknown as EventStore;
    const recorder = new AccessRecorder(store);
    recorder.configure({ flushIntervalMs: 60_000 });
    for (let n = 1; n <= 3; n += 1) await recorder.record(entry(n));
    await recorder.flush();
    expect(appends).toEqual(['case-1', 'case-3']);
    expect(recorder.pending).toBe(0);
    expect(recorder.deadLetterReport).toEqual({
      count: 1,
      latest: expect.objectContaining({ subjectId: 'case-2', reason: expect.stringContaining('Unicode') }),
    });
  });

  it('sets aside at once, and refuses to serve, an entry holding text that cannot be stored', async () => {
    const { store, appends } = fakeStore();
    const recorder = new AccessRecorder(store);
    await expect(recorder.record({ ...entry(1), userId: 'u\u0000' })).rejects.toMatchObject({ status: 500 });
    expect(recorder.pending).toBe(0);
    expect(recorder.deadLetterReport.count).toBe(1);
    expect(JSON.stringify(recorder.deadLetterReport)).not.toContain('u\u0000');
    expect(appends).toEqual([]);
  });
});
