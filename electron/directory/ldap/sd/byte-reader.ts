/**
 * Bounds-checked little-endian reads at absolute offsets. Every read that would leave the
 * buffer calls `fail`, which throws the caller's named error: no RangeError ever escapes.
 */

export type Fail = (message: string, offset: number) => never;

export class ByteReader {
  readonly buffer: Buffer;
  readonly #fail: Fail;

  constructor(buffer: Buffer, fail: Fail) {
    this.buffer = buffer;
    this.#fail = fail;
  }

  get length(): number {
    return this.buffer.length;
  }

  fail(message: string, offset: number): never {
    return this.#fail(message, offset);
  }

  /** Throws unless `length` bytes starting at `offset` lie inside [start, end). */
  need(offset: number, length: number, what: string, end = this.buffer.length): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || length < 0 || offset + length > end) {
      this.#fail(`${what} (${length} bytes at offset ${offset}) runs past the end (${end})`, offset);
    }
  }

  u8(offset: number, what: string, end?: number): number {
    this.need(offset, 1, what, end);
    return this.buffer.readUInt8(offset);
  }

  u16(offset: number, what: string, end?: number): number {
    this.need(offset, 2, what, end);
    return this.buffer.readUInt16LE(offset);
  }

  u32(offset: number, what: string, end?: number): number {
    this.need(offset, 4, what, end);
    return this.buffer.readUInt32LE(offset);
  }

  u64(offset: number, what: string, end?: number): bigint {
    this.need(offset, 8, what, end);
    return this.buffer.readBigUInt64LE(offset);
  }

  bytes(offset: number, length: number, what: string, end?: number): Buffer {
    this.need(offset, length, what, end);
    return this.buffer.subarray(offset, offset + length);
  }
}
