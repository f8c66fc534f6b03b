/**
 * The published PHS known answers (../shared/design/phs-algorithm.md, 1000 iterations), written
 * out for the tests: independent of the self-test's copy in electron/self-test/vectors.ts, which a
 * test compares against this one.
 */
export const PUBLISHED = [
  {
    password: 'Pa$$w0rd',
    nt: '92937945b518814341de3f726500d4ff',
    salt: '317ee9d1dec6508fa510',
    key: '7eaea8e1628dffee62cf319f4e1fc05254da30a1d42ff755ff352f5b13497531',
  },
  {
    password: 'Pa$$w0rd',
    nt: '92937945b518814341de3f726500d4ff',
    salt: '181a3024085fcee2f70e',
    key: 'b39525c3bc72a1136fcf7c8a338e0c14313d0450d1a4c98ef0a6ddada3bc5b0a',
  },
  {
    password: '',
    nt: '31d6cfe0d16ae931b73c59d7e0c089c0',
    salt: '01cda06eceb9d9bc2621',
    key: '9d4fc778add44776555d3fa6ccb4f9637f25e34a62dbc5fa0f782ef8c762c902',
  },
] as const;

export const PUBLISHED_WIRES: readonly string[] = PUBLISHED.map(
  (k) => `v1;PPH1_MD4,${k.salt},1000,${k.key};`,
);
