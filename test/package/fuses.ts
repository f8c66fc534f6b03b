/** The Electron fuses a packaged app must carry, read back from the packaged executable. */
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/** Our policy (electron-builder.yml `electronFuses`). */
export const REQUIRED_FUSES: ReadonlyArray<readonly [FuseV1Options, boolean]> = [
  [FuseV1Options.RunAsNode, false],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
  [FuseV1Options.EnableNodeCliInspectArguments, false],
  [FuseV1Options.OnlyLoadAppFromAsar, true],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
];

const ENABLED = '1'.charCodeAt(0);
const DISABLED = '0'.charCodeAt(0);

export interface FuseFacts {
  readonly summary: string;
  readonly failures: readonly string[];
}

export async function checkFuses(executable: string): Promise<FuseFacts> {
  const wire = (await getCurrentFuseWire(executable)) as Partial<Record<FuseV1Options, number>>;
  const failures: string[] = [];
  const seen = REQUIRED_FUSES.map(([fuse, wanted]) => {
    const state = wire[fuse];
    const on = state === ENABLED ? true : state === DISABLED ? false : undefined;
    if (on !== wanted)
      failures.push(
        `fuse ${FuseV1Options[fuse]} is ${on === undefined ? `state ${String(state)}` : on ? 'on' : 'off'}, must be ${wanted ? 'on' : 'off'}`,
      );
    return `${FuseV1Options[fuse]} ${on === undefined ? '?' : on ? 'on' : 'off'}`;
  });
  return { summary: seen.join(', '), failures };
}
