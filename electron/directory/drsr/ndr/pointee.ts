/**
 * What NdrReader returns for a pointer: the referent id now, the pointee's value once the
 * deferred queue has been drained. Reading `value` earlier is a bug in the decoder code.
 */
import { ndrUsage } from './errors.ts';

/** A pointer read from the scalar part; `value` is available after flushDeferred(). */
export class NdrPointee<T> {
  readonly referentId: number;
  private resolved = false;
  private content: T | null = null;

  constructor(referentId: number) {
    this.referentId = referentId;
    this.resolved = referentId === 0;
  }

  get isNull(): boolean {
    return this.referentId === 0;
  }

  get value(): T | null {
    if (!this.resolved) throw ndrUsage('pointee read before flushDeferred()');
    return this.content;
  }

  resolve(value: T): void {
    this.content = value;
    this.resolved = true;
  }
}
