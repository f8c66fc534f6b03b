/**
 * What holds the heap in a V8 heap snapshot (e.g. one `npm run bench:scale -- --heap-snapshot <dir>`
 * wrote): the dominator tree (Cooper, Harvey & Kennedy's iterative algorithm; weak edges ignored),
 * then the objects retaining the most, with the path of property names that reaches them, and the
 * self size per type/constructor.
 *
 *   node --max-old-space-size=8000 bench/scale/heap-summary.ts <file.heapsnapshot> [--top 25]
 *
 * A string shared by two holders (a DN in the engine's user record and in the provisioning
 * catalog) is retained by neither, but by the nearest object above both.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Snapshot {
  readonly snapshot: {
    readonly meta: {
      readonly node_fields: string[];
      readonly node_types: [string[], ...unknown[]];
      readonly edge_fields: string[];
      readonly edge_types: [string[], ...unknown[]];
    };
  };
  readonly nodes: number[];
  readonly edges: number[];
  readonly strings: string[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const file = positionals[0];
if (file === undefined) {
  console.error(
    'usage: node --max-old-space-size=8000 bench/scale/heap-summary.ts <file.heapsnapshot> [--top 25]',
  );
  process.exit(2);
}
const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
const meta = snap.snapshot.meta;
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const [nType, nName, nSize, nEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
  meta.node_fields.indexOf(f),
);
const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const WEAK = edgeTypes.indexOf('weak');
const n = snap.nodes.length / NF;
const firstEdge = new Int32Array(n + 1);
for (let i = 0; i < n; i++) firstEdge[i + 1] = firstEdge[i]! + snap.nodes[i * NF + nEdges!]!;
const to = (e: number): number => snap.edges[e * EF + eTo!]! / NF;
const strong = (e: number): boolean => snap.edges[e * EF + eType!] !== WEAK;

// Postorder from the root (node 0), iteratively.
const post = new Int32Array(n).fill(-1);
const order: number[] = [];
const stack: number[] = [0];
const cursor = new Int32Array(n);
const seen = new Uint8Array(n);
seen[0] = 1;
for (let guard = 0; stack.length > 0 && guard < 50 * n; guard++) {
  const v = stack.at(-1)!;
  let pushed = false;
  for (; firstEdge[v]! + cursor[v]! < firstEdge[v + 1]!; cursor[v]!++) {
    const e = firstEdge[v]! + cursor[v]!;
    const w = to(e);
    if (!strong(e) || seen[w]) continue;
    seen[w] = 1;
    stack.push(w);
    pushed = true;
    break;
  }
  if (!pushed) {
    post[v] = order.length;
    order.push(stack.pop()!);
  }
}
// Predecessors (strong edges between reachable nodes), as compressed lists.
const predCount = new Int32Array(n + 1);
for (let v = 0; v < n; v++)
  if (post[v]! >= 0)
    for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e++)
      if (strong(e) && post[to(e)]! >= 0) predCount[to(e) + 1]!++;
for (let i = 0; i < n; i++) predCount[i + 1]! += predCount[i]!;
const preds = new Int32Array(predCount[n]!);
const fill = predCount.slice(0, n);
for (let v = 0; v < n; v++)
  if (post[v]! >= 0)
    for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e++)
      if (strong(e) && post[to(e)]! >= 0) preds[fill[to(e)]!++] = v;

const idom = new Int32Array(n).fill(-1);
idom[0] = 0;
const intersect = (a: number, b: number): number => {
  while (a !== b) {
    while (post[a]! < post[b]!) a = idom[a]!;
    while (post[b]! < post[a]!) b = idom[b]!;
  }
  return a;
};
let changed = true;
for (let round = 0; changed && round < 1000; round++) {
  changed = false;
  for (let k = order.length - 2; k >= 0; k--) {
    const b = order[k]!;
    let d = -1;
    for (let p = predCount[b]!; p < predCount[b + 1]!; p++) {
      const q = preds[p]!;
      if (idom[q] === -1) continue;
      d = d === -1 ? q : intersect(q, d);
    }
    if (d !== -1 && idom[b] !== d) {
      idom[b] = d;
      changed = true;
    }
  }
}
const retained = new Float64Array(n);
for (const v of order) {
  retained[v]! += snap.nodes[v * NF + nSize!]!;
  if (v !== 0) retained[idom[v]!]! += retained[v]!;
}

const label = (v: number): string =>
  `${nodeTypes[snap.nodes[v * NF + nType!]!]} ${snap.strings[snap.nodes[v * NF + nName!]!]!.slice(0, 60)}`;
const edgeName = (from: number, v: number): string => {
  for (let e = firstEdge[from]!; e < firstEdge[from + 1]!; e++) {
    if (to(e) !== v) continue;
    const name = snap.edges[e * EF + eName!]!;
    return edgeTypes[snap.edges[e * EF + eType!]!] === 'element' ||
      edgeTypes[snap.edges[e * EF + eType!]!] === 'hidden'
      ? `[${name}]`
      : snap.strings[name]!;
  }
  return '?';
};
const path = (v: number): string => {
  const parts: string[] = [];
  for (let u = v, guard = 0; u !== 0 && guard < 12; u = idom[u]!, guard++)
    parts.unshift(edgeName(idom[u]!, u));
  return parts.join('.');
};
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1).padStart(7);
const total = retained[0]!;
console.log(`${file}: ${n.toLocaleString('en')} nodes, ${mb(total).trim()} MB reachable`);
const top = Number(values.top);
// The biggest holders that are not merely the single child of a bigger one.
const candidates = order
  .filter((v) => v !== 0 && retained[v]! >= total / 200)
  .sort((a, b) => retained[b]! - retained[a]!);
console.log(`\nretained size (MB), object, path from the roots (dominators):`);
for (const v of candidates.slice(0, top)) console.log(`${mb(retained[v]!)}  ${label(v)}  ${path(v)}`);

const byType = new Map<string, { size: number; count: number }>();
for (const v of order) {
  const type = nodeTypes[snap.nodes[v * NF + nType!]!]!;
  const key =
    type === 'object' || type === 'closure' || type === 'native'
      ? `${type} ${snap.strings[snap.nodes[v * NF + nName!]!]}`
      : type;
  const entry = byType.get(key) ?? { size: 0, count: 0 };
  entry.size += snap.nodes[v * NF + nSize!]!;
  entry.count++;
  byType.set(key, entry);
}
console.log(`\nself size (MB), count, type or constructor:`);
for (const [key, { size, count }] of [...byType].sort((a, b) => b[1].size - a[1].size).slice(0, top))
  console.log(`${mb(size)}  ${count.toLocaleString('en').padStart(10)}  ${key.slice(0, 80)}`);
