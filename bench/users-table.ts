/**
 * `npm run bench:table [-- --users N] [-- --frames K]`: the dashboard's users table at 100,000 users
 * (default) in Debian Chromium — the built renderer over the real dispatcher and EngineService, on
 * a stand-in engine whose state store holds the users (test/e2e/users-table-probe.ts, the probe
 * the e2e test shares). Scrolling 10 rows a frame for K frames (default 240): median, p95 and max
 * requestAnimationFrame interval, beside the limit measured on the same page in the same run: the
 * rAF interval while idle, i.e. the display's frame budget in this browser (≈16.7 ms at 60 Hz);
 * the share of scrolled frames within 1.5× that interval; rows in the DOM (bounded by
 * virtualisation); the jump to the last row and the Result filter.
 * Needs `npm run build` (the script does it) and Chromium (/usr/bin/chromium or PHS_CHROMIUM).
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CHROMIUM_PATH } from '../test/e2e/chromium.ts';
import { RENDERER_DIR, startHarness, type Harness } from '../test/e2e/harness.ts';
import {
  BUDGET_FACTOR,
  ROWS_PER_FRAME,
  probeUsersTable,
  type FrameStats,
  type UsersTableFigures,
} from '../test/e2e/users-table-probe.ts';

const NAME = 'bench:table';

function fail(message: string): never {
  console.error(`${NAME}: ${message}`);
  process.exit(1);
}

function wholeNumber(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) fail(`--${option} takes a whole number ≥ 1, not "${value}".`);
  return n;
}

let args: { users?: string | undefined; frames?: string | undefined };
try {
  args = parseArgs({ options: { users: { type: 'string' }, frames: { type: 'string' } } }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)} (usage: --users N --frames K)`);
}
const users = wholeNumber('users', args.users, 100_000);
const frames = wholeNumber('frames', args.frames, 240);

if (!existsSync(`${RENDERER_DIR}index.html`)) {
  fail(`the renderer is not built (${RENDERER_DIR}index.html is missing): run npm run build first.`);
}
if (!existsSync(CHROMIUM_PATH)) {
  fail(`Chromium is not at ${CHROMIUM_PATH}: install Debian's "chromium" package or set PHS_CHROMIUM.`);
}

const int = (n: number): string => n.toLocaleString('en');
const ms = (n: number, digits = 1): string => `${n.toFixed(digits)} ms`;
const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function statsRow(label: string, s: FrameStats): string {
  return [
    label.padEnd(9),
    ms(s.median).padStart(8),
    ms(s.p95).padStart(8),
    ms(s.max).padStart(8),
    ms(s.mean).padStart(8),
  ].join(' | ');
}

function report(f: UsersTableFigures, chromium: string): void {
  const idle = f.idle.median;
  console.log(
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}, ` +
      `Chromium ${chromium} (headless, --disable-gpu), load average ${load()}`,
  );
  console.log(
    `setup: ${int(f.users)} users into the stand-in engine's store in ${ms(f.seedMs, 0)}; ` +
      `dashboard opened to "${int(f.users)} users" shown in ${ms(f.loadMs, 0)}`,
  );
  console.log(
    `limit (rAF interval of the same page while idle, ${f.frames} frames = the display's frame budget in this ` +
      `browser): median ${ms(idle, 2)} (${(1000 / idle).toFixed(1)} Hz), p95 ${ms(f.idle.p95, 2)}`,
  );
  console.log('');
  console.log(
    `frame intervals, ${f.frames} frames; scrolling ${ROWS_PER_FRAME} rows (320 px) before each frame:`,
  );
  console.log('          |   median |      p95 |      max |     mean');
  console.log('--------- | -------- | -------- | -------- | --------');
  console.log(statsRow('idle', f.idle));
  console.log(statsRow('scrolling', f.scroll));
  console.log(
    `scrolling: median ${(f.scroll.median / idle).toFixed(2)}x, p95 ${(f.scroll.p95 / idle).toFixed(2)}x the idle ` +
      `frame; ${pct(f.withinBudget)} of frames within ${BUDGET_FACTOR}x the idle frame (${ms(BUDGET_FACTOR * idle)})`,
  );
  console.log(
    `rows in the DOM (header included): ${f.rowsBefore} before scrolling, ${f.rowsAfterScroll} after, ` +
      `${f.rowsAfterJump} after the jump; at most ${f.maxRowsWhileScrolling} body rows in any scrolled frame ` +
      `(of ${int(f.users)} users)`,
  );
  console.log(
    f.lastUserShown
      ? `jump to the last row (${f.lastUser}): ${ms(f.jumpMs, 0)}`
      : `jump to the last row (${f.lastUser}): it did not show`,
  );
  console.log(
    `filter Result = Failed (${int(f.failedShown)} of ${int(f.users)} users shown): ${ms(f.filterMs, 0)}`,
  );
}

let harness: Harness;
try {
  harness = await startHarness();
} catch (error) {
  fail(error instanceof Error ? error.message.split('\n')[0]! : String(error));
}
try {
  console.log(
    `${NAME}: the users table at ${int(users)} users in Chromium (built renderer, dashboard, 1280x800)`,
  );
  const figures = await probeUsersTable(harness, { users, frames });
  report(figures, harness.browser.version());
  const problems = [
    ...(figures.lastUserShown ? [] : [`the last user (${figures.lastUser}) did not show after the jump`]),
    ...(figures.failedShown === figures.failedExpected
      ? []
      : [`the filter showed ${figures.failedShown} failed users, not ${figures.failedExpected}`]),
    ...figures.pageErrors.map((e) => `page error: ${e}`),
  ];
  if (problems.length > 0) {
    for (const p of problems) console.error(`${NAME}: ${p}`);
    process.exitCode = 1;
  }
} finally {
  await harness.close();
}
