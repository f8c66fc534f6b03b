/**
 * Captures the plaintext drsuapi stubs of a live lab session into test/fixtures/drsr/, through
 * DrsrClient's debug hook (off unless a `capture` function is passed). Run by hand against a
 * running lab:  node test/integration/directory/drsr/capture-fixtures.ts
 *
 * Kept: the DRSBind, DRSCrackNames and DRSDomainControllerInfo replies of a connect, the
 * EXOP_REPL_OBJ replies for the fixture users (passwords in test/lab/fixtures.ts), and the
 * full-sync page that holds ascii.user. Secret values of every other object in that page
 * (Administrator, krbtgt, …) are overwritten with zeros, same length, so the stub still decodes
 * but reveals nothing. Each file stores its connection's session key, which only opens the
 * fixture users' hashes in these very stubs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DrsrClient } from '../../../../electron/directory/drsr/client.ts';
import { DrsOpnum } from '../../../../electron/directory/drsr/drsuapi/constants.ts';
import { decodeGetNcChangesReply } from '../../../../electron/directory/drsr/drsuapi/get-nc-changes-reply.ts';
import { PrefixTable } from '../../../../electron/directory/drsr/drsuapi/prefix-table.ts';
import type { StubCapture } from '../../../../electron/directory/drsr/drsuapi/session.ts';
import { attributesByName } from '../../../../electron/directory/drsr/drsuapi/user-record.ts';
import { labPaths, repoRoot } from '../../../lab/config.ts';
import { FIXTURE_USERS } from '../../../lab/fixtures.ts';
import { readLabInfo } from '../../../lab/lab-info.ts';

type Captured = Parameters<StubCapture>[0];

const OUT = path.join(repoRoot, 'test', 'fixtures', 'drsr');
const KEEP = new Set(
  FIXTURE_USERS.filter((u) => u.password !== null || u.flags.includes('noPassword')).map(
    (u) => u.sAMAccountName,
  ),
);
const PAGE_SIZE = 25;

/** Zeroes the secret values of every object that is not a fixture user, in place in a copy. */
function redact(reply: Buffer): Buffer {
  const decoded = decodeGetNcChangesReply(reply);
  const table = new PrefixTable(decoded.prefixTable);
  const out = Buffer.from(reply);
  for (const object of decoded.objects) {
    const attrs = attributesByName(object, table);
    const sam = attrs.get('sAMAccountName')?.values[0]?.toString('utf16le');
    if (sam !== undefined && KEEP.has(sam)) continue;
    for (const value of [
      ...(attrs.get('unicodePwd')?.values ?? []),
      ...(attrs.get('ntPwdHistory')?.values ?? []),
    ]) {
      const at = out.indexOf(value);
      if (at < 0) throw new Error('a secret value was not found in its stub');
      out.fill(0, at, at + value.length);
    }
  }
  return out;
}

function write(name: string, note: string, calls: readonly Captured[]): void {
  const keys = new Set(calls.map((c) => c.sessionKey.toString('hex')));
  if (keys.size !== 1) throw new Error(`${name}: calls from ${keys.size} connections`);
  const body = {
    note,
    capturedFrom: 'Samba 4.17 lab DC (test/lab), by test/integration/directory/drsr/capture-fixtures.ts',
    sessionKey: [...keys][0],
    calls: calls.map((c) => ({
      opnum: c.opnum,
      request: c.request.toString('hex'),
      reply: c.reply.toString('hex'),
    })),
  };
  const file = path.join(OUT, name);
  fs.writeFileSync(file, `${JSON.stringify(body, null, 1)}\n`);
  console.log(`wrote ${path.relative(repoRoot, file)} (${calls.length} call(s))`);
}

const lab = readLabInfo(labPaths().infoFile);
const calls: Captured[] = [];
const client = await DrsrClient.connect({
  host: lab.host,
  username: 'Administrator',
  domain: lab.netbiosDomain,
  password: lab.admin.password,
  capture: (call) => calls.push({ ...call, sessionKey: Buffer.from(call.sessionKey) }),
});
try {
  write('session.json', 'DRSBind, DRSCrackNames and DRSDomainControllerInfo of one connect', calls.splice(0));
  for (const user of lab.users.filter((u) => KEEP.has(u.sAMAccountName))) await client.readUser(user.dn);
  const lookups = calls.splice(0).filter((c) => c.opnum === DrsOpnum.GetNCChanges);
  write('repl-obj.json', 'EXOP_REPL_OBJ replies, one per fixture user', lookups);
  for await (const page of client.fullSync({ pageSize: PAGE_SIZE })) void page;
  const holder = calls.find(
    (c) =>
      c.opnum === DrsOpnum.GetNCChanges &&
      decodeGetNcChangesReply(c.reply).objects.some((o) => o.name.dn.startsWith('CN=Ascii User,')),
  );
  if (holder === undefined) throw new Error('no page held ascii.user');
  write(
    'full-sync-page.json',
    `One EXOP_NONE page of a full sync (page size ${PAGE_SIZE}) holding fixture users; other secrets zeroed`,
    [{ ...holder, reply: redact(holder.reply) }],
  );
} finally {
  await client.close();
}
