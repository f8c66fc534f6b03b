/**
 * Cuts a TCP byte stream into whole PDUs. TCP may deliver a PDU in any number of chunks, or
 * several PDUs in one chunk; frag_length (header bytes 8-9) says where each one ends.
 */
import { HEADER_LENGTH } from './constants.ts';
import { rpcMalformed } from './errors.ts';

export class PduFramer {
  private pending: Buffer = Buffer.alloc(0);

  /** Buffered bytes of a PDU not yet complete. */
  get buffered(): number {
    return this.pending.length;
  }

  /** Appends a chunk; returns the PDUs it completed, each a private copy. */
  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const out: Buffer[] = [];
    for (;;) {
      if (this.pending.length < HEADER_LENGTH) break;
      const fragLength = this.pending.readUInt16LE(8);
      // Without this a zero frag_length would never consume anything and loop forever.
      if (fragLength < HEADER_LENGTH)
        throw rpcMalformed(`frag_length ${fragLength} is shorter than the header`);
      if (this.pending.length < fragLength) break;
      out.push(Buffer.from(this.pending.subarray(0, fragLength)));
      this.pending = this.pending.subarray(fragLength);
    }
    // Drop the reference to a large chunk once only a small tail of it is still needed.
    if (this.pending.length > 0 && this.pending.byteOffset > 0) this.pending = Buffer.from(this.pending);
    return out;
  }
}
