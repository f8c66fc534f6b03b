import { describe, expect, it } from 'vitest';
import { parseTenantArgs, TENANT_HELP } from '../../../electron/cli/tenant-args.ts';

describe('phs tenant arguments', () => {
  it('parses the three actions and their options', () => {
    expect(parseTenantArgs(['login', '--tenant', 't.json'])).toMatchObject({ action: 'login', deviceCode: false, username: undefined, openBrowser: true });
    expect(parseTenantArgs(['login', '--tenant', 't.json', '--device-code'])).toMatchObject({ deviceCode: true });
    expect(parseTenantArgs(['login', '--tenant', 't.json', '--username', 'a@b.c', '--password-stdin', '--key-file', 'k'])).toMatchObject({ username: 'a@b.c', passwordStdin: true, keyFile: 'k' });
    expect(parseTenantArgs(['status', '--tenant', 't.json', '--json'])).toMatchObject({ action: 'status', json: true });
    expect(parseTenantArgs(['logout', '--tenant', 't.json', '--cache-file', 'c'])).toMatchObject({ action: 'logout', cacheFile: 'c' });
    expect(parseTenantArgs(['--help'])).toBe('help');
  });

  it.each([
    [['login'], '--tenant'],
    [[], 'login, status or logout'],
    [['login', '--tenant', 't', 'extra'], 'unexpected argument'],
    [['login', '--tenant', 't', '--password-stdin'], 'go together'],
    [['logout', '--tenant', 't', '--json'], '--json belongs'],
  ])('refuses %j', (args, message) => {
    expect(() => parseTenantArgs(args)).toThrow(message);
  });

  it('documents the password grant as automation-only and names the key file', () => {
    expect(TENANT_HELP).toMatch(/password grant \(ROPC\)/);
    expect(TENANT_HELP).toContain('tenant emulator');
    expect(TENANT_HELP).toContain('${XDG_CONFIG_HOME:-~/.config}/phs-sync/cli-token.key');
    expect(TENANT_HELP).toContain('3 signed in but not an administrator');
  });
});
