import { AccessRecorder } from '../../src/access-log/access-recorder';
import { startReadApp } from '../lib/read-app';
import { summariseLatencies } from '../lib/stats';
import { sampleCaseIds } from './queries';
import { replayedLedger } from './replay';
import { BenchContext, TableRow, Workload, WorkloadResult } from './workload';

/**
 * What recording every read (CaseAccessed, buffered and appended in batches) costs a read:
 * p95 of `GET /cases/{id}` on the replayed ledger with recording on, against the same reads
 * with the recorder switched off (the baseline only: the service has no such setting).
 * Blocks of reads alternate between the two, so noise hits both alike; every round measures
 * anew and the ratio is the median over rounds. Target: ratio ≤ 1.2.
 */
const REQUESTS = 1000;
const BLOCK = 50;
const WORKERS = 4;
const SECRET = 'bench-access-recording-secret-0123456789abcd';

export const accessRecording: Workload = {
  name: 'access-recording',
  title: 'access recording: p95 of GET /cases/{id} with every read recorded, against not recorded',
  // Every round (on the one replayed ledger): a p95 ratio of two samples is noisy on two
  // shared cores, so the figure is the median of the rounds' ratios, as for appends.
  run: (context) => measure(context),
};

async function measure(context: BenchContext): Promise<WorkloadResult> {
  const ledger = await replayedLedger(context);
  const caseIds = await sampleCaseIds(ledger.url);
  const { app, base, headers } = await startReadApp(ledger.url, SECRET, 'Benchmark of the cost of recording reads');
  const recorder = app.get(AccessRecorder);
  const latencies = { recorded: [] as number[], unrecorded: [] as number[] };
  let n = 0;
  const readOne = async (): Promise<number> => {
    const before = performance.now();
    const response = await fetch(`${base}/cases/${caseIds[n++ % caseIds.length]}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET /cases/{id} answered ${response.status}`);
    return performance.now() - before;
  };
  const bar = context.progress.bar('access recording', 2 * REQUESTS);
  const started = performance.now();
  try {
    for (let block = 0; block < (2 * REQUESTS) / BLOCK; block += 1) {
      const recording = block % 2 === 0;
      recorder.configure({ enabled: recording });
      const into = recording ? latencies.recorded : latencies.unrecorded;
      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          for (let k = 0; k < BLOCK / WORKERS; k += 1) into.push(await readOne());
        }),
      );
      bar.update((block + 1) * BLOCK);
    }
    await recorder.flush();
  } finally {
    bar.stop();
    await app.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const recorded = summariseLatencies(Float64Array.from(latencies.recorded));
  const unrecorded = summariseLatencies(Float64Array.from(latencies.unrecorded));
  const rows: TableRow[] = [
    {
      workload: 'case read, recorded',
      events: REQUESTS,
      seconds,
      eventsPerSecond: (2 * REQUESTS) / seconds,
      p50Ms: recorded.p50Ms,
      p99Ms: recorded.p99Ms,
      note: `p95 ${recorded.p95Ms.toFixed(1)} ms`,
    },
    {
      workload: 'case read, not recorded',
      events: REQUESTS,
      seconds,
      eventsPerSecond: (2 * REQUESTS) / seconds,
      p50Ms: unrecorded.p50Ms,
      p99Ms: unrecorded.p99Ms,
      note: `p95 ${unrecorded.p95Ms.toFixed(1)} ms (baseline)`,
    },
  ];
  return { figures: { caseReadRecordedP95Ms: recorded.p95Ms, caseReadUnrecordedP95Ms: unrecorded.p95Ms }, rows };
}
