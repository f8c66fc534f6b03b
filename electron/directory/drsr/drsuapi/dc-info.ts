/**
 * IDL_DRSDomainControllerInfo (opnum 16) at InfoLevel 2 (drsr-notes §3.3): the DCs of a domain,
 * with the NTDS Settings GUID (NtdsDsaObjectGuid) that GetNCChanges requests name.
 */
import type { NdrPointee } from '../ndr/pointee.ts';
import { NdrReader } from '../ndr/reader.ts';
import { NdrWriter } from '../ndr/writer.ts';

export interface DomainControllerInfo {
  readonly netbiosName: string | null;
  readonly dnsHostName: string | null;
  readonly siteName: string | null;
  readonly computerObjectName: string | null;
  readonly ntdsDsaObjectName: string | null;
  readonly isPdc: boolean;
  readonly isGc: boolean;
  readonly ntdsDsaObjectGuid: string;
}

export interface DcInfoReply {
  readonly controllers: readonly DomainControllerInfo[];
  readonly werror: number;
}

const INFO_LEVEL = 2;
/** 7 string pointers, 3 BOOLs, 4 GUIDs. */
const ITEM_SIZE = 104;

export function encodeDcInfoRequest(handle: Buffer, domain: string): Buffer {
  return new NdrWriter()
    .contextHandle(handle)
    .u32(1)
    .union(1, (w) => w.pointer(domain, (w, s) => w.wstring(s)).u32(INFO_LEVEL))
    .flushDeferred()
    .finish();
}

function readItem(r: NdrReader): () => DomainControllerInfo {
  const str = (): NdrPointee<string> => r.pointer((r) => r.wstring());
  const [netbios, dnsHost, site] = [str(), str(), str()];
  str(); // SiteObjectName
  const computer = str();
  str(); // ServerObjectName
  const ntdsDsa = str();
  const isPdc = r.u32() !== 0;
  r.u32(); // fDsEnabled
  const isGc = r.u32() !== 0;
  r.guid();
  r.guid();
  r.guid();
  const ntdsDsaObjectGuid = r.guid();
  return () => ({
    netbiosName: netbios.value,
    dnsHostName: dnsHost.value,
    siteName: site.value,
    computerObjectName: computer.value,
    ntdsDsaObjectName: ntdsDsa.value,
    isPdc,
    isGc,
    ntdsDsaObjectGuid,
  });
}

export function decodeDcInfoReply(stub: Buffer): DcInfoReply {
  const r = new NdrReader(stub);
  const outVersion = r.u32();
  if (outVersion !== INFO_LEVEL) throw r.fail(`DCInfo reply version ${outVersion}, expected ${INFO_LEVEL}`);
  const items = r.union({
    [INFO_LEVEL]: (r) => {
      const count = r.u32();
      const list = r.pointer((r) => {
        const items = r.conformantArray(ITEM_SIZE, readItem);
        if (items.length !== count) throw r.fail(`DCInfo cItems ${count} vs array size ${items.length}`);
        return items;
      });
      return list;
    },
  });
  r.flushDeferred();
  const werror = r.u32();
  r.expectEnd();
  return { controllers: (items.value ?? []).map((thunk) => thunk()), werror };
}
