/** One batch in the hash pool: its secrets, its attempts, its timer, and how it settles (once). */

export interface JobSettle {
  readonly resolve: (wires: string[]) => void;
  readonly reject: (error: Error) => void;
}

export class PoolJob {
  readonly id: number;
  readonly count: number;
  readonly ntHashes: Buffer;
  readonly salts: Buffer;
  attempts = 0;
  private readonly settle: JobSettle;
  private timer: NodeJS.Timeout | undefined;
  private settled = false;

  constructor(id: number, count: number, ntHashes: Buffer, salts: Buffer, settle: JobSettle) {
    this.id = id;
    this.count = count;
    this.ntHashes = ntHashes;
    this.salts = salts;
    this.settle = settle;
  }

  start(timeoutMs: number, onTimeout: () => void): void {
    this.attempts++;
    this.timer = setTimeout(onTimeout, timeoutMs);
  }

  requeue(): void {
    clearTimeout(this.timer);
  }

  succeed(wires: string[]): void {
    if (this.finish()) this.settle.resolve(wires);
  }

  fail(error: Error): void {
    if (this.finish()) this.settle.reject(error);
  }

  private finish(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    this.ntHashes.fill(0);
    return true;
  }
}
