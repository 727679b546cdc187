/**
 * A horizontal bar chart as SVG, drawn on the server: a picture for those who see it, with a
 * text alternative naming every figure (and the same figures in a table beside it on the
 * page, for those who read tables). No script, no external library.
 */
const BAR_HEIGHT = 24;
const GAP = 8;
const LABEL_WIDTH = 180;
const BAR_WIDTH = 360;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function barChart(title: string, bars: readonly { label: string; value: number }[]): string {
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  const description = `${title}: ${bars.map((bar) => `${bar.label} ${bar.value}`).join(', ')}.`;
  const rows = bars.map((bar, index) => {
    const y = GAP + index * (BAR_HEIGHT + GAP);
    const width = Math.round((bar.value / largest) * BAR_WIDTH);
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT / 2}" text-anchor="end" dominant-baseline="middle" fill="#0b0c0c" font-size="16">${escape(bar.label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" fill="#1d70b8"></rect>` +
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + BAR_HEIGHT / 2}" dominant-baseline="middle" fill="#0b0c0c" font-size="16">${bar.value}</text>`
    );
  });
  return (
    `<svg class="app-chart" role="img" aria-label="${escape(description)}" viewBox="0 0 ${LABEL_WIDTH + BAR_WIDTH + 60} ${height}" ` +
    `width="100%" preserveAspectRatio="xMinYMin meet" font-family="arial, sans-serif" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`
  );
}
