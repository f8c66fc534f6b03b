/** The package check's figures, one line each, for people reading `npm test` output. */
import { MAX_ASAR_BYTES, type AsarFacts } from './asar-facts.ts';
import type { BootRun } from './boot-check.ts';

const figure = (n: number): string => n.toLocaleString('en-US');

/** `passed=true, results: 16, millis=158.7`: the self-test answer without its details. */
export function describeSelfTest(envelope: unknown): string {
  const value = (envelope as { value?: unknown } | null)?.value;
  if (typeof value !== 'object' || value === null) return JSON.stringify(envelope);
  return Object.entries(value)
    .map(([key, v]) =>
      Array.isArray(v)
        ? `${key}: ${v.length}`
        : typeof v === 'number'
          ? `${key}=${Math.round(v * 10) / 10}`
          : typeof v === 'object'
            ? `${key}: …`
            : `${key}=${String(v)}`,
    )
    .join(', ');
}

export function summaryLines(facts: {
  version: string;
  builderMillis: number;
  asar: AsarFacts;
  fuses: string;
  boot: BootRun | null;
  millis: number;
}): string[] {
  const { asar, boot } = facts;
  return [
    `package:check — Linux dir target, stand-in Electron ${facts.version} (nothing downloaded), electron-builder in ${figure(Math.round(facts.builderMillis))} ms`,
    `  app.asar      ${figure(asar.bytes)} bytes (limit ${figure(MAX_ASAR_BYTES)}), ${figure(asar.entries)} entries, ${asar.nodeModulesEntries} under node_modules`,
    `  fuses         ${facts.fuses}`,
    `  hash worker   ${boot ? `started from ${boot.report.workerFiles[0] ?? 'nowhere'}` : 'not booted'}`,
    `  boot (Node)   ${boot ? `app ready → ${boot.report.channels.length} IPC handlers → phs:selfTest ${describeSelfTest(boot.report.selfTest)}` : 'failed'}`,
    `  quit          ${boot ? `held by main until ${boot.report.quit.workersBefore} hash worker(s) stopped (${boot.report.quit.workersAfter} left)` : 'not reached'}`,
    `  took          ${(facts.millis / 1000).toFixed(1)} s`,
  ];
}
