/**
 * Endpoint mapper lookup (drsr-notes §1.6): ept_map (opnum 3) with a drsuapi-over-TCP tower
 * on TCP 135, unauthenticated, answering with the dynamic port drsuapi listens on.
 */
import { guidFromBytes, guidToBytes, NIL_GUID } from '../ndr/guid.ts';
import { NdrReader } from '../ndr/reader.ts';
import { NdrWriter } from '../ndr/writer.ts';
import { DRSUAPI_SYNTAX, EPM_SYNTAX, NDR20_SYNTAX, type SyntaxId } from './constants.ts';
import { type RpcDeadline, RpcConnection } from './connection.ts';
import { rpcEndpointNotRegistered, rpcMalformed } from './errors.ts';
import { RpcFaultError } from './faults.ts';

export const EPT_MAP_OPNUM = 3;
export const EPM_PORT = 135;
export const EPT_S_NOT_REGISTERED = 0x16c9a0d6;
const MAX_TOWERS = 4;

const PROTOCOL = { Uuid: 0x0d, ConnectionOriented: 0x0b, Tcp: 0x07, Ip: 0x09 } as const;

export interface TowerFloor {
  readonly lhs: Buffer;
  readonly rhs: Buffer;
}

/** The 5-floor tower: interface, NDR20, connection-oriented RPC, TCP port, IPv4 address. */
export function buildTcpTower(iface: SyntaxId, port = 0, ipv4 = '0.0.0.0'): Buffer {
  const floors = [
    uuidFloor(iface),
    uuidFloor(NDR20_SYNTAX),
    encodeFloor(Buffer.from([PROTOCOL.ConnectionOriented]), u16le(0)),
    encodeFloor(Buffer.from([PROTOCOL.Tcp]), Buffer.from([port >> 8, port & 0xff])),
    encodeFloor(Buffer.from([PROTOCOL.Ip]), Buffer.from(ipv4.split('.').map(Number))),
  ];
  return Buffer.concat([u16le(floors.length), ...floors]);
}

/** Floors are packed with no alignment, so they are parsed with explicit bounds checks. */
export function parseTower(tower: Buffer): TowerFloor[] {
  if (tower.length < 2) throw rpcMalformed('an endpoint-mapper tower without a floor count');
  const count = tower.readUInt16LE(0);
  const floors: TowerFloor[] = [];
  let at = 2;
  const take = (): Buffer => {
    if (at + 2 > tower.length) throw rpcMalformed('a truncated endpoint-mapper tower');
    const length = tower.readUInt16LE(at);
    if (at + 2 + length > tower.length) throw rpcMalformed('a truncated endpoint-mapper tower floor');
    at += 2 + length;
    return tower.subarray(at - length, at);
  };
  for (let i = 0; i < count; i++) floors.push({ lhs: take(), rhs: take() });
  return floors;
}

/** The TCP port of a tower for `iface`, or null if the tower is for something else. */
export function towerTcpPort(tower: Buffer, iface: SyntaxId = DRSUAPI_SYNTAX): number | null {
  const floors = parseTower(tower);
  const first = floors[0]?.lhs;
  if (first?.length !== 19 || first[0] !== PROTOCOL.Uuid || guidFromBytes(first, 1) !== iface.uuid)
    return null;
  const tcp = floors.find((f) => f.lhs.length === 1 && f.lhs[0] === PROTOCOL.Tcp && f.rhs.length === 2);
  return tcp === undefined ? null : tcp.rhs.readUInt16BE(0);
}

export function encodeEptMapRequest(iface: SyntaxId = DRSUAPI_SYNTAX): Buffer {
  const tower = buildTcpTower(iface);
  // Full pointers with referent ids 1 and 2, as impacket sends: Windows 2003 rejected others.
  const w = new NdrWriter().u32(1).guid(NIL_GUID);
  w.u32(2).conformance(tower.length).u32(tower.length).bytes(tower);
  return w.contextHandle(Buffer.alloc(20)).u32(MAX_TOWERS).finish();
}

export interface EptMapResult {
  readonly status: number;
  readonly towers: readonly Buffer[];
}

export function decodeEptMapResponse(stub: Buffer): EptMapResult {
  const r = new NdrReader(stub);
  r.contextHandle();
  r.u32(); // num_towers; the varying array's actual_count is what is really sent
  const pointers = r.conformantVaryingArray(4, (r) => r.fullPointer(readTower));
  r.flushDeferred();
  const status = r.u32();
  const towers = pointers.flatMap((p) => (p.value === null ? [] : [p.value]));
  return { status, towers };
}

function readTower(r: NdrReader): Buffer {
  const max = r.conformance();
  const length = r.u32();
  if (length > max) throw r.fail(`tower_length ${length} exceeds max_count ${max}`);
  return r.bytes(length);
}

/** Asks the endpoint mapper of `host` which TCP port drsuapi listens on. */
export async function epmLookupDrsuapiPort(
  host: string,
  options: RpcDeadline & { readonly port?: number } = {},
): Promise<number> {
  const { port = EPM_PORT, ...deadline } = options;
  const conn = await RpcConnection.connect(host, port, deadline);
  try {
    await conn.bind({ abstractSyntax: EPM_SYNTAX, ...deadline });
    const reply = decodeEptMapResponse(
      await conn.call(EPT_MAP_OPNUM, encodeEptMapRequest(DRSUAPI_SYNTAX), deadline),
    );
    return pickPort(reply, conn.endpoint);
  } finally {
    conn.close();
  }
}

function pickPort(reply: EptMapResult, endpoint: string): number {
  if (reply.status !== 0 && reply.status !== EPT_S_NOT_REGISTERED)
    throw new RpcFaultError(reply.status, EPT_MAP_OPNUM);
  const port = reply.towers.map((t) => towerTcpPort(t)).find((p) => p !== null && p !== 0);
  if (reply.status === EPT_S_NOT_REGISTERED || port === undefined || port === null) {
    throw rpcEndpointNotRegistered('the directory replication service (drsuapi)', endpoint);
  }
  return port;
}

function uuidFloor(s: SyntaxId): Buffer {
  return encodeFloor(
    Buffer.concat([Buffer.from([PROTOCOL.Uuid]), guidToBytes(s.uuid), u16le(s.major)]),
    u16le(s.minor),
  );
}

function encodeFloor(lhs: Buffer, rhs: Buffer): Buffer {
  return Buffer.concat([u16le(lhs.length), lhs, u16le(rhs.length), rhs]);
}

function u16le(v: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return b;
}
