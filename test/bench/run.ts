/**
 * `npm run bench [-- --json] [-- --only NAME]`: runs every `test/bench/*.bench.ts` and prints its figures.
 *
 * Machines are shared and noisy, so each benchmark reports ratios measured in the same run (ours
 * against a baseline or a computed lower bound), next to the raw numbers they came from.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** One measured figure. `goal` says what a good value is, in words (e.g. "≤ 1.25"). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly goal?: string;
  /** Whether the goal was met, when there is one. */
  readonly met?: boolean;
}

/** What a `*.bench.ts` file default-exports. */
export interface Benchmark {
  readonly title: string;
  run(): Promise<ReadonlyArray<Figure>>;
}

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string' } },
});

const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => !values.only || file.includes(values.only))
  .sort();

const all: Record<string, number> = {};
for (const file of files) {
  const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: Benchmark };
  const bench = module.default;
  if (!values.json) console.log(`\n${bench.title}`);
  const figures = await bench.run();
  for (const figure of figures) {
    all[`${path.basename(file, '.bench.ts')}.${figure.name}`] = figure.value;
    if (!values.json) {
      const verdict = figure.goal
        ? `  goal ${figure.goal}${figure.met === undefined ? '' : figure.met ? ' ✓' : ' ✗'}`
        : '';
      console.log(
        `  ${figure.name.padEnd(44)} ${formatValue(figure.value).padStart(12)} ${figure.unit}${verdict}`,
      );
    }
  }
}
if (values.json) console.log(JSON.stringify(all));

function formatValue(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}
