import { eachSeedStory } from '../common/testing/seed-story-events';
import { caseFacts } from '../common/case-facts';
import { misconductStatisticsProjection } from './misconduct-statistics.projection';
import { statisticsCaseFacts } from './statistics-facts';

/**
 * The projection reads only some case events (its filter): the tables of every seed story
 * must be those of the whole story, or an event the filter leaves out mattered to a figure.
 */
describe('the misconduct statistics read enough of a case to count it', () => {
  const read = new Set(misconductStatisticsProjection.filter.eventTypes);

  it.each(eachSeedStory())('%s: the filtered events count what the whole story counts', (_title, events) => {
    const whole = caseFacts(events, statisticsCaseFacts);
    const filtered = caseFacts(
      events.filter((event) => read.has(event.type)),
      statisticsCaseFacts,
    );
    expect([...filtered].sort()).toEqual([...whole].sort());
  });
});
