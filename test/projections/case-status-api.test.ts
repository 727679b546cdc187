import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import type { CaseStatusItem } from '../../projections/common/case-status-item';
import type { DeadlineView } from '../../projections/common/deadlines/deadline-view';
import type { CaseTimelinessView } from '../../projections/timeliness/timeliness-view';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { bearer, PROBLEM_JSON, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { CaseRecorder, retarget } from './case-story-support';

const PURPOSE = 'Reviewing the case for the monthly DCC meeting';

/**
 * 25 Hampshire copies of the ten seed stories, each opened on its story's own day (a later
 * step may not be dated before the referral), and the ten stories themselves.
 */
const HAMPSHIRE = Array.from({ length: 25 }, (_, n) => ({
  caseId: randomUUID(),
  story: SEED_STORIES[n % SEED_STORIES.length],
}));

const receivedOnOf = (story: (typeof SEED_STORIES)[number]): string => {
  const referral = story.commands.find((command) => command.type === 'ReceiveReferral');
  if (referral?.type !== 'ReceiveReferral') throw new Error(`${story.title} has no referral`);
  return referral.receivedOn;
};

describe('GET /cases and GET /cases/{caseId}', () => {
  let service: TestApp;
  let position: string;
  /** A national reader who may see every case: the lists below show everything recorded. */
  let dcc: string;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
    const recorder = new CaseRecorder(service.app.get(EventStore));
    await recorder.recordAll([...SEED_STORIES, ...HAMPSHIRE.map(({ caseId, story }) => ({ commands: retarget(story, caseId, { force: 'HAMPSHIRE' }) }))]);
    position = formatPosition(recorder.lastPosition);
    dcc = bearer(service.config, { roles: ['DCC'], force: '*' });
  });

  afterAll(() => service.close());

  const list = (query: string, token = dcc) => service.http().get(`/api/v1/cases${query}`).set('Authorization', token).set('X-Wait-For-Position', position);

  async function allPages(query: string): Promise<CaseStatusItem[]> {
    const items: CaseStatusItem[] = [];
    for (let page = 1; ; page += 1) {
      const response = await list(`${query}${query ? '&' : '?'}page=${page}&pageSize=7`).expect(200);
      items.push(...(response.body.items as CaseStatusItem[]));
      if (response.body.items.length < 7) return items;
    }
  }

  it('lists every case newest first, in pages, with the total', async () => {
    const first = await list('?pageSize=10').expect(200);
    expect(first.body.total).toBe(35);
    expect(first.body.items).toHaveLength(10);
    const items = await allPages('');
    expect(items).toHaveLength(35);
    expect(new Set(items.map((item) => item.caseId)).size).toBe(35);
    const opened = items.map((item) => item.openedOn);
    expect(opened).toEqual([...opened].sort().reverse());
    // The newest day is shared by a story and its Hampshire copies: the copy recorded last comes first.
    const newest = SEED_STORIES.map(receivedOnOf).sort().reverse()[0];
    expect(items[0]).toMatchObject({ force: 'HAMPSHIRE', openedOn: newest });
    // ?sort=newest is the default; ?sort=oldest the same cases the other way round.
    expect((await allPages('?sort=newest')).map((item) => item.caseId)).toEqual(items.map((item) => item.caseId));
    const oldest = await allPages('?sort=oldest');
    expect(oldest.map((item) => item.openedOn)).toEqual([...opened].sort());
    expect(new Set(oldest.map((item) => item.caseId))).toEqual(new Set(items.map((item) => item.caseId)));
  });

  it('answers a page past the end with no items and the same total', async () => {
    const response = await list('?page=9&pageSize=10').expect(200);
    expect(response.body).toEqual({ items: [], total: 35 });
  });

  it('filters by force, stage, case type, category and subject', async () => {
    expect((await list('?force=HAMPSHIRE&pageSize=100').expect(200)).body.total).toBe(25);
    expect((await list('?force=METROPOLITAN_POLICE').expect(200)).body.items.map((item: CaseStatusItem) => item.caseId)).toEqual([
      SEED_STORIES.find((story) => story.source.includes('IOPC news release'))?.caseId,
    ]);
    const closed = await allPages('?stage=CLOSED');
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((item) => item.stage === 'CLOSED')).toBe(true);
    const intelligence = await allPages('?caseType=CORRUPTION_INTELLIGENCE');
    const conductMatters = await allPages('?caseType=CONDUCT_MATTER');
    expect(intelligence.length).toBeGreaterThan(0);
    expect(conductMatters.length).toBeGreaterThan(0);
    expect(intelligence.every((item) => item.caseType === 'CORRUPTION_INTELLIGENCE')).toBe(true);
    expect(conductMatters.every((item) => item.caseType === 'CONDUCT_MATTER')).toBe(true);
    const drugs = await allPages('?category=DRUGS');
    expect(drugs.length).toBeGreaterThan(0);
    expect(drugs.every((item) => item.corruptionCategories.includes('DRUGS'))).toBe(true);
    const person = SEED_STORIES[0].commands.find((command) => command.type === 'AddSubject');
    if (person?.type !== 'AddSubject') throw new Error('story 1 has no subject');
    // The seed story and the Hampshire copies of it share the subject's personId.
    const theirs = await allPages(`?subjectPersonId=${person.personId}`);
    expect(theirs.map((item) => item.caseId).sort()).toEqual(
      [SEED_STORIES[0].caseId, ...HAMPSHIRE.filter(({ story }) => story === SEED_STORIES[0]).map(({ caseId }) => caseId)].sort(),
    );
  });

  describe('next deadline and overdue, as the timeliness read model judges them today', () => {
    afterEach(() => jest.restoreAllMocks());

    const today = (day: string) => jest.spyOn(service.app.get<Clock>(CLOCK, { strict: false }), 'today').mockReturnValue(day);

    async function deadlinesOf(caseId: string): Promise<DeadlineView[]> {
      const response = await service
        .http()
        .get(`/api/v1/cases/${caseId}/timeliness`)
        .set('Authorization', dcc)
        .set('X-Access-Purpose', PURPOSE)
        .set('X-Wait-For-Position', position)
        .expect(200);
      return (response.body as CaseTimelinessView).deadlines;
    }

    it.each([
      ['2020-04-06', false],
      ['2021-03-01', false],
      ['2023-01-10', true],
      ['2026-12-05', true],
    ])('gives every case the earliest duty still owed and is overdue exactly when timeliness says so (today %s)', async (day, someOverdue) => {
      today(day);
      const items = await allPages('');
      expect(items).toHaveLength(35);
      for (const item of items) {
        const deadlines = await deadlinesOf(item.caseId);
        const owed = deadlines.filter((deadline) => deadline.kind === 'DUTY' && deadline.metOn === null && deadline.lapsedOn === null);
        const next = owed.map((deadline) => deadline.dueOn).sort()[0] ?? null;
        expect({ caseId: item.caseId, nextDeadline: item.nextDeadline, overdue: item.overdue }).toEqual({
          caseId: item.caseId,
          nextDeadline: next,
          overdue: deadlines.some((deadline) => deadline.overdue),
        });
      }
      const overdue = await allPages('?overdue=true');
      expect(overdue.map((item) => item.caseId).sort()).toEqual(
        items
          .filter((item) => item.overdue)
          .map((item) => item.caseId)
          .sort(),
      );
      const onTime = await allPages('?overdue=false');
      expect(onTime.length + overdue.length).toBe(35);
      expect(onTime.every((item) => item.overdue === false)).toBe(true);
      // The stories leave duties owed on a few cases: none of them is due yet in 2020 and 2021.
      expect(overdue.length > 0).toBe(someOverdue);
    });

    it('sorts by the next deadline, soonest first and cases with none last, across pages', async () => {
      today('2023-01-10');
      const sorted = await allPages('?sort=nextDeadline');
      expect(sorted).toHaveLength(35);
      expect(new Set(sorted.map((item) => item.caseId)).size).toBe(35);
      const deadlines = sorted.map((item) => item.nextDeadline ?? '9999-12-31');
      expect(deadlines).toEqual([...deadlines].sort());
      expect(sorted.some((item) => item.nextDeadline !== null)).toBe(true);
      expect(sorted.some((item) => item.nextDeadline === null)).toBe(true);
    });
  });

  it.each([
    ['pageSize=101', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['page=0', 'page'],
    ['page=two', 'page'],
    ['stage=SOMEWHERE', 'stage'],
    ['caseType=GRUMBLE', 'caseType'],
    ['category=SHOPLIFTING', 'category'],
    ['overdue=yes', 'overdue'],
    ['sort=biggest', 'sort'],
    ['colour=blue', 'colour'],
  ])('refuses ?%s (400 naming %s)', async (query, field) => {
    const response = await list(`?${query}`).expect(400).expect('Content-Type', PROBLEM_JSON);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('answers one case with the item the list shows', async () => {
    const [listed] = (await list(`?force=HAMPSHIRE&page=22&pageSize=1`).expect(200)).body.items as CaseStatusItem[];
    const caseId = listed.caseId;
    expect(HAMPSHIRE.map((copy) => copy.caseId)).toContain(caseId);
    const response = await service
      .http()
      .get(`/api/v1/cases/${caseId}`)
      .set('Authorization', dcc)
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', position)
      .expect(200);
    expect(response.body).toEqual(listed);
  });

  it('answers 404 for a case that does not exist, 400 for an id that is not one', async () => {
    const missing = await service.http().get(`/api/v1/cases/${randomUUID()}`).set('Authorization', dcc).set('X-Access-Purpose', PURPOSE).expect(404);
    expect(missing.body.type).toMatch(/not-found$/);
    await service.http().get('/api/v1/cases/not-a-uuid').set('Authorization', dcc).set('X-Access-Purpose', PURPOSE).expect(400);
  });
});
