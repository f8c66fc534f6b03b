/**
 * Which crypto library answered: Node links OpenSSL 3, Electron's Node links BoringSSL (whose
 * cipher table differs: lab.md, "Electron's runtime is BoringSSL"). Worker threads share it.
 */
export interface RuntimeVersions {
  readonly node: string;
  readonly openssl?: string;
  readonly electron?: string;
}

export function runtimeLabel(versions: RuntimeVersions = process.versions): string {
  if (versions.electron !== undefined)
    return `Electron ${versions.electron} / BoringSSL (node ${versions.node})`;
  return `node ${versions.node} / OpenSSL ${versions.openssl ?? 'unknown'}`;
}
