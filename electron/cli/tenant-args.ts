/** `phs tenant` options and help text. */
import { parseArgs } from 'node:util';
import { UsageError } from './io.ts';

export const TENANT_HELP = `Usage: phs tenant login  --tenant <file.json> [--device-code | --username <upn> --password-stdin] [--no-browser]
       phs tenant status --tenant <file.json> [--json]
       phs tenant logout --tenant <file.json>

Signs in to the Microsoft Entra tenant, shows it, and signs out.

  login    Interactive by default: opens the system browser (and prints the URL) to sign in with
           auth code + PKCE; the reply comes back to a listener on 127.0.0.1.
           --device-code       sign in from another device: prints a URL and a code to enter there
           --username <upn> --password-stdin
                               password grant (ROPC), the password read from standard input. It is
                               meant for automation against the tenant emulator and for tenants that
                               allow it: it cannot do MFA, and Conditional Access usually blocks it.
           --no-browser        only print the sign-in URL; do not open a browser
  status   the signed-in account, the tenant (id, name, verified domains, directory sync), whether
           the account is Global Administrator or Hybrid Identity Administrator, and the password
           hash sync features. --json prints one JSON object.
  logout   forgets the saved sign-in for this tenant's authority.

Common options:
  --tenant <file.json>  the tenant: {authority, clientId, tenantId?, caFile?, graphBaseUrl?, credentialsUrl?}
                        (the tenant emulator writes one; for Microsoft's cloud {"tenantId": "<GUID>"} is enough)
  --key-file <path>     the key that encrypts the saved sign-in (AES-256-GCM), created with mode 0600;
                        refused if group or others can access it.
                        Default: \${XDG_CONFIG_HOME:-~/.config}/phs-sync/cli-token.key
  --cache-file <path>   the encrypted saved sign-in. Default: \${XDG_CONFIG_HOME:-~/.config}/phs-sync/cli-token-cache.bin
  --verbose             log requests (request ids, never tokens) to standard error
  -h, --help            show this help

Exit codes: 0 ok, 1 failed, 2 bad input, 3 signed in but not an administrator.`;

export type TenantAction = 'login' | 'status' | 'logout';

export interface TenantArgs {
  readonly action: TenantAction;
  readonly tenantFile: string;
  readonly deviceCode: boolean;
  readonly username: string | undefined;
  readonly passwordStdin: boolean;
  readonly openBrowser: boolean;
  readonly json: boolean;
  readonly keyFile: string | undefined;
  readonly cacheFile: string | undefined;
  readonly verbose: boolean;
}

/** Parsed options, or 'help'. Throws UsageError (exit 2) for anything inconsistent. */
export function parseTenantArgs(args: readonly string[]): TenantArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      tenant: { type: 'string' },
      'device-code': { type: 'boolean', default: false },
      username: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'key-file': { type: 'string' },
      'cache-file': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return 'help';
  const [action, ...extra] = positionals;
  if (action !== 'login' && action !== 'status' && action !== 'logout') {
    throw new UsageError(
      action === undefined
        ? 'say what to do: login, status or logout.'
        : `unknown tenant action "${action}" (use login, status or logout).`,
    );
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}".`);
  if (values.tenant === undefined) throw new UsageError('--tenant <file.json> is required.');
  const loginOnly =
    values['device-code'] ||
    values.username !== undefined ||
    values['password-stdin'] ||
    values['no-browser'];
  if (action !== 'login' && loginOnly)
    throw new UsageError('--device-code, --username, --password-stdin and --no-browser belong to "login".');
  if (values.json && action !== 'status') throw new UsageError('--json belongs to "status".');
  if (values['device-code'] && (values.username !== undefined || values['password-stdin']))
    throw new UsageError('choose --device-code or --username/--password-stdin, not both.');
  if ((values.username === undefined) !== !values['password-stdin'])
    throw new UsageError('--username and --password-stdin go together.');
  return {
    action,
    tenantFile: values.tenant,
    deviceCode: values['device-code'],
    username: values.username,
    passwordStdin: values['password-stdin'],
    openBrowser: !values['no-browser'],
    json: values.json,
    keyFile: values['key-file'],
    cacheFile: values['cache-file'],
    verbose: values.verbose,
  };
}
