/**
 * `<labdir>/lab.json`: everything a client (a test, a benchmark, a person) needs to reach the
 * lab DC. `readLabInfo` validates it, so a stale or hand-edited file fails loudly and clearly.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../shared/errors.ts';

const account = z.object({
  /** UPN form, e.g. `Administrator@lab.example.test`: what a simple bind takes. */
  username: z.string().min(1),
  /** Down-level form, e.g. `LAB\Administrator`. */
  netbiosName: z.string().min(1),
  dn: z.string().min(1),
  password: z.string().min(1),
});

const user = z.object({
  sAMAccountName: z.string().min(1),
  userPrincipalName: z.string().min(1),
  dn: z.string().min(1),
  /** DN of the OU (or container) holding the user. */
  ou: z.string().min(1),
  /** Null for the user created without a password. */
  password: z.string().nullable(),
  flags: z.array(z.enum(['mustChange', 'disabled', 'noPassword'])),
});

const port = z.number().int().min(1).max(65_535);

export const labInfoSchema = z.object({
  version: z.literal(1),
  ldapsUrl: z.string().startsWith('ldaps://'),
  host: z.string().min(1),
  ldapsPort: port,
  ldapPort: port,
  rpcPort: port,
  /** drsuapi's pinned port; clients should still resolve it through the endpoint mapper. */
  drsuapiPort: port,
  caFile: z.string().min(1),
  serverName: z.string().min(1),
  realm: z.string().min(1),
  netbiosDomain: z.string().min(1),
  dnsDomain: z.string().min(1),
  baseDn: z.string().min(1),
  admin: account,
  nonAdmin: account,
  users: z.array(user),
  scope: z.object({ includedOus: z.array(z.string()), excludedOus: z.array(z.string()) }),
  /** Users made by `seed-bulk`: `bulk00000`…, passwords from `bulkPassword(index)` in test/lab/bulk.ts. */
  bulk: z.object({ ou: z.string(), count: z.number().int().min(0) }).nullable(),
  smbConf: z.string().min(1),
  logFile: z.string().min(1),
  pid: z.number().int().positive(),
});

export type LabInfo = z.infer<typeof labInfoSchema>;
export type LabAccount = LabInfo['admin'];
export type LabUser = LabInfo['users'][number];

export function readLabInfo(file: string): LabInfo {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError(
      ErrorCode.LabFailed,
      `Cannot read the lab description ${file}: ${(error as Error).message}`,
      'Start the lab with `npm run lab -- up`; it writes this file.',
      { cause: error },
    );
  }
  const parsed = labInfoSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new AppError(
      ErrorCode.LabFailed,
      `The lab description ${file} is not valid: ${problems}`,
      'Rewrite it with `npm run lab -- down && npm run lab -- up`.',
    );
  }
  return parsed.data;
}

/** Null when the file is missing or invalid (the caller rewrites it). */
export function tryReadLabInfo(file: string): LabInfo | null {
  try {
    return readLabInfo(file);
  } catch {
    return null;
  }
}

/** Written atomically (temp file + rename), readable by its owner only: it holds passwords. */
export function writeLabInfo(file: string, info: LabInfo): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(labInfoSchema.parse(info), null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}
