/** `phs tenant login|status|logout`: sign in to the tenant, show it, sign out (see TENANT_HELP). */
import { ExitCode, type CliIo } from './io.ts';
import { parseTenantArgs, TENANT_HELP } from './tenant-args.ts';

export { TENANT_HELP };

export async function tenantCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const a = parseTenantArgs(args);
  if (a === 'help') {
    io.stdout.write(`${TENANT_HELP}\n`);
    return ExitCode.Ok;
  }
  // Loaded here, not at the top: every other command would pay for msal-node's import.
  const { runTenant } = await import('./tenant-run.ts');
  return runTenant(a, io);
}
