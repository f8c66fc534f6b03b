/** The published PHS known answers (phs-algorithm.md), run through the real pool. */
import type { HashPool } from './pool.ts';

export const KNOWN_ANSWERS: readonly { readonly ntHash: string; readonly salt: string; readonly wire: string }[] = [
  {
    ntHash: '92937945b518814341de3f726500d4ff',
    salt: '317ee9d1dec6508fa510',
    wire: 'v1;PPH1_MD4,317ee9d1dec6508fa510,1000,7eaea8e1628dffee62cf319f4e1fc05254da30a1d42ff755ff352f5b13497531;',
  },
  {
    ntHash: '92937945b518814341de3f726500d4ff',
    salt: '181a3024085fcee2f70e',
    wire: 'v1;PPH1_MD4,181a3024085fcee2f70e,1000,b39525c3bc72a1136fcf7c8a338e0c14313d0450d1a4c98ef0a6ddada3bc5b0a;',
  },
  {
    ntHash: '31d6cfe0d16ae931b73c59d7e0c089c0',
    salt: '01cda06eceb9d9bc2621',
    wire: 'v1;PPH1_MD4,01cda06eceb9d9bc2621,1000,9d4fc778add44776555d3fa6ccb4f9637f25e34a62dbc5fa0f782ef8c762c902;',
  },
];

export interface SelfTestResult {
  readonly passed: boolean;
  readonly vectors: number;
  readonly workers: number;
  readonly millis: number;
}

export async function runSelfTest(pool: HashPool): Promise<SelfTestResult> {
  const started = performance.now();
  const items = KNOWN_ANSWERS.map((k) => ({ ntHash: Buffer.from(k.ntHash, 'hex'), salt: Buffer.from(k.salt, 'hex') }));
  const wires = pool.iterations === 1000 ? await pool.hash(items) : [];
  const passed = wires.length === KNOWN_ANSWERS.length && wires.every((w, i) => w === KNOWN_ANSWERS[i]?.wire);
  return { passed, vectors: KNOWN_ANSWERS.length, workers: pool.size, millis: performance.now() - started };
}
