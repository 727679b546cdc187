/**
 * The recommendation events (docs/events.md, "Recommendations, workforce, access"), stream
 * `recommendation-<recommendationId>`: an IOPC learning recommendation, an HMICFRS
 * recommendation or an internal review's, the force's response, what it did, and its
 * completion. docs/events.md names the events, the source, `dueOn`, `accepted` and `response`;
 * the other fields are ours (the brief of issue 6: force, dueOn, text), as is the rule
 * that the recommendation's id is carried by the first event only, as `caseId` is.
 * `text`, `response` and `action` are free text: VAULT_FIELDS, sealed before the append
 * (recommendation.stream.ts).
 */
import { eventOf, eventTypeGuard } from '../common/decider';
import type { DateFields, EventOf, SchemaVersions, VaultFields } from '../common/decider';

export const RECOMMENDATION_SOURCES = ['IOPC', 'HMICFRS', 'INTERNAL_REVIEW'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

export interface RecommendationMade {
  recommendationId: string;
  source: RecommendationSource;
  /** The force the recommendation is made to. */
  force: string;
  madeOn: string;
  /** When it must be carried out by ("within six months": the report's date and six months). */
  dueOn: string;
  /** The maker's own reference (an IOPC reference, a report's title), if any. */
  reference?: string;
  text: string;
}

export interface RecommendationResponded {
  respondedOn: string;
  accepted: boolean;
  response: string;
}

export interface RecommendationActionRecorded {
  on: string;
  action: string;
}

export interface RecommendationCompleted {
  completedOn: string;
}

export interface RecommendationEventDataMap {
  RecommendationMade: RecommendationMade;
  RecommendationResponded: RecommendationResponded;
  RecommendationActionRecorded: RecommendationActionRecorded;
  RecommendationCompleted: RecommendationCompleted;
}

export type RecommendationEventType = keyof RecommendationEventDataMap;
export type RecommendationEvent = EventOf<RecommendationEventDataMap>;
export const recommendationEvent = eventOf<RecommendationEventDataMap>();

export const RECOMMENDATION_EVENT_SCHEMA_VERSION: SchemaVersions<RecommendationEventDataMap> = {
  RecommendationMade: 1,
  RecommendationResponded: 1,
  RecommendationActionRecorded: 1,
  RecommendationCompleted: 1,
};

export const isRecommendationEventType = eventTypeGuard(RECOMMENDATION_EVENT_SCHEMA_VERSION);

export const RECOMMENDATION_EVENT_DATE: DateFields<RecommendationEventDataMap> = {
  RecommendationMade: 'madeOn',
  RecommendationResponded: 'respondedOn',
  RecommendationActionRecorded: 'on',
  RecommendationCompleted: 'completedOn',
};

export const VAULT_FIELDS: VaultFields<RecommendationEventDataMap> = {
  RecommendationMade: ['text'],
  RecommendationResponded: ['response'],
  RecommendationActionRecorded: ['action'],
  RecommendationCompleted: [],
};
