/** Test support for reads and their records: cases to read, and the access log once it has caught up. */
import { randomUUID } from 'node:crypto';
import { AccessRecorder } from '../../src/access-log/access-recorder';
import type { Sensitivity } from '../../src/cases/case.enums';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import type { AccessLogItem } from '../../projections/access-log/access-log.queries';
import { CaseRecorder } from '../projections/case-story-support';
import type { TestApp } from '../support/app';

export const PURPOSE = 'Reviewing the file for the misconduct meeting';

/** Opens a case of this force and sensitivity; returns its id and the position to wait for. */
export async function openCase(service: TestApp, force: string, sensitivity: Sensitivity): Promise<{ caseId: string; position: string }> {
  const recorder = new CaseRecorder(service.app.get(EventStore));
  const [referral] = SEED_STORIES[0].commands;
  if (referral.type !== 'ReceiveReferral') throw new Error('a story starts with its referral');
  const caseId = randomUUID();
  await recorder.record({ ...referral, caseId, force, sensitivity });
  return { caseId, position: formatPosition(recorder.lastPosition) };
}

/** Writes every buffered read, and answers the position at which the access log has them. */
export async function recordedUpTo(service: TestApp): Promise<string> {
  await service.app.get(AccessRecorder).flush();
  return formatPosition(await service.app.get(EventStore).headPosition());
}

export async function accessLog(service: TestApp, token: string, query: string): Promise<{ status: number; items: AccessLogItem[]; total: number }> {
  const position = await recordedUpTo(service);
  const response = await service.http().get(`/api/v1/access-log?${query}`).set('Authorization', token).set('X-Wait-For-Position', position);
  return { status: response.status, items: response.body.items ?? [], total: response.body.total ?? 0 };
}
