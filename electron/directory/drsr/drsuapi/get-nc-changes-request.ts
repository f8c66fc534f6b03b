/**
 * IDL_DRSGetNCChanges (opnum 3) request V8 (drsr-notes §3.5). The partial attribute set goes in
 * pPartialAttrSet (Samba 4.17 filters by it alone) with an empty prefix table, the combination
 * known to work on Samba 4.17 (§6.6); the NC's DSNAME always carries the string DN (§6.3).
 */
import { NIL_GUID } from '../ndr/guid.ts';
import { NdrWriter } from '../ndr/writer.ts';
import { ExtendedOp } from './constants.ts';
import { writeDsName } from './dsname.ts';
import {
  type UpToDateCursor,
  type UsnVector,
  writeUpToDateV1,
  writeUsnVector,
  ZERO_USN_VECTOR,
} from './usn.ts';

export interface GetNcChangesRequest {
  /** NTDS Settings GUID of the destination; Samba does not validate it for EXOP_NONE/REPL_OBJ. */
  readonly destinationDsa: string;
  /** The server invocationId the high-water mark belongs to; zero for a first full sync. */
  readonly invocationId?: string;
  /** DN of the NC (EXOP_NONE) or of the object (EXOP_REPL_OBJ). */
  readonly dn: string;
  readonly guid?: string;
  readonly usnVector?: UsnVector;
  readonly upToDate?: readonly UpToDateCursor[] | null;
  readonly flags: number;
  readonly maxObjects: number;
  readonly maxBytes: number;
  readonly extendedOp?: number;
  /** ATTRTYPs in the default numbering, sorted ascending. */
  readonly attributes: readonly number[];
}

const REQUEST_VERSION = 8;

export function encodeGetNcChangesRequest(handle: Buffer, req: GetNcChangesRequest): Buffer {
  const attributes = [...req.attributes].sort((a, b) => a - b);
  const w = new NdrWriter().contextHandle(handle).u32(REQUEST_VERSION);
  w.union(REQUEST_VERSION, (w) => {
    w.align(8)
      .guid(req.destinationDsa)
      .guid(req.invocationId ?? NIL_GUID);
    w.pointer({ dn: req.dn, ...(req.guid === undefined ? {} : { guid: req.guid }) }, writeDsName);
    writeUsnVector(w, req.usnVector ?? ZERO_USN_VECTOR);
    w.pointer(req.upToDate ?? null, writeUpToDateV1);
    w.u32(req.flags >>> 0)
      .u32(req.maxObjects)
      .u32(req.maxBytes)
      .u32(req.extendedOp ?? ExtendedOp.None)
      .u64(0n); // liFsmoInfo
    w.pointer(attributes.length > 0 ? attributes : null, (w, list) =>
      w.conformantStruct(list.length, 4, (w) =>
        w
          .u32(1)
          .u32(0)
          .u32(list.length)
          .elements(list, (w, a) => w.u32(a)),
      ),
    );
    w.pointer(null, () => undefined); // pPartialAttrSetEx1
    w.u32(0).pointer(null, () => undefined); // PrefixTableDest: empty
  });
  return w.flushDeferred().finish();
}
