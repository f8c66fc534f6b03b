/**
 * The replication cursor: which server (invocationId) and how far (usnvecTo, verbatim), plus the
 * up-to-dateness vector of the last completed cycle. Opaque to callers: they store the string
 * from serializeCursor() once they have processed a page, and hand it back to resume. Nothing
 * here advances it behind the caller's back.
 */
import { z } from 'zod';
import { isGuidText } from '../ndr/guid.ts';
import { drsrCursorInvalid } from './errors.ts';
import type { UpToDateCursor, UsnVector } from './usn.ts';

export interface ReplicationCursor {
  readonly version: 1;
  /** The naming context it belongs to. */
  readonly ncDn: string;
  readonly invocationId: string;
  readonly usnVector: UsnVector;
  /** The vector sent with every page of the next cycle; null before the first completed cycle. */
  readonly upToDate: readonly UpToDateCursor[] | null;
  /** True at a cycle's end; false for a cursor taken mid-cycle (it resumes that cycle). */
  readonly complete: boolean;
}

const u64 = z
  .string()
  .regex(/^\d{1,20}$/)
  .transform(BigInt)
  .refine((v) => v < 1n << 64n, 'exceeds 64 bits');
const guid = z.string().refine(isGuidText, 'not a GUID');

const schema = z.object({
  v: z.literal(1),
  nc: z.string().min(1).max(10_000),
  inv: guid,
  usn: z.tuple([u64, u64, u64]),
  utd: z
    .array(z.tuple([guid, u64, u64]))
    .max(0x100000)
    .nullable(),
  done: z.boolean(),
});

export function serializeCursor(cursor: ReplicationCursor): string {
  const { usnVector: u } = cursor;
  return JSON.stringify({
    v: 1,
    nc: cursor.ncDn,
    inv: cursor.invocationId,
    usn: [u.highObjUpdate, u.reserved, u.highPropUpdate].map(String),
    utd: cursor.upToDate?.map((c) => [c.dsa, String(c.usn), String(c.lastSync)]) ?? null,
    done: cursor.complete,
  });
}

export function parseCursor(text: string): ReplicationCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw drsrCursorInvalid('it is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw drsrCursorInvalid(`${issue?.path.join('.') || 'cursor'}: ${issue?.message ?? 'invalid'}`);
  }
  const c = parsed.data;
  return {
    version: 1,
    ncDn: c.nc,
    invocationId: c.inv.toLowerCase(),
    usnVector: { highObjUpdate: c.usn[0], reserved: c.usn[1], highPropUpdate: c.usn[2] },
    upToDate: c.utd?.map(([dsa, usn, lastSync]) => ({ dsa: dsa.toLowerCase(), usn, lastSync })) ?? null,
    complete: c.done,
  };
}
