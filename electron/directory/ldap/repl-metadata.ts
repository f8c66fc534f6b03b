/**
 * `replPropertyMetaData` (MS-DRSR 5.162 PROPERTY_META_DATA_EXT_VECTOR as stored): for every
 * attribute of an object, its version and the USN at which this DC last wrote it. A password
 * change rewrites `unicodePwd`, so its local USN tells "did the password change since W".
 * Layout: version(4)=1, reserved(4), count(4), reserved(4), then count × 48-byte entries.
 */
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { ByteReader } from './sd/byte-reader.ts';
import { guidFromBytes } from './sd/guid.ts';

/** ATTIDs from the fixed prefix table (prefix 9 = 1.2.840.113556.1.4): the same on every DC. */
export const Attid = {
  unicodePwd: 0x0009_005a,
  ntPwdHistory: 0x0009_005e,
  pwdLastSet: 0x0009_0060,
  supplementalCredentials: 0x0009_007d,
} as const;

export interface AttributeMetadata {
  readonly attid: number;
  readonly version: number;
  /** FILETIME of the originating write. */
  readonly originatingChangeTime: bigint;
  readonly originatingInvocationId: string;
  readonly originatingUsn: bigint;
  /** The USN at which this DC applied the write: comparable with uSNChanged and highestCommittedUSN. */
  readonly localUsn: bigint;
}

const HEADER = 16;
const ENTRY = 48;

export function parseReplPropertyMetaData(blob: Buffer): AttributeMetadata[] {
  const reader = new ByteReader(blob, (message, offset): never => {
    throw new AppError(
      ErrorCode.DirectoryValueMalformed,
      `replPropertyMetaData is malformed: ${message} (offset ${offset}).`,
      'Report this with the log file.',
    );
  });
  const version = reader.u32(0, 'version');
  if (version !== 1) reader.fail(`version ${version}, expected 1`, 0);
  const count = reader.u32(8, 'entry count');
  if (HEADER + count * ENTRY !== blob.length)
    reader.fail(`${count} entries do not fill ${blob.length} bytes`, 8);
  const entries: AttributeMetadata[] = [];
  for (let i = 0; i < count; i++) {
    const at = HEADER + i * ENTRY;
    entries.push({
      attid: reader.u32(at, 'attid'),
      version: reader.u32(at + 4, 'version'),
      originatingChangeTime: reader.u64(at + 8, 'change time'),
      originatingInvocationId: guidFromBytes(reader.bytes(at + 16, 16, 'invocation id')),
      originatingUsn: reader.u64(at + 32, 'originating USN'),
      localUsn: reader.u64(at + 40, 'local USN'),
    });
  }
  return entries;
}

/** True when this DC wrote the attribute at a USN above `usn`. */
export function changedAfter(metadata: readonly AttributeMetadata[], attid: number, usn: number): boolean {
  const entry = metadata.find((m) => m.attid === attid);
  return entry !== undefined && entry.localUsn > BigInt(usn);
}
