/**
 * The real `phs` CLI as a child process (from source: Node 24 runs the TypeScript), for the
 * engine's end-to-end, crash and benchmark runs. Every child is bounded by a timeout and tracked,
 * so a test's afterAll can SIGKILL whatever is still running — by pid, never by name.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../../../electron/cli/main.ts', import.meta.url));

export interface PhsResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface PhsChild {
  readonly pid: number;
  readonly done: Promise<PhsResult>;
  /** True once the process has exited. */
  exited(): boolean;
  /** Output so far. */
  output(): { readonly stdout: string; readonly stderr: string };
  kill(signal: NodeJS.Signals): void;
}

export interface PhsOptions {
  /** XDG_CONFIG_HOME of the child: where `phs tenant login` keeps its encrypted session. */
  readonly home: string;
  readonly stdin?: string;
  readonly timeoutMs?: number;
  readonly env?: Readonly<Record<string, string>>;
  /** Node options before the CLI, e.g. `--import` of test/boringssl/narrow-crypto.ts. */
  readonly nodeArgs?: readonly string[];
}

const live = new Set<PhsChild>();

export function startPhs(args: readonly string[], options: PhsOptions): PhsChild {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    env: { ...process.env, XDG_CONFIG_HOME: options.home, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start phs ${args.join(' ')}`);
  let stdout = '';
  let stderr = '';
  let ended = false;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const handle: PhsChild = {
    pid: child.pid,
    done: new Promise<PhsResult>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (status, signal) => {
        ended = true;
        clearTimeout(timer);
        live.delete(handle);
        resolve({ status, signal, stdout, stderr });
      });
    }),
    exited: () => ended,
    output: () => ({ stdout, stderr }),
    kill: (signal) => {
      if (!ended) process.kill(child.pid!, signal);
    },
  };
  live.add(handle);
  child.stdin.end(options.stdin ?? '');
  return handle;
}

/** Runs `phs` to the end (asynchronously: an emulator in this process must keep answering). */
export function phs(args: readonly string[], options: PhsOptions): Promise<PhsResult> {
  return startPhs(args, options).done;
}

/** SIGKILLs every child still running (afterAll), and waits for them to go. */
export async function killAllPhs(): Promise<void> {
  const running = [...live];
  for (const child of running) child.kill('SIGKILL');
  await Promise.allSettled(running.map((c) => c.done));
}

/** "phs <args> exited 1: <stderr>" — for assertion messages. */
export function describeRun(args: readonly string[], r: PhsResult): string {
  return `phs ${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`;
}
