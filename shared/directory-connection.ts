/**
 * How a domain controller is reached and who binds — the one schema for the CLI's directory file
 * (`phs ad … --directory <file>`) and the `directory` block of the engine's config file:
 *   { "url": "ldaps://dc1.example.com[:port]" | "ldap://dc1.example.com[:port]",
 *     "startTls"?: boolean,      // ldap:// always runs StartTLS (default true there); plain LDAP is refused
 *     "caFile"?: "ca.pem" | "fingerprint"?: "AB:CD:…",   // trust: a CA file, a pinned SHA-256, or the system store
 *     "serverName"?: "dc1.example.com",                  // the name on the certificate when url names an address
 *     "timeoutMs"?: 15000, "username": "EXAMPLE\\svc-phs", "password"?: "…" }
 * The password may come from PHS_AD_PASSWORD instead, and the environment wins over the file (so a
 * file can be shared without it). The wizard's Active Directory draft (the form the app saves in
 * its settings) names the same things: connectionOfDraft() writes it in this schema, so the app's
 * engine is built through the same validation and resolution (electron/directory/connection-config.ts)
 * as the CLI's.
 */
import { z } from 'zod';
import type { DirectoryDraft } from './directory-schemas.ts';
import { checkHost } from './validators.ts';

export const PASSWORD_ENV = 'PHS_AD_PASSWORD';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const directoryConnectionSchema = z
  .strictObject({
    url: z
      .string()
      .refine(
        (v) => /^ldaps?:\/\/[^\s/]+(:[0-9]{1,5})?\/?$/i.test(v),
        'must be ldaps://host[:port], or ldap://host[:port] (StartTLS)',
      ),
    startTls: z.boolean().optional(),
    caFile: nonEmpty.optional(),
    fingerprint: z
      .string()
      .regex(
        /^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/,
        'must be a SHA-256 fingerprint (64 hex digits, colons allowed)',
      )
      .optional(),
    serverName: z
      .string()
      .refine((v) => checkHost(v) === undefined, 'must be a host name or IP address')
      .optional(),
    timeoutMs: z
      .number()
      .int()
      .min(1_000, 'must be at least 1000')
      .max(600_000, 'must be at most 600000')
      .optional(),
    username: nonEmpty,
    password: z.string().min(1, 'must not be empty').optional(),
  })
  .refine((v) => v.caFile === undefined || v.fingerprint === undefined, {
    message: 'give either caFile or fingerprint, not both',
    path: ['fingerprint'],
  });

export type DirectoryConnectionFile = z.infer<typeof directoryConnectionSchema>;

/** The password to use: the environment's when set (it wins), else the file's. */
export function effectivePassword(
  file: DirectoryConnectionFile,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const fromEnv = env[PASSWORD_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : file.password;
}

/** "path: message" for each problem zod found, unknown keys named one by one. */
export function zodProblems(error: z.ZodError, prefix: readonly string[] = []): string[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => `${[...path, key].join('.')}: unknown key`);
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    return [`${path.join('.') || '(top level)'}: ${missing ? 'missing' : issue.message}`];
  });
}

/** The wizard's saved draft in the connection schema (without the password, which is sealed apart). */
export function connectionOfDraft(draft: DirectoryDraft): DirectoryConnectionFile {
  const host = draft.host.includes(':') ? `[${draft.host}]` : draft.host;
  const scheme = draft.transport === 'ldaps' ? 'ldaps' : 'ldap';
  return directoryConnectionSchema.parse({
    url: `${scheme}://${host}:${draft.port}`,
    startTls: draft.transport === 'starttls',
    ...(draft.trust.kind === 'pem' ? { caFile: draft.trust.file } : {}),
    ...(draft.trust.kind === 'pinned' ? { fingerprint: draft.trust.sha256 } : {}),
    ...(draft.serverName.trim() === '' ? {} : { serverName: draft.serverName.trim() }),
    username: draft.username,
  });
}
