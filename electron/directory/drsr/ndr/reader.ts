/**
 * NDR20 little-endian decoder over a reassembled stub (offset 0 = first stub byte).
 *
 * Defensive by construction: every count, offset and length from the wire is checked against
 * the bytes that remain BEFORE anything is allocated or looped over, a budget caps the total
 * number of elements and pointers and the deferred nesting depth, and the only error it throws
 * is AppError(NdrMalformed). Pointers return an `NdrPointee` whose value is filled in when the
 * deferred queue is drained (`flushDeferred()`), mirroring NdrWriter.
 */
import { DeferredQueue } from './deferred.ts';
import { ndrMalformed, ndrUsage } from './errors.ts';
import { guidFromBytes } from './guid.ts';
import { NdrPointee } from './pointee.ts';
import type { NdrAlignment } from './writer.ts';

export interface NdrReaderOptions {
  /** Deferred nesting depth; a REPLENTINFLIST of N objects nests N + 1 levels. */
  readonly maxDepth?: number;
  /** Elements and pointers decoded over the whole stub. */
  readonly maxElements?: number;
  /** Builds the error for malformed input; NdrMalformed unless a caller (the PDU codecs) says otherwise. */
  readonly malformed?: (detail: string, offset: number) => Error;
}

export type NdrReadItem<T> = (r: NdrReader, index: number) => T;

const DEFAULT_MAX_DEPTH = 100_000;
const DEFAULT_MAX_ELEMENTS = 16_000_000;

export class NdrReader {
  private readonly buf: Buffer;
  private pos = 0;
  private elementBudget: number;
  private readonly deferred: DeferredQueue;
  private readonly fullPointers = new Map<number, NdrPointee<unknown>>();
  private readonly malformed: (detail: string, offset: number) => Error;

  constructor(stub: Uint8Array, options: NdrReaderOptions = {}) {
    this.buf = Buffer.from(stub.buffer, stub.byteOffset, stub.byteLength);
    this.elementBudget = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
    this.malformed = options.malformed ?? ndrMalformed;
    this.deferred = new DeferredQueue(options.maxDepth ?? DEFAULT_MAX_DEPTH, (depth) =>
      this.malformed(`pointer nesting deeper than ${depth}`, this.pos),
    );
  }

  /** The error this reader throws for malformed input, for checks made by decoder code. */
  fail(detail: string, at = this.pos): Error {
    return this.malformed(detail, at);
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  align(n: NdrAlignment): this {
    return this.skip((n - (this.pos % n)) % n);
  }

  skip(n: number): this {
    this.take(n);
    return this;
  }

  u8(): number {
    return this.buf.readUInt8(this.take(1));
  }

  u16(): number {
    return this.buf.readUInt16LE(this.align(2).take(2));
  }

  u32(): number {
    return this.buf.readUInt32LE(this.align(4).take(4));
  }

  i32(): number {
    return this.buf.readInt32LE(this.align(4).take(4));
  }

  u64(): bigint {
    return this.buf.readBigUInt64LE(this.align(8).take(8));
  }

  i64(): bigint {
    return this.buf.readBigInt64LE(this.align(8).take(8));
  }

  u64Parts(): { readonly high: number; readonly low: number } {
    const at = this.align(8).take(8);
    return { low: this.buf.readUInt32LE(at), high: this.buf.readUInt32LE(at + 4) };
  }

  /** `n` raw bytes, copied (the stub buffer may be large and short-lived). */
  bytes(n: number): Buffer {
    const at = this.take(n);
    return Buffer.from(this.buf.subarray(at, at + n));
  }

  guid(): string {
    return guidFromBytes(this.buf, this.align(4).take(16));
  }

  contextHandle(): Buffer {
    return this.align(4).bytes(20);
  }

  /** Embedded unique/ref pointer: the pointee is read when the queue is drained. */
  pointer<T>(readPointee: (r: NdrReader) => T): NdrPointee<T> {
    const pointee = new NdrPointee<T>(this.u32());
    if (!pointee.isNull) {
      this.charge(1);
      this.deferred.enqueue(() => pointee.resolve(readPointee(this)));
    }
    return pointee;
  }

  /** Full ([ptr]) pointer: a referent id seen before aliases the earlier pointee, read once. */
  fullPointer<T>(readPointee: (r: NdrReader) => T): NdrPointee<T> {
    const at = this.pos;
    const id = this.u32();
    const seen = this.fullPointers.get(id);
    if (seen !== undefined) return seen as NdrPointee<T>;
    this.pos = at;
    const pointee = this.pointer(readPointee);
    if (!pointee.isNull) this.fullPointers.set(id, pointee as NdrPointee<unknown>);
    return pointee;
  }

  /** A [unique] or [ptr] parameter: referent id, then the pointee and its deferred data inline. */
  topLevelPointer<T>(readPointee: (r: NdrReader) => T): T | null {
    if (this.u32() === 0) return null;
    let value: T | null = null;
    this.deferred.runNested(() => {
      value = readPointee(this);
    });
    return value;
  }

  flushDeferred(): this {
    this.deferred.drain();
    return this;
  }

  /** The hoisted max_count of a conformant struct. */
  conformance(): number {
    return this.u32();
  }

  /** Mirror of NdrWriter.conformantStruct; `readBody` gets max_count to size the tail array. */
  conformantStruct<T>(alignment: NdrAlignment, readBody: (r: NdrReader, maxCount: number) => T): T {
    const maxCount = this.conformance();
    this.align(alignment);
    return readBody(this, maxCount);
  }

  /** `count` inline elements, each at least `minSize` bytes: checked before the loop. */
  elements<T>(count: number, minSize: number, readItem: NdrReadItem<T>): T[] {
    if (!Number.isInteger(minSize) || minSize < 1) throw ndrUsage('minSize must be a positive integer');
    if (count * minSize > this.remaining) {
      throw this.malformed(
        `${count} elements of at least ${minSize} bytes exceed the ${this.remaining} left`,
        this.pos,
      );
    }
    this.charge(count);
    const out: T[] = [];
    for (let i = 0; i < count; i++) out.push(readItem(this, i));
    return out;
  }

  conformantArray<T>(minSize: number, readItem: NdrReadItem<T>): T[] {
    return this.elements(this.u32(), minSize, readItem);
  }

  /** Returns the actual_count transmitted elements. */
  conformantVaryingArray<T>(minSize: number, readItem: NdrReadItem<T>): T[] {
    const maxCount = this.u32();
    return this.elements(this.variance(maxCount), minSize, readItem);
  }

  varyingArray<T>(minSize: number, readItem: NdrReadItem<T>): T[] {
    return this.elements(this.variance(Number.MAX_SAFE_INTEGER), minSize, readItem);
  }

  byteArray(): Buffer {
    return this.bytes(this.u32());
  }

  /** [string] wchar_t (conformant-varying UTF-16LE); one trailing NUL, if sent, is dropped. */
  wstring(): string {
    const units = this.variance(this.u32());
    return stripNul(this.utf16(units));
  }

  /** [string] char (conformant-varying 8-bit, decoded as latin1); a trailing NUL is dropped. */
  astring(): string {
    const count = this.variance(this.u32());
    return stripNul(this.bytes(count).toString('latin1'));
  }

  /** `units` UTF-16LE code units inline (DSNAME.StringName). */
  utf16(units: number): string {
    this.align(2);
    if (units > this.remaining / 2)
      throw this.malformed(`${units} UTF-16 units exceed the data left`, this.pos);
    return this.bytes(units * 2).toString('utf16le');
  }

  /** Non-encapsulated union: reads the u32 discriminant and decodes the matching arm. */
  union<T>(arms: Readonly<Partial<Record<number, (r: NdrReader) => T>>>): T {
    const at = this.pos;
    const discriminant = this.u32();
    const arm = arms[discriminant];
    if (arm === undefined) throw this.malformed(`unexpected union discriminant ${discriminant}`, at);
    return arm(this);
  }

  /** Asserts the whole stub was consumed and no pointee is left unread. */
  expectEnd(): void {
    if (this.deferred.hasPending) throw ndrUsage('expectEnd() with deferred pointees not flushed');
    if (this.remaining !== 0) throw this.malformed(`${this.remaining} unexpected trailing bytes`, this.pos);
  }

  /** Reads offset and actual_count of a varying array and checks them against max_count. */
  private variance(maxCount: number): number {
    const at = this.pos;
    const offset = this.u32();
    const actual = this.u32();
    if (offset > maxCount || actual > maxCount - offset) {
      throw this.malformed(
        `varying array offset ${offset} + count ${actual} exceed max_count ${maxCount}`,
        at,
      );
    }
    return actual;
  }

  private charge(n: number): void {
    this.elementBudget -= n;
    if (this.elementBudget < 0)
      throw this.malformed('more elements than the decoding budget allows', this.pos);
  }

  /** Consumes `n` bytes and returns their start offset. */
  private take(n: number): number {
    if (n > this.remaining) throw this.malformed(`need ${n} bytes, ${this.remaining} left`, this.pos);
    const at = this.pos;
    this.pos += n;
    return at;
  }
}

function stripNul(text: string): string {
  return text.endsWith('\0') ? text.slice(0, -1) : text;
}
