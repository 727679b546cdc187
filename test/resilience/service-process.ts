/** A real service process on a test database, for faults that a test process must not share. */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../support/free-port';

const root = path.resolve(__dirname, '../..');
export const PROCESS_JWT_SECRET = 'resilience-test-secret-0123456789abcdef-0123';

export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Everything the process wrote, for a failing test's message. */
  output(): string;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startServiceProcess(environment: NodeJS.ProcessEnv): Promise<ServiceProcess> {
  const port = await freePort();
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    LEDGER_JWT_SECRET: PROCESS_JWT_SECRET,
    LEDGER_RATE_LIMIT_PER_MINUTE: '0',
    ...environment,
  };
  // A variable given as undefined is left out (e.g. DATABASE_URL, for the embedded database).
  const env = Object.fromEntries(
    Object.entries(merged).filter(([name, value]) => value !== undefined && !(name in environment && environment[name] === undefined)),
  );
  const child = spawn('node', ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exited: () => exit };
}

export function isRunning(service: ServiceProcess): boolean {
  return service.child.exitCode === null && service.child.signalCode === null;
}

/**
 * How long a spawned service may take to answer /health: ts-node compiles the whole service
 * as it starts, which on a 2-core machine shared with other work has taken over 90 s.
 */
export const SERVICE_START_MS = 180_000;

/** Waits for the condition; `what` is asked only when it is not met, so it can say what the process wrote by then. */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string | (() => string)): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not met in ${timeoutMs} ms: ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function getStatus(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 5000,
): Promise<{ status: number; body: unknown; contentType: string }> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, contentType: response.headers.get('content-type') ?? '' };
}

/** The generation readers see of a projection, once the runner has created it. */
export async function activeGeneration(client: { query<R>(text: string, values: unknown[]): Promise<{ rows: R[] }> }, projection: string): Promise<number> {
  let generation: number | null | undefined;
  await waitUntil(
    async () => {
      const { rows } = await client.query<{ generation: number | null }>('SELECT active_generation AS generation FROM projection_state WHERE name = $1', [
        projection,
      ]);
      generation = rows[0]?.generation;
      return typeof generation === 'number';
    },
    20_000,
    `projection ${projection} has a generation`,
  );
  return generation as number;
}
