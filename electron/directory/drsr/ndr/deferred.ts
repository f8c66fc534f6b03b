/**
 * The NDR deferred-pointee order (drsr-notes §4.3), shared by writer and reader.
 *
 * An embedded pointer puts its referent id in the scalar part and queues its pointee. When the
 * enclosing construct is complete, the queue is drained in pointer order, and each pointee is
 * drained *completely* (its scalars, then its own queued pointees, recursively) before the next
 * sibling. A linked list such as REPLENTINFLIST therefore nests one level per node; the drain is
 * an explicit stack rather than JS recursion so a long list cannot overflow the call stack.
 */

type Task = () => void;

interface Frame {
  readonly tasks: readonly Task[];
  next: number;
}

export class DeferredQueue {
  /** Level stack: the last entry collects the pointees queued by the code running now. */
  private readonly levels: Task[][] = [[]];
  private activeFrames = 0;
  private readonly maxDepth: number;
  private readonly onTooDeep: (depth: number) => Error;

  constructor(maxDepth: number, onTooDeep: (depth: number) => Error) {
    this.maxDepth = maxDepth;
    this.onTooDeep = onTooDeep;
  }

  /** True while pointees queued at the current level have not been drained yet. */
  get hasPending(): boolean {
    return this.current().length > 0;
  }

  enqueue(task: Task): void {
    this.current().push(task);
  }

  /** Runs `task` in a fresh level and drains what it queued: a top-level [unique] pointee. */
  runNested(task: Task): void {
    this.levels.push([]);
    try {
      task();
      this.drain();
    } finally {
      this.levels.pop();
    }
  }

  /** Drains the current level in NDR order. */
  drain(): void {
    const current = this.current();
    if (current.length === 0) return;
    const frames: Frame[] = [];
    this.push(frames, current.splice(0));
    try {
      for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
        const task = frame.tasks[frame.next++];
        if (task === undefined) {
          frames.pop();
          this.activeFrames--;
          continue;
        }
        const children = this.runCollecting(task);
        if (children.length > 0) this.push(frames, children);
      }
    } finally {
      this.activeFrames -= frames.length;
    }
  }

  private runCollecting(task: Task): Task[] {
    const level: Task[] = [];
    this.levels.push(level);
    try {
      task();
    } finally {
      // Popped even on failure so the level stack stays balanced.
      this.levels.pop();
    }
    return level;
  }

  private push(frames: Frame[], tasks: Task[]): void {
    if (this.activeFrames >= this.maxDepth) throw this.onTooDeep(this.activeFrames);
    this.activeFrames++;
    frames.push({ tasks, next: 0 });
  }

  private current(): Task[] {
    const level = this.levels.at(-1);
    if (level === undefined) throw new Error('DeferredQueue level stack is empty');
    return level;
  }
}
