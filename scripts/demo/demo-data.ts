/**
 * What `npm run demo` loads, as plain requests to the HTTP API (no I/O here): the ten seed
 * stories, then for each of two forces a year of synthetic cases, register entries and
 * recommendations. Everything is drawn from a seeded random source and every id is derived
 * from a name, so the same options give the same requests, byte for byte, on every run;
 * with the Idempotency-Key derived the same way, a second run appends nothing.
 *
 * A synthetic case is a seed story moved to another force and day: its ids renamed, every
 * date shifted by whole weeks (working-day rules keep their weekdays), and cut where its
 * next step would lie after today, or at a random step, so the cases stand at every stage.
 */
import { createHash } from 'node:crypto';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { requestFor } from '../../src/cases/case.command-requests';
import type { CaseCommand } from '../../src/cases/case.command-types';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import type { Role } from '../../src/http/roles';
import { addDaysToDay, addMonthsToDay, isBeforeDay } from '../../src/common/days';

export const DEMO_FORCES = ['HAMPSHIRE', 'THAMES_VALLEY'] as const;

export interface DemoOptions {
  /** How many months of synthetic cases, ending today. */
  months: number;
  /** Synthetic cases per force per month. */
  casesPerMonth: number;
  /** The random source's seed. */
  seed: number;
  /** YYYY-MM-DD: nothing is dated after it. */
  today: string;
}

/** One request to the API, sent as a user of `role` and `force`. */
export interface DemoRequest {
  path: string;
  body: Record<string, unknown>;
  role: Role;
  force: string;
  /** A UUID derived from what the request does, so a second run replays rather than appends. */
  idempotencyKey: string;
}

/** The requests of one story (a case, a person's register, a recommendation): sent in order, stopped at the first refusal. */
export interface DemoStory {
  kind: 'seed story' | 'case' | 'register' | 'recommendation';
  force: string;
  requests: DemoRequest[];
}

/** A version-4 UUID derived from a name (stable across runs). */
export function nameUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** mulberry32: a small seeded random source, enough for demo data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, choices: readonly T[]): T => choices[Math.floor(random() * choices.length)];
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})(T.*)$/;

/** Every id renamed within `scope`, every date moved by `shiftDays`; the latest date seen is kept in `latest`. */
function moved(value: unknown, scope: string, shiftDays: number, latest: { day: string }): unknown {
  if (typeof value === 'string') {
    if (UUID.test(value)) return nameUuid(`${scope}:${value}`);
    const instant = INSTANT.exec(value);
    const day = DAY.test(value) ? value : instant?.[1];
    if (day === undefined) return value;
    const shifted = addDaysToDay(day, shiftDays);
    if (isBeforeDay(latest.day, shifted)) latest.day = shifted;
    return instant === null ? shifted : `${shifted}${instant[2]}`;
  }
  if (Array.isArray(value)) return value.map((item) => moved(item, scope, shiftDays, latest));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, moved(item, scope, shiftDays, latest)]));
  return value;
}

function caseRequest(command: CaseCommand, force: string, keyScope: string, step: number): DemoRequest {
  const { path, body, role } = requestFor(command);
  return { path, body, role, force, idempotencyKey: nameUuid(`${keyScope}:step:${step}`) };
}

/** The ten seed stories as their documents tell them, the unnamed forces' shared between the demo's two. */
function seedStories(): DemoStory[] {
  return SEED_STORIES.map((story, index) => {
    const force = DEMO_FORCES[index % DEMO_FORCES.length];
    const commands = story.commands.map((command) => (command.type === 'ReceiveReferral' && command.force === 'NOT_NAMED' ? { ...command, force } : command));
    const storyForce = commands[0].type === 'ReceiveReferral' ? commands[0].force : force;
    return {
      kind: 'seed story',
      force: storyForce,
      requests: commands.map((command, step) => caseRequest(command, storyForce, `demo:seed:${story.caseId}`, step)),
    };
  });
}

const SENSITIVITIES = [...Array<'STANDARD'>(17).fill('STANDARD'), 'RESTRICTED', 'RESTRICTED', 'COVERT'] as const;

function syntheticCase(random: Random, force: string, name: string, receivedAround: string, today: string): DemoStory {
  const story = pick(random, SEED_STORIES);
  const [referral] = story.commands;
  if (referral.type !== 'ReceiveReferral') throw new Error(`${story.title} does not open with a referral`);
  let shiftDays = Math.round(differenceInCalendarDays(parseISO(receivedAround), parseISO(referral.receivedOn)) / 7) * 7;
  if (isBeforeDay(today, addDaysToDay(referral.receivedOn, shiftDays))) shiftDays -= 7;
  // A third stop at a random step (still open); the rest run until their next step would be after today.
  const stopAt = random() < 0.35 ? between(random, 2, Math.max(2, story.commands.length - 1)) : story.commands.length;
  const sensitivity = pick(random, SENSITIVITIES);
  const commands: CaseCommand[] = [];
  for (const command of story.commands.slice(0, stopAt)) {
    const latest = { day: '0000-01-01' };
    const next = moved(command, name, shiftDays, latest) as CaseCommand;
    if (isBeforeDay(today, latest.day)) break;
    commands.push(next.type === 'ReceiveReferral' ? { ...next, force, sensitivity } : next);
  }
  return { kind: 'case', force, requests: commands.map((command, step) => caseRequest(command, force, name, step)) };
}

const GIFT_GIVERS = [
  'A local garage',
  'A community group',
  'A supplier of the force',
  'A grateful resident',
  'A licensed premises',
  'A charity dinner committee',
];
const ASSOCIATES = [
  'A cousin with a conviction for fraud',
  'A partner’s brother on licence',
  'A school friend under investigation',
  'A neighbour known to police',
];
const INTERESTS = [
  ['SECONDARY_EMPLOYMENT', 'Weekend work as a driving instructor'],
  ['PROPERTY_LETTING', 'Letting a flat inherited from a parent'],
  ['COMPANY_DIRECTORSHIP', 'Director of a family catering firm'],
  ['VOLUNTARY_WORK', 'Treasurer of a youth football club'],
  ['SHAREHOLDING', 'Shares in a security firm'],
] as const;
const SYSTEMS = ['Police National Computer', 'Force intelligence system', 'Command and control logs', 'Custody system'];

/** One member of the workforce's register entries over the period, each dated on or before today. */
function registerStory(random: Random, force: string, personId: string, name: string, from: string, today: string): DemoStory {
  const requests: DemoRequest[] = [];
  const day = (): string => {
    const span = Math.max(1, differenceInCalendarDays(parseISO(today), parseISO(from)));
    return addDaysToDay(from, between(random, 0, span - 1));
  };
  const add = (path: string, body: Record<string, unknown>): void => {
    requests.push({
      path: `people/${personId}/${path}`,
      body: { ...body, force },
      role: 'ACU_INVESTIGATOR',
      force,
      idempotencyKey: nameUuid(`${name}:${requests.length}`),
    });
  };
  const laterThan = (first: string): string => {
    const next = addDaysToDay(first, between(random, 7, 60));
    return isBeforeDay(today, next) ? today : next;
  };
  add('vetting', {
    action: 'GRANT',
    on: addMonthsToDay(from, -between(random, 12, 60)),
    level: pick(random, ['RECRUITMENT_VETTING', 'MANAGEMENT_VETTING', 'NPPV_2', 'NPPV_3']),
  });
  for (let gifts = between(random, 0, 3); gifts > 0; gifts -= 1)
    add('gifts-and-hospitality', {
      offeredOn: day(),
      kind: pick(random, ['GIFT', 'HOSPITALITY']),
      estimatedValuePence: between(random, 5, 200) * 100,
      offeredBy: pick(random, GIFT_GIVERS),
      decision: pick(random, ['ACCEPTED', 'DECLINED_AT_TIME', 'NOT_APPROVED_BY_MANAGER', 'ACCEPTED_ON_BEHALF_OF_FORCE']),
    });
  if (random() < 0.4) {
    const businessInterestId = nameUuid(`${name}:business-interest`);
    const [nature, details] = pick(random, INTERESTS);
    const appliedOn = day();
    add('business-interests', { businessInterestId, appliedOn, nature, details });
    const decision = pick(random, ['APPROVED', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'DECLINED']);
    add(`business-interests/${businessInterestId}/decision`, {
      decision,
      decidedOn: laterThan(appliedOn),
      ...(decision === 'APPROVED_WITH_CONDITIONS' ? { conditions: 'No work in uniform or during duty hours' } : {}),
    });
  }
  if (random() < 0.25) {
    const associationId = nameUuid(`${name}:association`);
    const declaredOn = day();
    add('associations', { associationId, declaredOn, nature: pick(random, ['RELATIVE', 'PARTNER', 'FRIEND', 'NEIGHBOUR']), person: pick(random, ASSOCIATES) });
    add(`associations/${associationId}/risk-assessment`, {
      assessedOn: laterThan(declaredOn),
      risk: pick(random, ['NO_RISK', 'MANAGED_RISK', 'MANAGED_RISK', 'SERVICE_CONFIDENCE_POLICY']),
    });
  }
  if (random() < 0.3)
    add('drug-tests', { testedOn: day(), kind: pick(random, ['RANDOM', 'RANDOM', 'WITH_CAUSE']), result: random() < 0.9 ? 'NEGATIVE' : 'POSITIVE' });
  if (random() < 0.2)
    add('system-access-findings', { system: pick(random, SYSTEMS), on: day(), recordsViewed: between(random, 1, 12), policingPurposeFound: random() < 0.5 });
  if (random() < 0.15)
    add('conflicts-of-interest', {
      declaredOn: day(),
      nature: pick(random, ['RELATIVE', 'NEIGHBOUR', 'ACQUAINTANCE', 'FINANCIAL']),
      declaredTo: nameUuid(`${name}:line-manager`),
      action: pick(random, ['NONE', 'REMOVED_FROM_MATTER', 'SUPERVISOR_TO_SEARCH']),
      details: 'Declared before taking part in an enquiry touching the person',
    });
  return { kind: 'register', force, requests };
}

const RECOMMENDATIONS = [
  ['IOPC', 'Review how notifiable associations are declared and reviewed each year.'],
  ['HMICFRS', 'Make sure the counter-corruption unit can monitor all force IT systems.'],
  ['HMICFRS', 'Record every business interest decision with its reasons and review date.'],
  ['INTERNAL_REVIEW', 'Brief supervisors on abuse of position for a sexual purpose.'],
  ['IOPC', 'Audit access to the intelligence system after each disclosure case.'],
  ['INTERNAL_REVIEW', 'Publish gifts and hospitality declarations each quarter.'],
] as const;

function recommendationStory(random: Random, force: string, name: string, madeOn: string, today: string): DemoStory {
  const recommendationId = nameUuid(`${name}:id`);
  const [source, text] = pick(random, RECOMMENDATIONS);
  const requests: DemoRequest[] = [];
  const add = (path: string, body: Record<string, unknown>): void => {
    requests.push({ path, body, role: 'ACU_INVESTIGATOR', force, idempotencyKey: nameUuid(`${name}:${requests.length}`) });
  };
  add('recommendations', {
    recommendationId,
    source,
    force,
    madeOn,
    dueOn: addMonthsToDay(madeOn, 6),
    reference: `${source}-${madeOn.slice(0, 4)}-${between(random, 10, 99)}`,
    text,
  });
  const respondedOn = addDaysToDay(madeOn, between(random, 14, 56));
  if (isBeforeDay(today, respondedOn)) return { kind: 'recommendation', force, requests };
  const accepted = random() < 0.85;
  add(`recommendations/${recommendationId}/response`, {
    respondedOn,
    accepted,
    response: accepted ? 'Accepted: an action plan is owned by the head of professional standards.' : 'Not accepted: the force already does this.',
  });
  // Actions follow an accepted recommendation only (the rule actionNeedsAcceptance).
  if (!accepted) return { kind: 'recommendation', force, requests };
  const actedOn = addDaysToDay(respondedOn, between(random, 14, 60));
  if (isBeforeDay(today, actedOn)) return { kind: 'recommendation', force, requests };
  add(`recommendations/${recommendationId}/actions`, { on: actedOn, action: 'Policy revised and briefed to every supervisor.' });
  const completedOn = addDaysToDay(actedOn, between(random, 14, 60));
  if (random() < 0.5 && !isBeforeDay(today, completedOn)) add(`recommendations/${recommendationId}/complete`, { completedOn });
  return { kind: 'recommendation', force, requests };
}

/** Every story the demo loads, in the order it loads them. */
export function demoStories(options: DemoOptions): DemoStory[] {
  const random = seededRandom(options.seed);
  const from = addMonthsToDay(options.today, -options.months);
  const stories: DemoStory[] = seedStories();
  for (const force of DEMO_FORCES) {
    const cases: DemoStory[] = [];
    for (let month = 0; month < options.months; month += 1) {
      for (let index = 0; index < options.casesPerMonth; index += 1) {
        const receivedAround = addDaysToDay(addMonthsToDay(from, month), between(random, 0, 27));
        const name = `demo:${options.seed}:${force}:case:${month}:${index}`;
        cases.push(syntheticCase(random, force, name, isBeforeDay(options.today, receivedAround) ? options.today : receivedAround, options.today));
      }
    }
    stories.push(...cases);
    // The subjects of the force's cases (seed stories too) have registers, and as many colleagues again who are in no case.
    const ownSeedStories = stories.filter((story) => story.kind === 'seed story' && story.force === force);
    const subjects = [
      ...new Set(
        [...ownSeedStories, ...cases].flatMap((story) =>
          story.requests.filter((request) => /\/subjects$/.test(request.path)).map((request) => String(request.body.personId)),
        ),
      ),
    ];
    const colleagues = Array.from({ length: Math.max(4, subjects.length) }, (_, index) => nameUuid(`demo:${options.seed}:${force}:person:${index}`));
    for (const personId of [...subjects, ...colleagues])
      stories.push(registerStory(random, force, personId, `demo:${options.seed}:${force}:register:${personId}`, from, options.today));
    for (let index = 0; index < Math.max(2, Math.round(options.months / 2)); index += 1) {
      const madeOn = addDaysToDay(from, between(random, 0, Math.max(1, differenceInCalendarDays(parseISO(options.today), parseISO(from)) - 1)));
      stories.push(recommendationStory(random, force, `demo:${options.seed}:${force}:recommendation:${index}`, madeOn, options.today));
    }
  }
  return stories;
}
