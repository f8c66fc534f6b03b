import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  Attr,
  FULL_SYNC_FLAGS,
  INCREMENTAL_FLAGS,
} from '../../../../../electron/directory/drsr/drsuapi/constants.ts';
import type { ReplicationCursor } from '../../../../../electron/directory/drsr/drsuapi/cursor.ts';
import type { GetNcChangesRequest } from '../../../../../electron/directory/drsr/drsuapi/get-nc-changes-request.ts';
import {
  replicate,
  type Hydrate,
  type ReplicationPage,
  type ReplicationSession,
} from '../../../../../electron/directory/drsr/drsuapi/replication.ts';
import type { ReplicatedUser } from '../../../../../electron/directory/drsr/drsuapi/user-record.ts';
import type { UsnVector } from '../../../../../electron/directory/drsr/drsuapi/usn.ts';
import { encryptReplicatedSecret } from '../../../../../electron/directory/drsr/secrets/replicated-secret.ts';
import { applyRidLayer } from '../../../../../electron/directory/drsr/secrets/rid-layer.ts';
import { ntHash } from '../../../../../electron/crypto/md4.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import {
  encodeReply,
  INVOCATION,
  sidBytes,
  u32,
  utf16,
  type TestObject,
  type TestReply,
} from './builders.ts';

const key = Buffer.alloc(16, 7);
const NC = 'DC=lab,DC=example,DC=test';
const classes = [u32(0x10000), u32(0xa0009)];

function user(i: number, withClass = true): TestObject {
  const rid = 2000 + i;
  const pwd = encryptReplicatedSecret(key, randomBytes(16), applyRidLayer(rid, ntHash(`pw${i}`)));
  return {
    dn: `CN=u${i},${NC}`,
    guid: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    sid: sidBytes(rid),
    attrs: [
      ...(withClass ? [{ attrTyp: Attr.objectClass, values: classes }] : []),
      { attrTyp: Attr.sAMAccountName, values: [utf16(`u${i}`)] },
      { attrTyp: Attr.unicodePwd, values: [pwd] },
    ],
  };
}

const usn = (n: number, reserved = 0): UsnVector => ({
  highObjUpdate: BigInt(n),
  reserved: BigInt(reserved),
  highPropUpdate: BigInt(n),
});

/** A scripted DC: answers each request with the next reply and records the requests. */
function fakeSession(
  replies: readonly TestReply[],
): ReplicationSession & { readonly requests: GetNcChangesRequest[] } {
  const requests: GetNcChangesRequest[] = [];
  return {
    requests,
    sessionKey: key,
    getNcChangesStub: async (request) => {
      requests.push(request);
      const reply = replies[requests.length - 1];
      if (reply === undefined) throw new Error('no more scripted replies');
      return encodeReply(reply);
    },
  };
}

const options = {
  ncDn: NC,
  destinationDsa: INVOCATION,
  pageSize: 2,
  maxBytes: 1 << 20,
  cursor: null,
  maxPages: 10,
};
const noHydrate: Hydrate = () => Promise.reject(new Error('not expected'));

async function collect(it: AsyncIterable<ReplicationPage>): Promise<ReplicationPage[]> {
  const pages: ReplicationPage[] = [];
  for await (const page of it) pages.push(page);
  return pages;
}

describe('paged replication (drsr-notes §3.6)', () => {
  it('pages by echoing usnvecTo verbatim (usnReserved too) and the server invocationId', async () => {
    const session = fakeSession([
      { objects: [user(1), user(2)], moreData: true, usnTo: usn(10, 77) },
      { objects: [user(3), user(4)], moreData: true, usnTo: usn(20, 78) },
      {
        objects: [user(5)],
        moreData: false,
        usnTo: usn(25, 79),
        upToDate: [{ dsa: INVOCATION, usn: 25n, lastSync: 5n }],
      },
    ]);
    const pages = await collect(replicate(session, noHydrate, options));
    expect(session.requests.map((r) => r.usnVector)).toEqual([usn(0), usn(10, 77), usn(20, 78)]);
    expect(session.requests.map((r) => r.invocationId)).toEqual([
      '00000000-0000-0000-0000-000000000000',
      INVOCATION,
      INVOCATION,
    ]);
    expect(
      session.requests.every((r) => r.flags === FULL_SYNC_FLAGS && r.maxObjects === 2 && r.dn === NC),
    ).toBe(true);
    expect(pages.map((p) => p.users.map((u) => u.sAMAccountName))).toEqual([
      ['u1', 'u2'],
      ['u3', 'u4'],
      ['u5'],
    ]);
    for (const u of pages.flatMap((p) => p.users))
      expect(u.ntHash?.equals(ntHash(`pw${u.sAMAccountName!.slice(1)}`))).toBe(true);
    expect(pages.map((p) => [p.more, p.cursor.complete])).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ]);
    expect(pages[0]!.cursor.upToDate).toBeNull();
    expect(pages[2]!.cursor).toMatchObject({
      usnVector: usn(25, 79),
      upToDate: [{ dsa: INVOCATION, usn: 25n, lastSync: 5n }],
      invocationId: INVOCATION,
    });
  });

  it('resumes from a cursor: incremental flags, its UTD vector on every page, hydration of bare deltas', async () => {
    const cursor: ReplicationCursor = {
      version: 1,
      ncDn: NC,
      invocationId: INVOCATION,
      usnVector: usn(25, 79),
      upToDate: [{ dsa: INVOCATION, usn: 25n, lastSync: 5n }],
      complete: true,
    };
    const session = fakeSession([
      { objects: [user(6, false)], moreData: true, usnTo: usn(30) },
      {
        objects: [
          {
            dn: `OU=x,${NC}`,
            guid: '00000000-0000-0000-0000-0000000000aa',
            attrs: [{ attrTyp: Attr.sAMAccountName, values: [utf16('x')] }],
          },
        ],
        moreData: false,
        usnTo: usn(31),
      },
    ]);
    const hydrated: string[] = [];
    const hydrate: Hydrate = async (dn) => {
      hydrated.push(dn);
      return { dn, sAMAccountName: 'u6' } as ReplicatedUser;
    };
    const pages = await collect(replicate(session, hydrate, { ...options, cursor }));
    expect(session.requests.map((r) => [r.flags, r.usnVector, r.upToDate])).toEqual([
      [INCREMENTAL_FLAGS, usn(25, 79), cursor.upToDate],
      [INCREMENTAL_FLAGS, usn(30), cursor.upToDate],
    ]);
    expect(hydrated).toEqual([`CN=u6,${NC}`]); // the SID-less OU needs no second look
    expect(pages.flatMap((p) => p.users.map((u) => u.sAMAccountName))).toEqual(['u6']);
    expect(pages[1]!.cursor.upToDate).toEqual(cursor.upToDate); // the DC sent none: the old one stays
  });

  it('refuses a cursor of another naming context', async () => {
    const cursor = {
      version: 1,
      ncDn: 'DC=other',
      invocationId: INVOCATION,
      usnVector: usn(1),
      upToDate: null,
      complete: true,
    } as const;
    await expect(
      collect(replicate(fakeSession([]), noHydrate, { ...options, cursor })),
    ).rejects.toMatchObject({ code: ErrorCode.DrsrCursorInvalid });
  });

  it('stops a DC that announces more data without progress, and one that never ends the cycle', async () => {
    const stuck = fakeSession([{ moreData: true, usnTo: usn(0) }]);
    await expect(collect(replicate(stuck, noHydrate, options))).rejects.toMatchObject({
      code: ErrorCode.DrsrUnexpectedReply,
    });
    const endless = fakeSession(
      Array.from({ length: 20 }, (_, i) => ({ objects: [user(i)], moreData: true, usnTo: usn(i + 1) })),
    );
    await expect(collect(replicate(endless, noHydrate, { ...options, maxPages: 3 }))).rejects.toMatchObject({
      code: ErrorCode.DrsrUnexpectedReply,
    });
    expect(endless.requests.length).toBeLessThanOrEqual(4);
  });

  it('prefetches at most one page ahead and never leaks its rejection when the consumer stops', async () => {
    const session = fakeSession([{ objects: [user(1)], moreData: true, usnTo: usn(1) }]);
    for await (const page of replicate(session, noHydrate, options)) {
      expect(page.users).toHaveLength(1);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(session.requests).toHaveLength(2);
  });
});
