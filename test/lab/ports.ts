/**
 * Who listens where: a TCP probe, and a /proc/net reader that maps a listening port to the
 * processes holding it (the same answer as `ss -ltnp`, without needing iproute2).
 */
import fs from 'node:fs';
import net from 'node:net';
import { allPids } from './procs.ts';

/** True when something accepts a TCP connection on host:port within `timeoutMs`. */
export function probeTcp(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const LISTEN = '0A';

/** Addresses that collide with a bind on 127.0.0.1 or ::1: the wildcard and the loopback. */
function collidesWithLoopback(hexAddress: string): boolean {
  if (hexAddress.length === 8) return /^0{8}$/.test(hexAddress) || hexAddress.endsWith('7F');
  return (
    /^0{32}$/.test(hexAddress) ||
    hexAddress === '00000000000000000000000001000000' ||
    // ::ffff:127.x.x.x
    (hexAddress.startsWith('0000000000000000FFFF0000') && hexAddress.endsWith('7F'))
  );
}

/** Socket inodes listening on `port` at a wildcard or loopback address. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(table, 'latin1');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const [address, portHex] = (cols[1] ?? '').split(':');
      if (cols[3] !== LISTEN || address === undefined || portHex === undefined) continue;
      if (parseInt(portHex, 16) === port && collidesWithLoopback(address) && cols[9] !== undefined)
        inodes.add(cols[9]);
    }
  }
  return inodes;
}

export interface PortHolders {
  readonly port: number;
  /** Processes holding the listening socket; empty when we could not see who (another namespace). */
  readonly pids: readonly number[];
}

/** For each port that something listens on, which processes hold it. Ports nobody holds are left out. */
export function portHolders(ports: readonly number[]): PortHolders[] {
  const inodeToPort = new Map<string, number>();
  for (const port of ports) for (const inode of listeningInodes(port)) inodeToPort.set(inode, port);
  if (inodeToPort.size === 0) return [];
  const pidsByPort = new Map<number, Set<number>>();
  for (const pid of allPids()) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const port = inodeToPort.get(target.replace(/^socket:\[(\d+)\]$/, '$1'));
      if (port === undefined || !target.startsWith('socket:')) continue;
      const set = pidsByPort.get(port) ?? new Set<number>();
      set.add(pid);
      pidsByPort.set(port, set);
    }
  }
  const held = [...new Set(inodeToPort.values())].sort((a, b) => a - b);
  return held.map((port) => ({ port, pids: [...(pidsByPort.get(port) ?? [])] }));
}
