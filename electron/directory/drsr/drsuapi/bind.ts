/**
 * IDL_DRSBind (opnum 0) and IDL_DRSUnbind (opnum 1), drsr-notes §3.1-3.2. DRS_EXTENSIONS is a
 * conformant struct {cb; rgb[cb]} whose rgb is DRS_EXTENSIONS_INT without its leading cb.
 */
import { guidFromBytes } from '../ndr/guid.ts';
import { NdrReader } from '../ndr/reader.ts';
import { NdrWriter } from '../ndr/writer.ts';
import { CLIENT_EXTENSIONS, NTDSAPI_CLIENT_GUID } from './constants.ts';

/** dwFlags, SiteObjGuid, Pid, dwReplEpoch, dwFlagsExt, ConfigObjGUID: 48 bytes. */
const EXTENSIONS_LENGTH = 48;
/** MS-DRSR bounds cb to [1, 10000]. */
const MAX_EXTENSIONS_LENGTH = 10_000;

export interface DrsExtensions {
  readonly flags: number;
  readonly siteObjGuid: string;
  readonly pid: number;
  readonly replEpoch: number;
  readonly flagsExt: number;
  readonly configObjGuid: string;
}

export interface DrsBindReply {
  readonly handle: Buffer;
  /** The server's extensions, zero-filled where it sent a shorter block; null if it sent none. */
  readonly serverExtensions: DrsExtensions | null;
  readonly werror: number;
}

export function encodeExtensions(replEpoch: number, flags = CLIENT_EXTENSIONS): Buffer {
  const rgb = Buffer.alloc(EXTENSIONS_LENGTH);
  rgb.writeUInt32LE(flags >>> 0, 0);
  rgb.writeUInt32LE(process.pid >>> 0, 20);
  rgb.writeUInt32LE(replEpoch >>> 0, 24);
  return rgb;
}

export function decodeExtensions(rgb: Buffer): DrsExtensions {
  const block = Buffer.alloc(EXTENSIONS_LENGTH);
  rgb.copy(block, 0, 0, Math.min(rgb.length, EXTENSIONS_LENGTH));
  return {
    flags: block.readUInt32LE(0),
    siteObjGuid: guidFromBytes(block, 4),
    pid: block.readUInt32LE(20),
    replEpoch: block.readUInt32LE(24),
    flagsExt: block.readUInt32LE(28),
    configObjGuid: guidFromBytes(block, 32),
  };
}

export function encodeBindRequest(replEpoch = 0, clientGuid = NTDSAPI_CLIENT_GUID): Buffer {
  const rgb = encodeExtensions(replEpoch);
  return new NdrWriter()
    .topLevelPointer(clientGuid, (w, guid) => w.guid(guid))
    .topLevelPointer(rgb, (w, bytes) =>
      w.conformantStruct(bytes.length, 4, (w) => w.u32(bytes.length).bytes(bytes)),
    )
    .finish();
}

export function decodeBindReply(stub: Buffer): DrsBindReply {
  const r = new NdrReader(stub);
  const rgb = r.topLevelPointer((r) =>
    r.conformantStruct(4, (r, maxCount) => {
      const cb = r.u32();
      if (cb !== maxCount || cb > MAX_EXTENSIONS_LENGTH)
        throw r.fail(`DRS_EXTENSIONS cb ${cb} vs max_count ${maxCount}`);
      return r.bytes(cb);
    }),
  );
  const handle = r.contextHandle();
  const werror = r.u32();
  r.expectEnd();
  return { handle, serverExtensions: rgb === null ? null : decodeExtensions(rgb), werror };
}

export function encodeUnbindRequest(handle: Buffer): Buffer {
  return new NdrWriter().contextHandle(handle).finish();
}

export function decodeUnbindReply(stub: Buffer): number {
  const r = new NdrReader(stub);
  r.contextHandle();
  const werror = r.u32();
  r.expectEnd();
  return werror;
}
