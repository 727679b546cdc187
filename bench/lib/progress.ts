import { Presets, SingleBar } from 'cli-progress';

/** A progress bar on stderr; prints a line every two seconds when stderr is not a terminal. */
export interface ProgressBar {
  update(value: number): void;
  stop(): void;
}

export class Progress {
  bar(label: string, total: number, unit = 'events'): ProgressBar {
    const started = performance.now();
    const bar = new SingleBar(
      {
        format: `${label.padEnd(26)} |{bar}| {value}/{total} ${unit} | {rate}/s | {duration}s`,
        stream: process.stderr,
        noTTYOutput: true,
        notTTYSchedule: 2000,
        hideCursor: true,
        barsize: 24,
        fps: 5,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '0' });
    return {
      update(value: number): void {
        const seconds = (performance.now() - started) / 1000;
        bar.update(value, { rate: seconds > 0 ? Math.round(value / seconds).toString() : '0' });
      },
      stop(): void {
        bar.stop();
      },
    };
  }

  log(line: string): void {
    process.stderr.write(`${line}\n`);
  }
}
