/**
 * The inputs behind "The force in numbers" of seed 004: HMIC, *Police Integrity and
 * Corruption – Hampshire Constabulary*, November 2014, as events.
 *
 * Published figures (seed 004):
 * - "Total public complaints against officers and staff, 12 months to March 2014": 939;
 *   "… per 100 workforce": 17.1 (Complaints panel).
 * - "Total conduct cases against officers and staff, 12 months to March 2014": 175;
 *   "… per 100 workforce": 3.2 (Conduct panel).
 * - "Applications in 12 months to March 2014": 222; "Approvals …": 221 (Business interests panel).
 * - "The gifts and hospitality register … shows a total of 347 records created in 2013. In 71
 *   cases, the gifts had not been accepted" (section on relationships).
 * - "During 2013, 23 random tests on police officers, 12 on police staff and 1 'with cause'
 *   test were carried out" (section on corruption).
 * - "Proportion of workforce in PSD/ACU": 1.0% (Resources panel).
 *
 * Not published, so assumed: the headcount. Any officers + staff from 5,476 to 5,507 gives
 * both published rates; 3,482 officers and 2,010 staff (5,492) is taken, with 55 in PSD/ACU
 * (1.0%). How the 71 refused offers split between declined at the time, not approved by a
 * manager and re-gifted is not published either ("Recording methods do not distinguish"), nor
 * how the 276 accepted split between the officer and the force; nor the days within the year.
 */
import type { EventToAppend } from '../../src/event-store/event-store';
import {
  Append,
  businessInterestApplied,
  businessInterestDecided,
  drugTest,
  giftOffered,
  personStream,
  referralReceived,
  spreadDays,
  workforceReturned,
} from './support';

export const HAMPSHIRE = 'HAMPSHIRE';
export const NEIGHBOUR = 'THAMES_VALLEY';
export const YEAR_TO_MARCH_2014 = { from: '2013-04-01', to: '2014-03-31' };
export const CALENDAR_2013 = { from: '2013-01-01', to: '2013-12-31' };

export const PUBLISHED = {
  complaints: { count: 939, per100Workforce: 17.1 },
  conductCases: { count: 175, per100Workforce: 3.2 },
  businessInterests: { applied: 222, approved: 221 },
  gifts: { offered: 347, notAccepted: 71 },
  drugTests: { randomOnOfficers: 23, randomOnStaff: 12, withCause: 1 },
};

/** Assumed (see above). */
export const WORKFORCE_AT_MARCH_2014 = { officers: 3482, staff: 2010, inPsdOrAcu: 55 };

const CONDUCT_TYPES = ['CONDUCT_MATTER', 'DEATH_OR_SERIOUS_INJURY', 'CORRUPTION_INTELLIGENCE'];

/** Cases: the published year's, and some on either side of it and in another force, which must not count. */
function cases(): Append[] {
  const { from, to } = YEAR_TO_MARCH_2014;
  const complaints = spreadDays(from, to, PUBLISHED.complaints.count).map((day) => referralReceived(HAMPSHIRE, day, 'COMPLAINT'));
  const conduct = spreadDays(from, to, PUBLISHED.conductCases.count)
    .reverse()
    .map((day, index) => referralReceived(HAMPSHIRE, day, CONDUCT_TYPES[index % CONDUCT_TYPES.length], index % 5 === 0 ? ['UNAUTHORISED_DISCLOSURE'] : []));
  const outside = [
    ...['2013-03-31', '2013-03-31', '2014-04-01'].map((day) => referralReceived(HAMPSHIRE, day, 'COMPLAINT')),
    ...['2013-03-31', '2014-04-01'].map((day) => referralReceived(HAMPSHIRE, day, 'CONDUCT_MATTER')),
    ...spreadDays(from, to, 25).map((day) => referralReceived(NEIGHBOUR, day, 'COMPLAINT')),
  ];
  return [...complaints, ...conduct, ...outside];
}

/** 222 applications, each decided a fortnight later within the year: 221 approved (some with conditions), 1 declined. */
function businessInterests(): Append[] {
  const applications = spreadDays('2013-04-01', '2014-03-17', PUBLISHED.businessInterests.applied);
  const decisionDays = spreadDays('2013-04-15', '2014-03-31', PUBLISHED.businessInterests.applied);
  const decision = (index: number): string => (index === 100 ? 'DECLINED' : index % 10 === 0 ? 'APPROVED_WITH_CONDITIONS' : 'APPROVED');
  const inYear = applications.map((day, index) => ({
    stream: personStream(),
    events: [businessInterestApplied(HAMPSHIRE, day), businessInterestDecided(HAMPSHIRE, decisionDays[index], decision(index))],
  }));
  const before = {
    stream: personStream(),
    events: [businessInterestApplied(HAMPSHIRE, '2013-03-20'), businessInterestDecided(HAMPSHIRE, '2013-03-29', 'APPROVED')],
  };
  return [...inYear, before];
}

/** 347 offers in 2013, 71 not accepted; grouped ten to a person. */
function gifts(): Append[] {
  const decision = (index: number): string => {
    if (index < 250) return 'ACCEPTED';
    if (index < 276) return 'ACCEPTED_ON_BEHALF_OF_FORCE';
    if (index < 321) return 'DECLINED_AT_TIME';
    if (index < 341) return 'NOT_APPROVED_BY_MANAGER';
    return 'REGIFTED_TO_CHARITY';
  };
  const offers = spreadDays(CALENDAR_2013.from, CALENDAR_2013.to, PUBLISHED.gifts.offered).map((day, index) => giftOffered(HAMPSHIRE, day, decision(index)));
  offers.push(giftOffered(HAMPSHIRE, '2012-12-31', 'ACCEPTED'), giftOffered(HAMPSHIRE, '2014-01-01', 'DECLINED_AT_TIME'));
  return inGroups(offers, 10);
}

function drugTests(): Append[] {
  const { randomOnOfficers, randomOnStaff, withCause } = PUBLISHED.drugTests;
  const days = spreadDays('2013-01-07', '2013-12-16', randomOnOfficers + randomOnStaff + withCause);
  const tests = days.map((day, index) => drugTest(HAMPSHIRE, day, index < randomOnOfficers + randomOnStaff ? 'RANDOM' : 'WITH_CAUSE'));
  tests.push(drugTest(HAMPSHIRE, '2014-01-02', 'RANDOM'));
  return tests.map((test) => ({ stream: personStream(), events: [test] }));
}

function inGroups(events: EventToAppend[], size: number): Append[] {
  const groups: Append[] = [];
  for (let start = 0; start < events.length; start += size) groups.push({ stream: personStream(), events: events.slice(start, start + size) });
  return groups;
}

/** The return at 31 March 2014, one before it and one after it (which a range to March 2014 must not use). */
function workforceReturns(): Append[] {
  const { officers, staff, inPsdOrAcu } = WORKFORCE_AT_MARCH_2014;
  return [
    workforceReturned(HAMPSHIRE, '2013-03-31', 3551, 2077, 57),
    workforceReturned(HAMPSHIRE, '2014-03-31', officers, staff, inPsdOrAcu),
    workforceReturned(HAMPSHIRE, '2014-09-30', 3390, 1985, 54),
  ];
}

export function hampshireForceInNumbers(): Append[] {
  return [...cases(), ...businessInterests(), ...gifts(), ...drugTests(), ...workforceReturns()];
}
