/** The wizard's channels, each a thin call into its service (wizard.ts, directory-step.ts, tenant-step.ts). */
import type { WizardChannel } from '../../shared/contract.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { endpointErrors } from '../../shared/tenant-endpoint.ts';
import type { TenantEndpoint } from '../../shared/tenant-schemas.ts';
import { validateScopeDns } from './scope-check.ts';
import type { DirectoryStep } from './directory-step.ts';
import type { HandlersFor } from './dispatcher.ts';
import type { Operations } from './operations.ts';
import type { TenantStep } from './tenant-step.ts';
import type { Wizard } from './wizard.ts';

export interface WizardHandlerDeps {
  readonly wizard: Wizard;
  readonly directory: DirectoryStep;
  readonly tenant: TenantStep;
  readonly operations: Operations;
  readonly chooseCaFile: (purpose: 'directory' | 'tenant') => Promise<string | undefined>;
  readonly writeClipboard: (text: string) => Promise<void>;
}

/** Main's authoritative check of the "Advanced: tenant endpoint" fields. */
export function checkTenantEndpoint(endpoint: TenantEndpoint): void {
  const problems = Object.values(endpointErrors(endpoint));
  if (problems.length > 0)
    throw new AppError(
      ErrorCode.TenantConfigInvalid,
      problems.join(' '),
      "Correct the tenant endpoint, or reset it to Microsoft's public cloud.",
    );
}

export function createWizardHandlers(deps: WizardHandlerDeps): HandlersFor<WizardChannel> {
  const { wizard, directory, tenant, operations } = deps;
  return {
    'op:cancel': async ({ opId }) => ({ cancelled: operations.cancel(opId) }),
    'dialog:chooseCaFile': async ({ purpose }) => ({ path: (await deps.chooseCaFile(purpose)) ?? null }),
    'clipboard:writeText': async ({ text }) => {
      await deps.writeClipboard(text);
      return { copied: true };
    },
    'wizard:load': () => wizard.snapshot(),
    'wizard:save': async (request) => {
      switch (request.step) {
        case 'scope':
          wizard.save({ scope: validateScopeDns(request.scope) });
          break;
        case 'phs':
          wizard.save({ phs: request.options });
          break;
        case 'tenantEndpoint':
          checkTenantEndpoint(request.endpoint);
          wizard.save({ tenantEndpoint: request.endpoint });
          break;
      }
      return { saved: true };
    },
    'wizard:review': () => wizard.review(),
    'wizard:configure': () => wizard.configure(),
    'wizard:cancelFirstSync': async () => ({ cancelled: await wizard.cancelFirstSync() }),
    'directory:status': async () => ({ result: directory.result }),
    'directory:test': ({ opId, draft, password }) =>
      operations.run(opId, (signal) => wizard.testDirectory(draft, password, signal)),
    'directory:listOus': async ({ opId, parentDn }) => ({
      nodes: await operations.run(opId, (signal) => directory.listOus(parentDn, signal)),
    }),
    'directory:countUsers': async ({ opId, scope }) => ({
      count: await operations.run(opId, (signal) => directory.countUsers(scope, signal)),
    }),
    'tenant:status': async () => ({ view: await tenant.status() }),
    'tenant:signIn': async ({ opId, method }) => ({
      view: await operations.run(opId, (signal) => tenant.signIn(opId, method, signal)),
    }),
    'tenant:openVerificationPage': async ({ opId }) => {
      await tenant.openVerificationPage(opId);
      return { opened: true };
    },
    'tenant:signOut': async () => {
      await tenant.signOut();
      return { signedOut: true };
    },
  };
}
