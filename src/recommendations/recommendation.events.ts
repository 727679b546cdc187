/**
 * The recommendation events (docs/events.md, "Recommendations, workforce, access"), stream
 * `recommendation-<recommendationId>`: an IOPC learning recommendation, an HMICFRS
 * recommendation or an internal review's, the force's response, what it did, and its
 * completion. docs/events.md names the events, the source, `dueOn`, `accepted` and `response`;
 * the other fields are ours (the brief of issue 6: force, dueOn, text), as is the rule
 * that the recommendation's id is carried by the first event only, as `caseId` is.
 * `text`, `response` and `action` are free text (`vaultText`), sealed before the append
 * (recommendation.stream.ts).
 */
import { eventOf } from '../common/decider';
import type { EventOf } from '../common/decider';
import { day, declaredEvents, event, flag, id, oneOf, optional, text, vaultText } from '../common/event-declaration';
import type { DataMapOf } from '../common/event-declaration';

export const RECOMMENDATION_SOURCES = ['IOPC', 'HMICFRS', 'INTERNAL_REVIEW'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

export const RECOMMENDATION_EVENTS = {
  RecommendationMade: event({
    version: 1,
    legalDate: 'madeOn',
    fields: {
      recommendationId: id,
      source: oneOf(RECOMMENDATION_SOURCES),
      /** The force the recommendation is made to. */
      force: text,
      madeOn: day,
      /** When it must be carried out by ("within six months": the report's date and six months). */
      dueOn: day,
      /** The maker's own reference (an IOPC reference, a report's title), if any. */
      reference: optional(text),
      text: vaultText,
    },
  }),
  RecommendationResponded: event({ version: 1, legalDate: 'respondedOn', fields: { respondedOn: day, accepted: flag, response: vaultText } }),
  RecommendationActionRecorded: event({ version: 1, legalDate: 'on', fields: { on: day, action: vaultText } }),
  RecommendationCompleted: event({ version: 1, legalDate: 'completedOn', fields: { completedOn: day } }),
};

export const RECOMMENDATION_EVENT_DECLARATIONS = declaredEvents(RECOMMENDATION_EVENTS);

export type RecommendationEventDataMap = DataMapOf<typeof RECOMMENDATION_EVENTS>;
export type RecommendationEventType = keyof RecommendationEventDataMap;
export type RecommendationEvent = EventOf<RecommendationEventDataMap>;
export const recommendationEvent = eventOf<RecommendationEventDataMap>();

export const isRecommendationEventType = RECOMMENDATION_EVENT_DECLARATIONS.isType;

export type RecommendationMade = RecommendationEventDataMap['RecommendationMade'];
