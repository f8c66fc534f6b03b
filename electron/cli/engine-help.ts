/** Help texts of the engine's CLI commands (`phs run|sync|status|enable|disable|diagnose`). */

const CONFIG = `  --config <file.json>  {"directory": {url, caFile?, serverName?, username, password?},
                         "tenant": <tenant file JSON or its path>, "scope"?: {includeOUs, excludeOUs},
                         "sync"?: {pollSeconds, stagingMode}, "stateDir": "<folder>"}
                        The directory password may come from PHS_AD_PASSWORD instead; the tenant
                        sign-in from a prior "phs tenant login".`;

export const ENGINE_HELP = {
  run: `Usage: phs run --config <file.json>

Runs the sync engine in the foreground: a delta cycle every pollSeconds (a full sync first when
nothing was synchronised yet), until SIGINT or SIGTERM, which stop it cleanly. Prints one line
per cycle that did something, and the events of the engine's log.

${CONFIG}

Exit codes: 0 stopped on request, 1 failed, 2 bad input.`,
  sync: `Usage: phs sync --config <file.json> [--full] [--once]
       phs sync --config <file.json> --user <name>

Runs sync cycles now: a delta (passwords changed since the last cycle; a full sync when nothing
was synchronised yet), or with --full a full password sync of every in-scope user. Without
--once, delta cycles follow until one finds nothing more to do. With --user, reads that one user
from the domain controller and delivers their current password now, changed or not.

${CONFIG}
  --full                a full password sync
  --once                exactly one cycle
  --user <name>         one user: UPN, sAMAccountName, DOMAIN\\name, DN or objectGUID

Exit codes: 0 every in-scope user is delivered (or explicitly filtered: no password, must change
password, system account) — with --user: that user was delivered —, 1 otherwise (failures, or
password hash sync not enabled), 2 bad input.`,
  status: `Usage: phs status --config <file.json> [--json]

Shows the engine's state: enabled or not, staging mode, full or incremental, the last cycle,
users per result, the recent events. Reads the state folder only (works while "phs run" runs).

${CONFIG}
  --json                one JSON object

Exit codes: 0 up to date, 1 something is pending or failed, 2 bad input.`,
  enable: `Usage: phs enable --config <file.json> [--full]

Enables password hash sync: switches on directory synchronization and passwordSyncEnabled in the
tenant when they are off (not in staging mode), then records it here. The next cycle ("phs sync"
or "phs run") runs a full sync the first time, else a delta from where it stopped.

${CONFIG}
  --full                ask for a full password sync on the next cycle

Exit codes: 0 enabled, 1 failed, 2 bad input.`,
  disable: `Usage: phs disable --config <file.json> [--clear-tenant-feature --yes]

Disables password hash sync here: nothing is delivered any more; the state is kept, so enabling
again resumes with a delta. With --clear-tenant-feature it also clears passwordSyncEnabled in the
tenant — for every synchronisation client of the tenant — which needs a confirmation: typed at a
terminal, or --yes.

${CONFIG}
  --clear-tenant-feature  also clear passwordSyncEnabled in the tenant (asks for confirmation)
  --yes                   confirm without asking

Exit codes: 0 disabled, 1 failed, 2 bad input.`,
  diagnose: `Usage: phs diagnose --config <file.json> --user <name> [--json]

Explains one user: a user object? in scope, and why not? password readable? the last change seen
vs the last delivered, the last result with its error and what to do, attempts, next retry.
<name> is a sAMAccountName, DOMAIN\\name, UPN, DN or objectGUID.

${CONFIG}
  --user <name>         the user
  --json                one JSON object

Exit codes: 0 fine or nothing wrong (info), 1 a warning or an error, 2 bad input.`,
} as const;

export type EngineCommandName = keyof typeof ENGINE_HELP;

export const ENGINE_SUMMARY: Readonly<Record<EngineCommandName, string>> = {
  run: 'run the sync engine in the foreground until stopped',
  sync: 'run sync cycles now (delta, or --full) and exit',
  status: "show the engine's state, last cycle and users per result",
  enable: 'enable password hash sync (tenant features + here)',
  disable: 'disable password hash sync here (and optionally in the tenant)',
  diagnose: 'explain why one user is (not) synchronised',
};
