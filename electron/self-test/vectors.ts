/**
 * The known answers of the start-up self-test, all in one place: published test vectors of each
 * standard where one exists, and the PHS (OrgId) answers of phs-algorithm.md. Hex unless noted.
 * Each is its document's own value, copied, never computed by the code it tests.
 */

/** RFC 1320 §A.5, the MD4 test suite. */
export const MD4_VECTORS = [
  { input: '', digest: '31d6cfe0d16ae931b73c59d7e0c089c0' },
  { input: 'abc', digest: 'a448017aaf21d8525fc10ae87aa6729d' },
  { input: 'message digest', digest: 'd9130a8164549fe818874806e1c7014b' },
  {
    input: '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
    digest: 'e33b4ddc9c38f2199c3e7b164fcc0536',
  },
] as const;

/** RFC 1321 §A.5, the MD5 test suite. */
export const MD5_VECTORS = [
  { input: '', digest: 'd41d8cd98f00b204e9800998ecf8427e' },
  { input: 'abc', digest: '900150983cd24fb0d6963f7d28e17f72' },
  { input: 'message digest', digest: 'f96b697d7cb7938d525a2f31aaf161d0' },
] as const;

/** RFC 2202 §2, HMAC-MD5 test cases 1, 2 and 6 (keys in hex, data as ASCII). */
export const HMAC_MD5_VECTORS = [
  { key: '0b'.repeat(16), data: 'Hi There', mac: '9294727a3638bb1c13f48ef8158bfc9d' },
  {
    key: Buffer.from('Jefe').toString('hex'),
    data: 'what do ya want for nothing?',
    mac: '750c783e6ab0b503eaa86e310a5db738',
  },
  {
    key: 'aa'.repeat(80),
    data: 'Test Using Larger Than Block-Size Key - Hash Key First',
    mac: '6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd',
  },
] as const;

/** RFC 6229 §2, RC4 keystream at the given offsets for a 40-bit and a 128-bit key. */
export const RC4_VECTORS = [
  {
    key: '0102030405',
    stream: [
      { offset: 0, bytes: 'b2396305f03dc027ccc3524a0a1118a8' },
      { offset: 16, bytes: '6982944f18fc82d589c403a47a0d0919' },
      { offset: 240, bytes: '28cb1132c96ce286421dcaadb8b69eae' },
      { offset: 4096, bytes: 'ff25b58995996707e51fbdf08b34d875' },
    ],
  },
  {
    key: '0102030405060708090a0b0c0d0e0f10',
    stream: [{ offset: 0, bytes: '9ac7cc9a609d1ef7b2932899cde41b97' }],
  },
] as const;

/** Single DES on one block: the FIPS 81 example ("Now is t") and the classic textbook pair. */
export const DES_VECTORS = [
  { key: '0123456789abcdef', plain: Buffer.from('Now is t').toString('hex'), cipher: '3fa40e8a984d4815' },
  { key: '133457799bbcdff1', plain: '0123456789abcdef', cipher: '85e813540f0ab405' },
] as const;

/** RFC 7914 §11, PBKDF2-HMAC-SHA256 with P = "passwd", S = "salt", c = 1, dkLen = 64. */
export const PBKDF2_SHA256_VECTORS = [
  {
    password: 'passwd',
    salt: 'salt',
    iterations: 1,
    key: '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
  },
] as const;

/** The published PHS known answers (phs-algorithm.md): NT hash + salt → wire string, 1,000 iterations. */
export const KNOWN_ANSWERS: readonly {
  readonly ntHash: string;
  readonly salt: string;
  readonly wire: string;
}[] = [
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

/**
 * AES-256-GCM, test cases 14 and 16 of McGrew & Viega, "The Galois/Counter Mode of Operation"
 * (the GCM submission to NIST, whose vectors NIST's GCMVS includes): 96-bit IV, 128-bit tag.
 */
export const AES_256_GCM_VECTORS = [
  {
    key: '00'.repeat(32),
    iv: '00'.repeat(12),
    aad: '',
    plain: '00'.repeat(16),
    cipher: 'cea7403d4d606b6e074ec5d3baf39d18',
    tag: 'd0d1c8a799996bf0265b98b5d48ab919',
  },
  {
    key: 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308',
    iv: 'cafebabefacedbaddecaf888',
    aad: 'feedfacedeadbeeffeedfacedeadbeefabaddad2',
    plain:
      'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    cipher:
      '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662',
    tag: '76fc6ece0f4e1768cddf8853bb2d551b',
  },
] as const;
