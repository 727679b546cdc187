/**
 * Issue 11, item 14: the embedded PostgreSQL's superuser password was written in the source.
 * It is generated at the cluster's first start into the data folder (mode 600); a cluster
 * created with the old password keeps working and gets a generated one.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

describe('the embedded database’s superuser password', () => {
  it('is generated into the data folder (mode 600) at first start, and replaces the old one of an existing cluster', () => {
    const run = spawnSync('node', ['-r', 'ts-node/register/transpile-only', 'test/resilience/embedded-password.scenario.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 170_000,
    });
    const lastLine = run.stdout.trim().split('\n').pop() ?? '';
    expect(JSON.parse(lastLine)).toEqual({
      firstStart: { fileExists: true, mode: '600', longEnough: true, generatedWorks: true, sourceWorks: false, worksAfterRestart: true },
      upgrade: { started: true, fileExists: true, generatedWorks: true, sourceWorks: false },
    });
  }, 180_000);
});
