/**
 * Wires the engine into the app for electron/main.ts and the end-to-end harness alike: the
 * EngineService over the wizard's saved configuration, connected to Configure's first full sync,
 * and the handlers of the dashboard's channels.
 */
import { writeFile } from 'node:fs/promises';
import type { EngineChannel } from '../../shared/contract.ts';
import type { CryptoGate, Hasher } from '../engine/ports.ts';
import { openAppEngine, type AppEngine } from '../host/app-engine.ts';
import type { Logger } from '../../shared/logger.ts';
import type { HandlersFor } from './dispatcher.ts';
import { savedFor } from './password-reuse.ts';
import { createEngineHandlers } from './engine-handlers.ts';
import { EngineService } from './engine-service.ts';
import type { PushQueue } from './push-queue.ts';
import type { WizardServices } from './wizard-services.ts';

export interface EngineWiringDeps {
  readonly userDataDir: string;
  readonly wizard: WizardServices;
  readonly hasher: Hasher;
  /** The process's crypto self-test (the one the Welcome page shows): no cycle runs while it fails. */
  readonly selfTest: CryptoGate;
  readonly pushes: PushQueue;
  readonly log: Logger;
  readonly chooseExportFile: () => Promise<string | undefined>;
  /** Opens the engine (tests); by default from the wizard's saved configuration. */
  readonly open?: () => Promise<AppEngine>;
}

export interface EngineWiring {
  readonly service: EngineService;
  readonly handlers: HandlersFor<EngineChannel>;
}

export function wireEngine(deps: EngineWiringDeps): EngineWiring {
  const { wizard } = deps;
  const service = new EngineService({
    open:
      deps.open ??
      (async () =>
        openAppEngine({
          userDataDir: deps.userDataDir,
          settings: wizard.settings.current,
          // Only a password saved for the configured DC and trust: never aimed at another server.
          credential: savedFor(wizard.settings.current.directory, await wizard.secrets.directoryCredential()),
          tenant: wizard.tenantConnection(),
          hasher: deps.hasher,
          selfTest: deps.selfTest,
          log: deps.log,
        })),
    configured: () => wizard.settings.current.configuredAt !== null,
    pushes: deps.pushes,
    log: deps.log.child('engine-service'),
  });
  wizard.wizard.connectFirstSync(service.firstSync);
  const handlers = createEngineHandlers({
    service,
    chooseExportFile: deps.chooseExportFile,
    writeFile: (path, text) => writeFile(path, text, { mode: 0o600 }),
  });
  return { service, handlers };
}
