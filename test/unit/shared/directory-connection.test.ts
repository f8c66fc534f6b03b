/** One directory-connection schema: the CLI's file, the engine config's block and the wizard's draft. */
import { describe, expect, it } from 'vitest';
import {
  connectionOfDraft,
  directoryConnectionSchema,
  effectivePassword,
} from '../../../shared/directory-connection.ts';
import { DEFAULT_DIRECTORY_DRAFT } from '../../../shared/directory-schemas.ts';

const SHA = `${'0A:'.repeat(31)}FF`;

describe('the directory connection schema', () => {
  it("writes the wizard's draft in it: LDAPS with a CA file, StartTLS pinned, an IPv6 address", () => {
    const base = { ...DEFAULT_DIRECTORY_DRAFT, host: '127.0.0.1', username: 'LAB\\svc' };
    expect(
      connectionOfDraft({ ...base, trust: { kind: 'pem', file: '/etc/ca.pem' }, serverName: 'DC1.lab' }),
    ).toEqual({
      url: 'ldaps://127.0.0.1:636',
      startTls: false,
      caFile: '/etc/ca.pem',
      serverName: 'DC1.lab',
      username: 'LAB\\svc',
    });
    expect(
      connectionOfDraft({
        ...base,
        transport: 'starttls',
        port: 389,
        trust: { kind: 'pinned', sha256: SHA },
      }),
    ).toEqual({
      url: 'ldap://127.0.0.1:389',
      startTls: true,
      fingerprint: SHA,
      username: 'LAB\\svc',
    });
    expect(connectionOfDraft({ ...base, host: '::1' }).url).toBe('ldaps://[::1]:636');
  });

  it('refuses a draft the CLI would refuse (no account)', () => {
    expect(() => connectionOfDraft({ ...DEFAULT_DIRECTORY_DRAFT, host: 'dc1', username: ' ' })).toThrow();
  });

  it('lets PHS_AD_PASSWORD win over the file, and an empty one count as unset', () => {
    const file = directoryConnectionSchema.parse({ url: 'ldaps://dc1', username: 'u', password: 'file' });
    expect(effectivePassword(file, { PHS_AD_PASSWORD: 'env' })).toBe('env');
    expect(effectivePassword(file, { PHS_AD_PASSWORD: '' })).toBe('file');
    expect(effectivePassword({ ...file, password: undefined }, {})).toBeUndefined();
  });
});
