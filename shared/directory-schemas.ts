/**
 * What the wizard's Active Directory and Scope steps exchange with main: the connection draft
 * (never the password), the certificate as the trust prompt shows it, the discovered domain, the
 * replication-rights check with its remediation commands, and the OU tree. Strict schemas: main
 * refuses requests, and the dispatcher refuses replies, that carry anything more.
 */
import { z } from 'zod';
import { ErrorCode } from './errors.ts';

export const errorShapeSchema = z.strictObject({
  code: z.enum(ErrorCode),
  message: z.string(),
  remediation: z.string(),
});

export const opIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be an operation id');

export const transportSchema = z.enum(['ldaps', 'starttls']);
export type DirectoryTransport = z.infer<typeof transportSchema>;

/** What the DC's certificate is checked against; a CA file is named by its path. */
export const trustChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('system') }),
  z.strictObject({ kind: z.literal('pem'), file: z.string().min(1).max(4096) }),
  z.strictObject({
    kind: z.literal('pinned'),
    sha256: z.string().regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/),
  }),
]);
export type TrustChoice = z.infer<typeof trustChoiceSchema>;

export const directoryDraftSchema = z.strictObject({
  host: z.string().max(253),
  port: z.number().int().min(1).max(65_535),
  transport: transportSchema,
  /** The name on the DC's certificate, when `host` is an IP address or an alias ('' = host). */
  serverName: z.string().max(253),
  username: z.string().max(1024),
  trust: trustChoiceSchema,
});
export type DirectoryDraft = z.infer<typeof directoryDraftSchema>;

export const DEFAULT_DIRECTORY_DRAFT: DirectoryDraft = {
  host: '',
  port: 636,
  transport: 'ldaps',
  serverName: '',
  username: '',
  trust: { kind: 'system' },
};

export const certificateViewSchema = z.strictObject({
  subject: z.string(),
  issuer: z.string(),
  subjectAltNames: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  /** Uppercase hex pairs joined by colons. */
  sha256: z.string(),
  selfSigned: z.boolean(),
});
export type CertificateView = z.infer<typeof certificateViewSchema>;

export const discoveryViewSchema = z.strictObject({
  domainDnsName: z.string(),
  netbiosName: z.string(),
  domainDn: z.string(),
  forestDnsName: z.string(),
  dcHostName: z.string(),
  domainFunctionalLevel: z.string(),
  forestFunctionalLevel: z.string(),
  isGlobalCatalog: z.boolean(),
  upnSuffixes: z.array(z.string()),
});
export type DiscoveryView = z.infer<typeof discoveryViewSchema>;

export const grantCommandSchema = z.strictObject({
  right: z.string(),
  dsacls: z.string(),
  sambaTool: z.string(),
});

export const rightsViewSchema = z.strictObject({
  account: z.string(),
  accountSid: z.string(),
  rights: z.array(z.strictObject({ name: z.string(), granted: z.boolean(), denied: z.boolean() })),
  canSync: z.boolean(),
  /** One entry per missing right: what a domain administrator runs, in both forms. */
  grants: z.array(grantCommandSchema),
  /** When a deny entry must be removed first, how. */
  denyNote: z.string().nullable(),
});
export type RightsView = z.infer<typeof rightsViewSchema>;

export const directoryConnectedSchema = z.strictObject({
  status: z.literal('connected'),
  account: z.string(),
  certificate: certificateViewSchema,
  discovery: discoveryViewSchema,
  rights: rightsViewSchema,
  testedAt: z.string(),
});
export type DirectoryConnected = z.infer<typeof directoryConnectedSchema>;

export const directoryTestOutcomeSchema = z.discriminatedUnion('status', [
  directoryConnectedSchema,
  /** The certificate did not verify against the chosen trust: show it and let the admin decide. */
  z.strictObject({
    status: z.literal('untrusted'),
    certificate: certificateViewSchema,
    error: errorShapeSchema,
  }),
]);
export type DirectoryTestOutcome = z.infer<typeof directoryTestOutcomeSchema>;

export const ouNodeViewSchema = z.strictObject({
  dn: z.string(),
  name: z.string(),
  kind: z.enum(['domain', 'organizationalUnit', 'container']),
  hasChildren: z.boolean(),
  userCount: z.number().int().nonnegative(),
});
export type OuNodeView = z.infer<typeof ouNodeViewSchema>;

export const scopeSelectionSchema = z.strictObject({
  includedOus: z.array(z.string().max(2048)).max(500),
  excludedOus: z.array(z.string().max(2048)).max(500),
});
