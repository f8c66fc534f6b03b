/** How `phs doctor` prints a self-test report for a person: one line per primitive, then the verdict. */
import type { PrimitiveResult, SelfTestReport, SelfTestWhere } from '../../shared/self-test-schemas.ts';

const NAME_WIDTH = 26;
const VERDICT_WIDTH = 14;

function verdict(result: PrimitiveResult | undefined): string {
  if (result === undefined) return 'not run';
  return result.passed ? 'ok' : 'FAILED';
}

function runtimesOf(report: SelfTestReport, where: SelfTestWhere): string {
  return [...new Set(report.results.filter((r) => r.where === where).map((r) => r.runtime))].join(', ');
}

export function formatDoctor(report: SelfTestReport): string {
  const names = [...new Set(report.results.map((r) => r.name))];
  const find = (name: string, where: SelfTestWhere) =>
    report.results.find((r) => r.name === name && r.where === where);
  const main = runtimesOf(report, 'main');
  const worker = runtimesOf(report, 'worker');
  const lines = [
    'Cryptographic self-test: each primitive the engine needs, against published known answers,',
    'in this process and in a hash worker thread.',
    main === worker ? `Runtime: ${main}` : `Runtime: ${main} (main process), ${worker} (hash worker)`,
    '',
    `  ${'primitive'.padEnd(NAME_WIDTH)}${'main process'.padEnd(VERDICT_WIDTH)}${'hash worker'.padEnd(VERDICT_WIDTH)}known answers`,
  ];
  for (const name of names) {
    const inMain = find(name, 'main');
    const inWorker = find(name, 'worker');
    const source = (inMain ?? inWorker)?.source ?? '';
    lines.push(
      `  ${name.padEnd(NAME_WIDTH)}${verdict(inMain).padEnd(VERDICT_WIDTH)}${verdict(inWorker).padEnd(VERDICT_WIDTH)}${source}`,
    );
    for (const failed of [inMain, inWorker]) {
      if (failed === undefined || failed.passed) continue;
      lines.push(
        `      ${failed.where === 'main' ? 'main process' : 'hash worker'}: ${failed.error ?? 'failed'}`,
      );
    }
  }
  lines.push('');
  const ms = Math.round(report.millis);
  lines.push(
    report.passed
      ? `All ${names.length} primitives passed in both places (${ms} ms): password hash sync can run here.`
      : `${report.results.filter((r) => !r.passed).length} of ${report.results.length} checks failed (${ms} ms): password hash sync is blocked on this machine.`,
  );
  return lines.join('\n');
}
