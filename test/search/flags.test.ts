/**
 * Issue 18 point 6, through real HTTP: the referral's flags (APSP, prejudicial and improper
 * behaviour, violence against women and girls) filter the case list and are counted in the
 * inspection figures, where they were written and never read.
 */
import { randomUUID } from 'node:crypto';
import type { CaseCommand } from '../../src/cases/case.command-types';
import { bearer } from '../http/support';
import { FORCE, sendCommand, serviceForThisFile } from '../cases/support';

const NONE = { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false };
const CASES = [
  { caseId: randomUUID(), flags: { ...NONE, apsp: true, violenceAgainstWomenAndGirls: true } },
  { caseId: randomUUID(), flags: { ...NONE, prejudicialImproperBehaviour: true } },
  { caseId: randomUUID(), flags: { ...NONE, violenceAgainstWomenAndGirls: true } },
  { caseId: randomUUID(), flags: NONE },
];

describe('the flags, filtered and counted', () => {
  const service = serviceForThisFile();
  let position = '';
  const get = (path: string, role: 'PSD_INVESTIGATOR' | 'INSPECTOR' = 'PSD_INVESTIGATOR') =>
    service.app
      .http()
      .get(`/api/v1/${path}`)
      .set('Authorization', bearer(service.app.config, { roles: [role], force: FORCE }))
      .set('X-Wait-For-Position', position);

  beforeAll(async () => {
    for (const { caseId, flags } of CASES) {
      const command: CaseCommand = {
        type: 'ReceiveReferral',
        caseId,
        force: FORCE,
        receivedOn: '2025-02-10',
        source: 'PUBLIC_COMPLAINT',
        caseType: 'CONDUCT_MATTER',
        summary: 'A matter',
        anonymousSource: false,
        sensitivity: 'STANDARD',
        corruptionCategories: [],
        flags,
      };
      const response = await sendCommand(service.app, command);
      expect(response.status).toBe(201);
      position = String(response.headers['x-ledger-position']);
    }
  });

  it('lists the cases of each flag, and shows the flags on each case', async () => {
    const ids = async (flag: string) => ((await get(`cases?flag=${flag}`).expect(200)).body.items as { caseId: string }[]).map((item) => item.caseId).sort();
    expect(await ids('APSP')).toEqual([CASES[0].caseId]);
    expect(await ids('PREJUDICIAL_IMPROPER_BEHAVIOUR')).toEqual([CASES[1].caseId]);
    expect(await ids('VIOLENCE_AGAINST_WOMEN_AND_GIRLS')).toEqual([CASES[0].caseId, CASES[2].caseId].sort());
    const all = (await get('cases').expect(200)).body.items as { caseId: string; flags: string[] }[];
    expect(all.find((item) => item.caseId === CASES[0].caseId)?.flags).toEqual(['APSP', 'VIOLENCE_AGAINST_WOMEN_AND_GIRLS']);
    expect(all.find((item) => item.caseId === CASES[3].caseId)?.flags).toEqual([]);
    await get('cases?flag=NOT_A_FLAG').expect(400);
  });

  it('counts the cases of each flag in the inspection figures, by the day they were received', async () => {
    const { body } = await get(`metrics/inspection?force=${FORCE}&from=2025-01-01&to=2025-12-31`, 'INSPECTOR').expect(200);
    expect(body.byFlag).toEqual({ APSP: 1, PREJUDICIAL_IMPROPER_BEHAVIOUR: 1, VIOLENCE_AGAINST_WOMEN_AND_GIRLS: 2 });
    const before = await get(`metrics/inspection?force=${FORCE}&from=2024-01-01&to=2024-12-31`, 'INSPECTOR').expect(200);
    expect(before.body.byFlag).toEqual({ APSP: 0, PREJUDICIAL_IMPROPER_BEHAVIOUR: 0, VIOLENCE_AGAINST_WOMEN_AND_GIRLS: 0 });
  });
});
