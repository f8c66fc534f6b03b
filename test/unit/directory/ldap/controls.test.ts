import { BerWriter } from 'ldapts';
import { describe, expect, it } from 'vitest';
import {
  SD_FLAGS_OID,
  SdFlagsControl,
  SecurityInformation,
} from '../../../../electron/directory/ldap/controls.ts';

describe('SdFlagsControl', () => {
  it('encodes Control ::= SEQUENCE { OID, critical TRUE, OCTET STRING (SEQUENCE { INTEGER 4 }) } (known bytes)', () => {
    const writer = new BerWriter();
    new SdFlagsControl(SecurityInformation.Dacl).write(writer);
    const oid = Buffer.from(SD_FLAGS_OID, 'ascii');
    const body = Buffer.concat([
      Buffer.from([0x04, oid.length]),
      oid,
      Buffer.from([0x01, 0x01, 0xff]),
      Buffer.from([0x04, 0x05, 0x30, 0x03, 0x02, 0x01, 0x04]),
    ]);
    expect(writer.buffer).toEqual(Buffer.concat([Buffer.from([0x30, body.length]), body]));
  });

  it('asks for owner, group, DACL and SACL together when told to', () => {
    const writer = new BerWriter();
    new SdFlagsControl(
      SecurityInformation.Owner |
        SecurityInformation.Group |
        SecurityInformation.Dacl |
        SecurityInformation.Sacl,
    ).write(writer);
    expect(writer.buffer.subarray(-3)).toEqual(Buffer.from([0x02, 0x01, 0x0f]));
  });
});
