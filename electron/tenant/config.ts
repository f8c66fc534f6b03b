/**
 * Where the tenant is and which app signs in to it. Defaults are Microsoft's public cloud.
 *
 * App registration: by default the client signs in as "Microsoft Graph Command Line Tools"
 * (DEFAULT_CLIENT_ID, Microsoft's public client used by Graph PowerShell), which every tenant
 * can consent to. Organisations that prefer their own registration create one in Entra admin
 * center → App registrations: "Mobile and desktop applications" platform with redirect URI
 * `http://localhost`, "Allow public client flows" = Yes (device code; password grant for
 * automation), delegated Graph permissions GRAPH_PERMISSIONS with admin consent — and put its
 * application (client) id in the tenant file's `clientId`.
 *
 * The tenant file (`--tenant <file.json>`) holds these keys; the tenant emulator writes one.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../shared/errors.ts';

export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/organizations';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';
export const DEFAULT_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

/** The resource every Graph token is for, whatever host serves Graph (real or emulated). */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_PERMISSIONS: readonly string[] = [
  'User.Read',
  'Directory.Read.All',
  'Domain.Read.All',
  'Organization.ReadWrite.All',
  'OnPremDirectorySynchronization.ReadWrite.All',
  'User.ReadWrite.All',
];
export const GRAPH_SCOPES: readonly string[] = GRAPH_PERMISSIONS.map((p) => `${GRAPH_RESOURCE}/${p}`);

export interface TenantConfig {
  readonly authority: string;
  readonly clientId: string;
  /** Expected tenant (GUID); a sign-in to another tenant is refused. */
  readonly tenantId?: string;
  /** A PEM file of an extra CA to trust (the emulator's). TLS verification is never turned off. */
  readonly caFile?: string;
  readonly graphBaseUrl: string;
  /** Where credentials are delivered; absent for a real tenant until its transport exists. */
  readonly credentialsUrl?: string;
}

const httpsUrl = z.string().url().refine((u) => u.startsWith('https://'), 'must be an https:// URL');

const schema = z.object({
  authority: httpsUrl.optional(),
  clientId: z.guid().optional(),
  tenantId: z.guid().optional(),
  caFile: z.string().min(1).optional(),
  graphBaseUrl: httpsUrl.optional(),
  credentialsUrl: httpsUrl.optional(),
});

function invalid(message: string): AppError {
  return new AppError(ErrorCode.TenantConfigInvalid, message,
    'Fix the tenant file: authority, graphBaseUrl and credentialsUrl are https URLs; clientId and tenantId are GUIDs.');
}

/** Validates a tenant description (extra keys, like the emulator's accounts, are ignored). */
export function parseTenantConfig(raw: unknown): TenantConfig {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw invalid(`The tenant file is invalid: ${first ? `${first.path.join('.') || 'value'} ${first.message}` : 'unknown problem'}.`);
  }
  const v = parsed.data;
  const authority = (v.authority ?? DEFAULT_AUTHORITY).replace(/\/+$/, '');
  return {
    authority,
    clientId: v.clientId ?? DEFAULT_CLIENT_ID,
    graphBaseUrl: (v.graphBaseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, ''),
    ...(v.tenantId === undefined ? {} : { tenantId: v.tenantId }),
    ...(v.caFile === undefined ? {} : { caFile: v.caFile }),
    ...(v.credentialsUrl === undefined ? {} : { credentialsUrl: v.credentialsUrl }),
  };
}

export function loadTenantConfigFile(file: string): TenantConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw invalid(`The tenant file ${file} cannot be read.`);
  }
  try {
    const config = parseTenantConfig(JSON.parse(text));
    // A relative caFile is relative to the tenant file, wherever the command runs.
    return config.caFile === undefined || isAbsolute(config.caFile) ? config : { ...config, caFile: resolve(dirname(file), config.caFile) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(`The tenant file ${file} is not valid JSON.`);
  }
}

/**
 * A short digest of everything that says where tokens come from and go to (authority, client id,
 * tenant, Graph URL, credential endpoint, CA): a saved sign-in is only ever used for the same one.
 */
export function endpointDigest(config: TenantConfig): string {
  const endpoint = [
    config.authority,
    config.clientId,
    config.tenantId ?? '',
    config.graphBaseUrl,
    config.credentialsUrl ?? '',
    config.caFile ?? '',
  ];
  return createHash('sha256').update(JSON.stringify(endpoint)).digest('hex').slice(0, 16);
}
