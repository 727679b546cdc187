/**
 * docs/domain/regulations.md's confidence marks on the facts a rule rests on: ✔ read in a
 * primary source, ◐ partly confirmed, ✖ not confirmed. A fact marked ◐ or ✖ is data carrying
 * its mark, never stated as law: a refusal or a deadline that rests on one says so beside it.
 */
export const CONFIDENCES = ['CONFIRMED', 'PARTLY_CONFIRMED', 'UNCONFIRMED'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The mark and its words, as regulations.md writes them. */
export const CONFIDENCE_MARKS: { readonly [C in Confidence]: string } = {
  CONFIRMED: '✔ confirmed',
  PARTLY_CONFIRMED: '◐ partly confirmed',
  UNCONFIRMED: '✖ unconfirmed',
};
