/**
 * Where an Active Directory password may be sent: the domain controller's host and port, the TLS
 * mode, the name its certificate must carry and the trust choice. A password held or saved for
 * one target is reused only for that same target; a test naming another one must carry the
 * password itself (main enforces it, the form asks for the password when the target changed).
 */
import type { z } from 'zod';
import { directoryDraftSchema, type DirectoryDraft, type TrustChoice } from './directory-schemas.ts';

export const directoryTargetSchema = directoryDraftSchema.omit({ username: true });
export type DirectoryTarget = z.infer<typeof directoryTargetSchema>;

/** The target part of a draft, trimmed as main connects with it. */
export function targetOf(draft: DirectoryTarget | DirectoryDraft): DirectoryTarget {
  return {
    host: draft.host.trim(),
    port: draft.port,
    transport: draft.transport,
    serverName: draft.serverName.trim(),
    trust: draft.trust,
  };
}

function trustKey(trust: TrustChoice): string {
  switch (trust.kind) {
    case 'system':
      return 'system';
    case 'pem':
      return `pem:${trust.file}`;
    case 'pinned':
      return `pinned:${trust.sha256.replace(/:/g, '').toUpperCase()}`;
  }
}

/** Same host and certificate name (DNS names ignore case), port, TLS mode and trust choice. */
export function sameDirectoryTarget(a: DirectoryTarget, b: DirectoryTarget): boolean {
  const x = targetOf(a);
  const y = targetOf(b);
  return (
    x.host.toLowerCase() === y.host.toLowerCase() &&
    x.port === y.port &&
    x.transport === y.transport &&
    x.serverName.toLowerCase() === y.serverName.toLowerCase() &&
    trustKey(x.trust) === trustKey(y.trust)
  );
}

/** "dc1.example.com:636 (LDAPS)", as the refusal names a target. */
export function describeTarget(target: DirectoryTarget): string {
  const mode = target.transport === 'ldaps' ? 'LDAPS' : 'StartTLS';
  return `${target.host.trim()}:${target.port} (${mode})`;
}
