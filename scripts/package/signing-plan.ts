/**
 * What `npm run package` signs and notarizes, decided from environment variables only (no secret
 * lives in the repository): the lines to print, and the electron-builder arguments that carry it out.
 * A half-configured signing method is an error, not a silent unsigned build.
 */
export type TargetOs = 'linux' | 'mac' | 'win';
export type Env = Readonly<Record<string, string | undefined>>;

export interface SigningPlan {
  /** One line per decision, for the console. Never contains a secret's value. */
  readonly lines: readonly string[];
  /** Extra electron-builder CLI arguments (config overrides). */
  readonly args: readonly string[];
  /** Half-configured methods: the build must not start. */
  readonly errors: readonly string[];
}

export const AZURE_SIGNING_VARS = {
  endpoint: 'AZURE_TRUSTED_SIGNING_ENDPOINT',
  codeSigningAccountName: 'AZURE_TRUSTED_SIGNING_ACCOUNT',
  certificateProfileName: 'AZURE_TRUSTED_SIGNING_CERTIFICATE_PROFILE',
  publisherName: 'AZURE_TRUSTED_SIGNING_PUBLISHER',
} as const;
/** Read by Azure's EnvironmentCredential when TrustedSigning signs. */
export const AZURE_CREDENTIAL_VARS = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'] as const;
export const APPLE_ID_VARS = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] as const;
export const APPLE_API_KEY_VARS = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'] as const;

interface Part {
  readonly line: string;
  readonly args?: readonly string[];
  readonly error?: string;
}

const isSet = (env: Env, name: string): boolean => (env[name] ?? '') !== '';
const missing = (env: Env, names: readonly string[]): string[] => names.filter((name) => !isSet(env, name));

/** A group of variables: all set, none set, or (an error) some set. */
function group(env: Env, names: readonly string[]): 'all' | 'none' | 'some' {
  const absent = missing(env, names).length;
  return absent === 0 ? 'all' : absent === names.length ? 'none' : 'some';
}

function windows(env: Env): Part {
  const azure = [...Object.values(AZURE_SIGNING_VARS), ...AZURE_CREDENTIAL_VARS];
  const azureState = group(env, azure);
  if (azureState === 'some') return { line: 'Windows: Azure Trusted Signing is half configured.', error: `Azure Trusted Signing needs ${missing(env, azure).join(', ')} as well.` };
  if (azureState === 'all') {
    const args = Object.entries(AZURE_SIGNING_VARS).map(([key, name]) => `-c.win.azureSignOptions.${key}=${env[name] ?? ''}`);
    return { line: `Windows: signed with Azure Trusted Signing (account ${env[AZURE_SIGNING_VARS.codeSigningAccountName] ?? ''}, profile ${env[AZURE_SIGNING_VARS.certificateProfileName] ?? ''}).`, args };
  }
  const link = ['WIN_CSC_LINK', 'CSC_LINK'].find((name) => isSet(env, name));
  if (link) {
    const password = ['WIN_CSC_KEY_PASSWORD', 'CSC_KEY_PASSWORD'].find((name) => isSet(env, name));
    return { line: `Windows: signed with signtool, certificate from ${link}${password ? ` (password from ${password})` : ' (no password set)'}.` };
  }
  return { line: 'Windows: NOT signed — set CSC_LINK and CSC_KEY_PASSWORD (a .pfx for signtool) or the AZURE_TRUSTED_SIGNING_* and AZURE_* variables (Azure Trusted Signing). SmartScreen warns users of unsigned installers.' };
}

function macSigning(env: Env): Part {
  const source = ['CSC_LINK', 'CSC_NAME'].find((name) => isSet(env, name));
  if (source) return { line: `macOS: signed with the Developer ID Application identity from ${source}, hardened runtime.` };
  if (env['CSC_IDENTITY_AUTO_DISCOVERY'] === 'false') return { line: 'macOS: NOT signed (CSC_IDENTITY_AUTO_DISCOVERY=false); Gatekeeper blocks unsigned apps.' };
  return { line: 'macOS: no CSC_LINK or CSC_NAME — signed only if electron-builder finds a Developer ID Application identity in the keychain; otherwise Gatekeeper blocks the app.' };
}

function macNotarization(env: Env): Part {
  const appleId = group(env, APPLE_ID_VARS);
  const apiKey = group(env, APPLE_API_KEY_VARS);
  if (appleId === 'some') return { line: 'macOS: notarization with an Apple ID is half configured.', error: `Notarization needs ${missing(env, APPLE_ID_VARS).join(', ')} as well.` };
  if (apiKey === 'some') return { line: 'macOS: notarization with an API key is half configured.', error: `Notarization needs ${missing(env, APPLE_API_KEY_VARS).join(', ')} as well.` };
  if (apiKey === 'all') return { line: `macOS: notarized with the App Store Connect API key ${env['APPLE_API_KEY_ID'] ?? ''}.` };
  if (appleId === 'all') return { line: `macOS: notarized with an Apple ID of team ${env['APPLE_TEAM_ID'] ?? ''}.` };
  return { line: 'macOS: NOT notarized — set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID (or APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER).', args: ['-c.mac.notarize=false'] };
}

const linux: Part = { line: 'Linux: deb and AppImage are not signed (publish the deb through a signed apt repository).' };

export function signingPlan(env: Env, targets: readonly TargetOs[]): SigningPlan {
  const parts: Part[] = [];
  if (targets.includes('win')) parts.push(windows(env));
  if (targets.includes('mac')) parts.push(macSigning(env), macNotarization(env));
  if (targets.includes('linux')) parts.push(linux);
  return {
    lines: parts.map((part) => part.line),
    args: parts.flatMap((part) => part.args ?? []),
    errors: parts.flatMap((part) => (part.error ? [part.error] : [])),
  };
}

/** The operating systems an electron-builder command line targets (the host's when it names none). */
export function targetsOf(argv: readonly string[], host: NodeJS.Platform): TargetOs[] {
  const flags: Readonly<Record<string, TargetOs>> = { '--linux': 'linux', '-l': 'linux', '--mac': 'mac', '--macos': 'mac', '-m': 'mac', '-o': 'mac', '--win': 'win', '--windows': 'win', '-w': 'win' };
  const named = [...new Set(argv.flatMap((arg) => (flags[arg] ? [flags[arg]] : [])))];
  if (named.length > 0) return named;
  return [host === 'darwin' ? 'mac' : host === 'win32' ? 'win' : 'linux'];
}
