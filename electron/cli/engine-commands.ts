/**
 * The engine's CLI commands — `phs run|sync|status|enable|disable|diagnose --config <file>` —
 * as functions over the SyncEngine interface. How the engine is built from the config (the
 * directory, tenant, hash pool and store adapters) is injected: see EngineCliDeps.open.
 * Register each with electron/cli.ts: { run: engineCommand('sync', deps), summary, help }.
 */
import { parseArgs } from 'node:util';
import { ExitCode, UsageError, type CliIo } from './io.ts';
import { renderDiagnosis } from '../engine/diagnosis-text.ts';
import { loadEngineConfig, type EngineConfig } from '../host/composition-root.ts';
import { ENGINE_HELP, type EngineCommandName } from './engine-help.ts';
import { formatProgress, formatRun, formatStatus } from './engine-output.ts';
import type { SyncEngine } from '../engine/engine.ts';

export { ENGINE_HELP, ENGINE_SUMMARY, type EngineCommandName } from './engine-help.ts';

export interface EngineHost {
  readonly engine: SyncEngine;
  /** Stops the engine and releases everything (store, pool, connections). */
  close(): Promise<void>;
}

export interface EngineCliDeps {
  /** Builds the engine for a config. readOnly: only status/diagnose will be asked (state opened read-only). */
  readonly open: (config: EngineConfig, options: { readonly readOnly: boolean }) => Promise<EngineHost>;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Resolves when the process is asked to stop; default: SIGINT or SIGTERM. */
  readonly untilStopped?: () => Promise<void>;
}

const OPTIONS = {
  config: { type: 'string' },
  full: { type: 'boolean' },
  once: { type: 'boolean' },
  json: { type: 'boolean' },
  user: { type: 'string' },
  yes: { type: 'boolean' },
  'clear-tenant-feature': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
const ALLOWED: Readonly<Record<EngineCommandName, readonly string[]>> = {
  run: [],
  sync: ['full', 'once', 'user'],
  status: ['json'],
  enable: ['full'],
  disable: ['clear-tenant-feature', 'yes'],
  diagnose: ['user', 'json'],
};
const MAX_CATCH_UP_CYCLES = 20;

type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean;
};

function parse(name: EngineCommandName, args: readonly string[]): Values | 'help' {
  const { values } = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) return 'help';
  for (const key of Object.keys(values)) {
    if (key !== 'config' && !ALLOWED[name].includes(key))
      throw new UsageError(`--${key} does not belong to "${name}".`);
  }
  if (values.config === undefined) throw new UsageError('--config <file.json> is required.');
  if (name === 'diagnose' && values.user === undefined) throw new UsageError('--user <name> is required.');
  if (name === 'sync' && values.user !== undefined && (values.full || values.once))
    throw new UsageError('--user syncs one user; it does not go with --full or --once.');
  if (values.yes && !values['clear-tenant-feature'])
    throw new UsageError('--yes confirms --clear-tenant-feature; pass both.');
  return values;
}

export function engineCommand(
  name: EngineCommandName,
  deps: EngineCliDeps,
): (args: readonly string[], io: CliIo) => Promise<ExitCode> {
  return async (args, io) => {
    const values = parse(name, args);
    if (values === 'help') {
      io.stdout.write(`${ENGINE_HELP[name]}\n`);
      return ExitCode.Ok;
    }
    const config = loadEngineConfig(values.config!, deps.env ?? process.env);
    const host = await deps.open(config, { readOnly: name === 'status' || name === 'diagnose' });
    try {
      return await COMMANDS[name](host.engine, values, io, deps);
    } finally {
      await host.close();
    }
  };
}

type Run = (engine: SyncEngine, values: Values, io: CliIo, deps: EngineCliDeps) => Promise<ExitCode>;

const COMMANDS: Readonly<Record<EngineCommandName, Run>> = {
  async run(engine, _values, io, deps) {
    // Fail at once, with the named error, rather than poll for ever without running a cycle.
    await engine.preflight();
    const off = engine.events.on((e) => {
      if (e.type === 'cycleCompleted' && (e.run.counts.seen > 0 || e.run.outcome !== 'completed'))
        io.stdout.write(`${formatRun(e.run)}\n`);
      else if (e.type === 'log' && e.event.level !== 'info')
        io.stderr.write(`phs: ${e.event.level}: ${e.event.message}\n`);
    });
    engine.start();
    await (deps.untilStopped ?? untilSignal)();
    await engine.stop();
    off();
    return ExitCode.Ok;
  },

  async sync(engine, values, io) {
    if (values.user !== undefined) {
      const one = await engine.syncUser(values.user);
      io.stdout.write(`${one.message}\n`);
      return one.result === 'delivered' || one.result === 'staged' ? ExitCode.Ok : ExitCode.Failed;
    }
    let last = 0;
    const off = engine.events.on((e) => {
      if (e.type !== 'progress' || Date.now() - last < 1000) return;
      last = Date.now();
      io.stderr.write(`${formatProgress(e.progress)}\n`);
    });
    try {
      let run = await (values.full ? engine.fullSync() : engine.syncNow());
      io.stdout.write(`${formatRun(run)}\n`);
      for (
        let i = 0;
        !values.once && i < MAX_CATCH_UP_CYCLES && run.outcome === 'completed' && run.counts.seen > 0;
        i++
      ) {
        run = await engine.syncNow();
        if (run.counts.seen > 0 || run.outcome !== 'completed') io.stdout.write(`${formatRun(run)}\n`);
      }
      return run.outcome === 'completed' && engine.status().upToDate ? ExitCode.Ok : ExitCode.Failed;
    } finally {
      off();
    }
  },

  async status(engine, values, io) {
    const status = engine.status();
    io.stdout.write(`${values.json ? JSON.stringify(status) : formatStatus(status)}\n`);
    return status.upToDate ? ExitCode.Ok : ExitCode.Failed;
  },

  async enable(engine, values, io) {
    const r = await engine.enable({ fullSync: values.full ?? false });
    if (r.directorySyncSet) io.stdout.write('Switched on directory synchronization in the tenant.\n');
    if (r.passwordSyncSet) io.stdout.write('Set passwordSyncEnabled in the tenant.\n');
    io.stdout.write(
      `Password hash sync is enabled. The next cycle runs a ${r.next === 'full' ? 'full password sync' : 'delta'}.\n`,
    );
    return ExitCode.Ok;
  },

  async disable(engine, values, io) {
    const confirmed = values['clear-tenant-feature'] === true && (values.yes === true || (await confirm(io)));
    const r = await engine.disable({ confirmed });
    io.stdout.write('Password hash sync is disabled here: nothing is delivered; the state is kept.\n');
    io.stdout.write(
      r.passwordSyncCleared
        ? 'Cleared passwordSyncEnabled in the tenant.\n'
        : 'passwordSyncEnabled is left as it is in the tenant.\n',
    );
    return ExitCode.Ok;
  },

  async diagnose(engine, values, io) {
    const d = await engine.diagnose(values.user!);
    io.stdout.write(`${values.json ? JSON.stringify(d) : renderDiagnosis(d)}\n`);
    return d.verdict.severity === 'ok' || d.verdict.severity === 'info' ? ExitCode.Ok : ExitCode.Failed;
  },
};

/** Asks on the terminal; refuses (no confirmation) when stdin is not a terminal. */
async function confirm(io: CliIo): Promise<boolean> {
  if (!io.stdin.isTTY)
    throw new UsageError(
      'clearing passwordSyncEnabled needs a confirmation: answer at a terminal, or pass --yes.',
    );
  io.stderr.write(
    'Clear passwordSyncEnabled in the tenant? Password hash sync stops for every client of the tenant. [y/N] ',
  );
  for await (const chunk of io.stdin) return /^y(es)?$/i.test(String(chunk).trim());
  return false;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
