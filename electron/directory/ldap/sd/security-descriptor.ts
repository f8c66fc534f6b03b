/**
 * The self-relative SECURITY_DESCRIPTOR (MS-DTYP 2.4.6) that AD returns as nTSecurityDescriptor.
 * Every offset and length is checked against the buffer; the only error this module ever throws
 * is SecurityDescriptorError (code SECURITY_DESCRIPTOR_MALFORMED), whatever the input.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';
import { readAcl, type Acl } from './ace.ts';
import { ByteReader } from './byte-reader.ts';
import { readSid } from './sid.ts';

export const SdControl = {
  DaclPresent: 0x0004,
  SaclPresent: 0x0010,
  DaclProtected: 0x1000,
  SelfRelative: 0x8000,
} as const;

export interface SecurityDescriptor {
  readonly revision: number;
  readonly control: number;
  readonly owner: string | null;
  readonly group: string | null;
  readonly sacl: Acl | null;
  /** Null when the descriptor has no DACL or a NULL DACL: both grant everyone everything. */
  readonly dacl: Acl | null;
}

export class SecurityDescriptorError extends AppError {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(
      ErrorCode.SecurityDescriptorMalformed,
      `The security descriptor is malformed: ${message}.`,
      'The directory returned a security descriptor this program cannot read; report it with the log file.',
    );
    this.name = 'SecurityDescriptorError';
    this.offset = offset;
  }
}

const HEADER = 20;
const MAX_SD_BYTES = 1 << 20;

export function parseSecurityDescriptor(buffer: Buffer): SecurityDescriptor {
  const fail = (message: string, offset: number): never => {
    throw new SecurityDescriptorError(message, offset);
  };
  try {
    if (buffer.length > MAX_SD_BYTES) fail(`${buffer.length} bytes is larger than any real descriptor`, 0);
    const reader = new ByteReader(buffer, fail);
    reader.need(0, HEADER, 'header');
    const revision = reader.u8(0, 'revision');
    if (revision !== 1) fail(`revision is ${revision}, expected 1`, 0);
    const control = reader.u16(2, 'control');
    if (!(control & SdControl.SelfRelative)) fail('it is not self-relative', 2);
    const at = (field: number, what: string): number | null => {
      const offset = reader.u32(field, what);
      if (offset === 0) return null;
      if (offset < HEADER || offset >= buffer.length)
        fail(`${what} ${offset} points outside the descriptor`, field);
      return offset;
    };
    const owner = at(4, 'owner offset');
    const group = at(8, 'group offset');
    const sacl = at(12, 'SACL offset');
    const dacl = at(16, 'DACL offset');
    return {
      revision,
      control,
      owner: owner === null ? null : readSid(reader, owner).sid,
      group: group === null ? null : readSid(reader, group).sid,
      sacl: sacl !== null && control & SdControl.SaclPresent ? readAcl(reader, sacl) : null,
      dacl: dacl !== null && control & SdControl.DaclPresent ? readAcl(reader, dacl) : null,
    };
  } catch (error) {
    if (error instanceof SecurityDescriptorError) throw error;
    // Defence in depth: nothing but the named error may leave the parser.
    throw new SecurityDescriptorError(
      error instanceof AppError ? error.message : 'unexpected parse failure',
      -1,
    );
  }
}
