/**
 * NDR20 little-endian encoder (C706 ch. 14, drsr-notes §4). Offsets and alignment count from
 * the first stub byte, which is offset 0 of this writer.
 *
 * Pointers: `pointer(value, fn)` writes the referent id now and queues `fn` as the deferred
 * pointee; `flushDeferred()` writes the queue in NDR order. Call it after each top-level
 * parameter (a [ref] struct, an array...). `topLevelPointer` is the [unique] parameter form,
 * whose pointee follows the referent id inline.
 */
import { DeferredQueue } from './deferred.ts';
import { ndrUsage } from './errors.ts';
import { guidToBytes } from './guid.ts';

export type NdrAlignment = 1 | 2 | 4 | 8;
export type NdrWriteItem<T> = (w: NdrWriter, item: T, index: number) => void;

/** Windows and Samba number referents 0x00020000 + 4k; copied so captures look familiar. */
const FIRST_REFERENT_ID = 0x00020000;

export class NdrWriter {
  private buf = Buffer.alloc(256);
  private length = 0;
  private nextReferentId = FIRST_REFERENT_ID;
  private readonly deferred = new DeferredQueue(Number.POSITIVE_INFINITY, () => ndrUsage('unreachable'));

  get offset(): number {
    return this.length;
  }

  align(n: NdrAlignment): this {
    const pad = (n - (this.length % n)) % n;
    this.reserve(pad).fill(0);
    return this;
  }

  u8(v: number): this {
    this.reserve(1).writeUInt8(v);
    return this;
  }

  u16(v: number): this {
    this.align(2).reserve(2).writeUInt16LE(v);
    return this;
  }

  u32(v: number): this {
    this.align(4).reserve(4).writeUInt32LE(v);
    return this;
  }

  i32(v: number): this {
    this.align(4).reserve(4).writeInt32LE(v);
    return this;
  }

  /** hyper: 8-aligned. */
  u64(v: bigint): this {
    this.align(8).reserve(8).writeBigUInt64LE(v);
    return this;
  }

  i64(v: bigint): this {
    this.align(8).reserve(8).writeBigInt64LE(v);
    return this;
  }

  u64Parts(high: number, low: number): this {
    const at = this.align(8).reserve(8);
    at.writeUInt32LE(low, 0);
    at.writeUInt32LE(high, 4);
    return this;
  }

  /** Raw bytes, no count, no alignment. */
  bytes(data: Uint8Array): this {
    this.reserve(data.length).set(data);
    return this;
  }

  /** GUID in bytes_le form; 4-aligned (its Data1 is a u32). */
  guid(text: string): this {
    return this.align(4).bytes(guidToBytes(text));
  }

  contextHandle(handle: Uint8Array): this {
    if (handle.length !== 20) throw ndrUsage(`a context handle is 20 bytes, got ${handle.length}`);
    return this.align(4).bytes(handle);
  }

  /** Embedded unique/ref/full pointer: referent id (0 for null) now, pointee deferred. */
  pointer<T>(value: T | null | undefined, writePointee: (w: NdrWriter, value: T) => void): this {
    if (value === null || value === undefined) return this.u32(0);
    this.u32(this.allocateReferentId());
    this.deferred.enqueue(() => writePointee(this, value));
    return this;
  }

  /** A [unique] or [ptr] parameter: referent id, then the pointee and its deferred data inline. */
  topLevelPointer<T>(value: T | null | undefined, writePointee: (w: NdrWriter, value: T) => void): this {
    if (value === null || value === undefined) return this.u32(0);
    this.u32(this.allocateReferentId());
    this.deferred.runNested(() => writePointee(this, value));
    return this;
  }

  flushDeferred(): this {
    this.deferred.drain();
    return this;
  }

  /** The hoisted max_count of a conformant struct; the struct's own alignment follows it. */
  conformance(maxCount: number): this {
    return this.u32(maxCount);
  }

  /**
   * A conformant struct (DSNAME, UPTODATE_VECTOR...): max_count hoisted to the front, then the
   * struct's own alignment, then its fields; the tail array goes out with `elements`.
   */
  conformantStruct(maxCount: number, alignment: NdrAlignment, writeBody: (w: NdrWriter) => void): this {
    this.conformance(maxCount).align(alignment);
    writeBody(this);
    return this;
  }

  /** Inline elements with no count: the tail array of a conformant struct, fixed arrays. */
  elements<T>(items: readonly T[], writeItem: NdrWriteItem<T>): this {
    items.forEach((item, i) => writeItem(this, item, i));
    return this;
  }

  conformantArray<T>(items: readonly T[], writeItem: NdrWriteItem<T>): this {
    return this.u32(items.length).elements(items, writeItem);
  }

  /** max_count, offset (0), actual_count, elements. `maxCount` may exceed items.length. */
  conformantVaryingArray<T>(items: readonly T[], writeItem: NdrWriteItem<T>, maxCount = items.length): this {
    if (maxCount < items.length) throw ndrUsage('max_count is below actual_count');
    return this.u32(maxCount).u32(0).u32(items.length).elements(items, writeItem);
  }

  varyingArray<T>(items: readonly T[], writeItem: NdrWriteItem<T>): this {
    return this.u32(0).u32(items.length).elements(items, writeItem);
  }

  /** A conformant byte array (ATTRVAL.pVal, OID_t.elements): max_count, then the bytes. */
  byteArray(data: Uint8Array): this {
    return this.u32(data.length).bytes(data);
  }

  /** [string] wchar_t: conformant-varying UTF-16LE; the NUL is counted when `terminated`. */
  wstring(text: string, terminated = true): this {
    const units = text.length + (terminated ? 1 : 0);
    this.u32(units).u32(0).u32(units).utf16(text);
    return terminated ? this.u16(0) : this;
  }

  /** [string] char: conformant-varying 8-bit characters (latin1). */
  astring(text: string, terminated = true): this {
    const raw = Buffer.from(text, 'latin1');
    const count = raw.length + (terminated ? 1 : 0);
    this.u32(count).u32(0).u32(count).bytes(raw);
    return terminated ? this.u8(0) : this;
  }

  /** UTF-16LE code units inline, no counts (DSNAME.StringName after its hoisted max_count). */
  utf16(text: string): this {
    return this.align(2).bytes(Buffer.from(text, 'utf16le'));
  }

  /** Non-encapsulated union: u32 discriminant, then the arm, which aligns itself (NDR20). */
  union(discriminant: number, writeArm: (w: NdrWriter) => void): this {
    this.u32(discriminant);
    writeArm(this);
    return this;
  }

  /** The stub. Throws if pointees are still queued: a forgotten flushDeferred() is a bug. */
  finish(): Buffer {
    if (this.deferred.hasPending) throw ndrUsage('finish() with deferred pointees not flushed');
    return Buffer.from(this.buf.subarray(0, this.length));
  }

  private allocateReferentId(): number {
    const id = this.nextReferentId;
    this.nextReferentId = (this.nextReferentId + 4) >>> 0 || FIRST_REFERENT_ID;
    return id;
  }

  /** Grows the buffer and returns the `n` bytes just appended. */
  private reserve(n: number): Buffer {
    if (this.length + n > this.buf.length) {
      const grown = Buffer.alloc(Math.max(this.buf.length * 2, this.length + n));
      this.buf.copy(grown, 0, 0, this.length);
      this.buf = grown;
    }
    const at = this.buf.subarray(this.length, this.length + n);
    this.length += n;
    return at;
  }
}
