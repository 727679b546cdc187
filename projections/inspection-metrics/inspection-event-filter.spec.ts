import { eachSeedStory } from '../common/testing/seed-story-events';
import { caseFacts } from '../common/case-facts';
import { inspectionCaseFacts } from './inspection-case-facts';
import { inspectionMetricsProjection } from './inspection-metrics.projection';

/**
 * The projection reads only some case events (its filter): the figures of every seed story
 * must be those of the whole story, or an event the filter leaves out mattered to a figure.
 */
describe('the inspection metrics read enough of a case to count it', () => {
  const read = new Set(inspectionMetricsProjection.filter.eventTypes);

  it.each(eachSeedStory())('%s: the filtered events count what the whole story counts', (_title, events) => {
    const whole = caseFacts(events, inspectionCaseFacts);
    const filtered = caseFacts(
      events.filter((event) => read.has(event.type)),
      inspectionCaseFacts,
    );
    expect(whole.length).toBeGreaterThan(0);
    expect([...filtered].sort()).toEqual([...whole].sort());
  });
});
