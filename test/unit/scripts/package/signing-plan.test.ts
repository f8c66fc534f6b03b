import { describe, expect, it } from 'vitest';
import { signingPlan, targetsOf } from '../../../../scripts/package/signing-plan.ts';

const azure = {
  AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
  AZURE_TRUSTED_SIGNING_ACCOUNT: 'phs-account',
  AZURE_TRUSTED_SIGNING_CERTIFICATE_PROFILE: 'phs-profile',
  AZURE_TRUSTED_SIGNING_PUBLISHER: 'PHS Sync maintainers',
  AZURE_TENANT_ID: 't',
  AZURE_CLIENT_ID: 'c',
  AZURE_CLIENT_SECRET: 'very-secret',
};

describe('the signing plan of npm run package', () => {
  it('says nothing is signed or notarized without credentials, and turns notarization off', () => {
    const plan = signingPlan({}, ['win', 'mac', 'linux']);
    expect(plan.errors).toEqual([]);
    expect(plan.lines.join('\n')).toMatch(/Windows: NOT signed — set CSC_LINK and CSC_KEY_PASSWORD/);
    expect(plan.lines.join('\n')).toMatch(/macOS: NOT notarized — set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID/);
    expect(plan.args).toEqual(['-c.mac.notarize=false']);
  });

  it('signs Windows with signtool from CSC_LINK without printing the password', () => {
    const plan = signingPlan({ CSC_LINK: '/secure/cert.pfx', CSC_KEY_PASSWORD: 'hunter2' }, ['win']);
    expect(plan.lines).toEqual(['Windows: signed with signtool, certificate from CSC_LINK (password from CSC_KEY_PASSWORD).']);
    expect(plan.lines.join()).not.toContain('hunter2');
  });

  it('passes Azure Trusted Signing settings to electron-builder, never the client secret', () => {
    const plan = signingPlan(azure, ['win']);
    expect(plan.args).toEqual([
      '-c.win.azureSignOptions.endpoint=https://weu.codesigning.azure.net',
      '-c.win.azureSignOptions.codeSigningAccountName=phs-account',
      '-c.win.azureSignOptions.certificateProfileName=phs-profile',
      '-c.win.azureSignOptions.publisherName=PHS Sync maintainers',
    ]);
    expect([...plan.lines, ...plan.args].join()).not.toContain('very-secret');
  });

  it('refuses a half-configured method instead of building unsigned', () => {
    expect(signingPlan({ ...azure, AZURE_CLIENT_SECRET: '' }, ['win']).errors).toEqual(['Azure Trusted Signing needs AZURE_CLIENT_SECRET as well.']);
    expect(signingPlan({ APPLE_ID: 'a@example.com' }, ['mac']).errors).toEqual(['Notarization needs APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID as well.']);
  });

  it('notarizes with an Apple ID when all three variables are set', () => {
    const plan = signingPlan({ CSC_LINK: 'id.p12', APPLE_ID: 'a@example.com', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'TEAM123' }, ['mac']);
    expect(plan).toEqual({
      lines: ['macOS: signed with the Developer ID Application identity from CSC_LINK, hardened runtime.', 'macOS: notarized with an Apple ID of team TEAM123.'],
      args: [],
      errors: [],
    });
  });

  it('reads the target systems from electron-builder flags, or the host', () => {
    expect(targetsOf(['--linux', 'deb', '-w'], 'darwin')).toEqual(['linux', 'win']);
    expect(targetsOf([], 'darwin')).toEqual(['mac']);
    expect(targetsOf(['--publish', 'never'], 'linux')).toEqual(['linux']);
  });
});
