/**
 * RC4 as a stateful stream (Node's OpenSSL 3 no longer offers it). NTLM sealing keeps one
 * stream per direction for the life of a connection (drsr-notes §2.4), so the keystream
 * position must carry over from one process() call to the next: never re-key per message.
 */
export class Rc4 {
  readonly #s = new Uint8Array(256);
  #i = 0;
  #j = 0;

  constructor(key: Uint8Array) {
    if (key.length < 1 || key.length > 256) throw new RangeError('RC4 key must be 1..256 bytes');
    const s = this.#s;
    for (let n = 0; n < 256; n++) s[n] = n;
    let j = 0;
    for (let n = 0; n < 256; n++) {
      const t = s[n]!;
      j = (j + t + key[n % key.length]!) & 0xff;
      s[n] = s[j]!;
      s[j] = t;
    }
  }

  /** XORs `data` with the next keystream bytes, in place; returns the same buffer. */
  process<T extends Uint8Array>(data: T): T {
    const s = this.#s;
    let i = this.#i;
    let j = this.#j;
    for (let n = 0; n < data.length; n++) {
      i = (i + 1) & 0xff;
      const t = s[i]!;
      j = (j + t) & 0xff;
      s[i] = s[j]!;
      s[j] = t;
      data[n] = data[n]! ^ s[(s[i]! + t) & 0xff]!;
    }
    this.#i = i;
    this.#j = j;
    return data;
  }

  /** Like process(), but leaves `data` untouched and returns a new buffer. */
  processCopy(data: Uint8Array): Buffer {
    return this.process(Buffer.from(data));
  }

  /** Wipes the key schedule; the stream is unusable afterwards. */
  dispose(): void {
    this.#s.fill(0);
    this.#i = 0;
    this.#j = 0;
  }
}

/** One-shot RC4 with a fresh key schedule: returns a new buffer, wipes the state. */
export function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const cipher = new Rc4(key);
  try {
    return cipher.processCopy(data);
  } finally {
    cipher.dispose();
  }
}
