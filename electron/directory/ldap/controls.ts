/**
 * LDAP controls ldapts does not ship. LDAP_SERVER_SD_FLAGS_OID (MS-ADTS 3.1.1.3.4.1.11) asks
 * for parts of nTSecurityDescriptor; without it AD also wants the SACL, which needs privileges a
 * sync account does not have.
 */
import { BerWriter, Control } from 'ldapts';

export const SD_FLAGS_OID = '1.2.840.113556.1.4.801';

export const SecurityInformation = {
  Owner: 0x1,
  Group: 0x2,
  Dacl: 0x4,
  Sacl: 0x8,
} as const;

/** controlValue ::= SEQUENCE { Flags INTEGER } */
export class SdFlagsControl extends Control {
  readonly flags: number;

  constructor(flags: number = SecurityInformation.Dacl) {
    super(SD_FLAGS_OID, { critical: true });
    this.flags = flags;
  }

  protected override writeControl(writer: BerWriter): void {
    const value = new BerWriter();
    value.startSequence();
    value.writeInt(this.flags);
    value.endSequence();
    writer.writeBuffer(value.buffer, 0x04);
  }
}
