/** The dashboard's channels over the EngineService: status, on/off, cycles, users, diagnosis, events. */
import type { EngineChannel } from '../../shared/contract.ts';
import type { DiagnosisView } from '../../shared/engine-schemas.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { Diagnosis } from '../engine/diagnose.ts';
import { renderDiagnosis } from '../engine/diagnosis-text.ts';
import type { EventLevel } from '../engine/records.ts';
import type { HandlersFor } from './dispatcher.ts';
import type { EngineService } from './engine-service.ts';
import { cycleViews, eventViews, usersPage } from './engine-views.ts';

export interface EngineHandlerDeps {
  readonly service: EngineService;
  /** Asks where to save the event log (the system's save dialog); undefined when cancelled. */
  readonly chooseExportFile: () => Promise<string | undefined>;
  readonly writeFile: (path: string, text: string) => Promise<void>;
}

export const DISABLE_MESSAGE =
  'Password hash sync is off: no password change is sent to Microsoft Entra any more, and the tenant stops accepting synced hashes. Users keep the password they last had in the cloud. The sync state is kept: turning it on again resumes where it stopped.';

export function createEngineHandlers(deps: EngineHandlerDeps): HandlersFor<EngineChannel> {
  const { service } = deps;
  const events = (severity: EventLevel | undefined, limit: number) =>
    eventViews(service.host?.store.state.events ?? [], severity, limit);
  const background = (run: Promise<unknown>): void => void run.catch(() => undefined);
  return {
    'engine:getStatus': async () => service.status(),
    'engine:setEnabled': async ({ enabled, confirmed }) => {
      const { engine } = service.require();
      if (enabled) {
        await engine.preflight();
        await engine.enable({ fullSync: false });
        engine.start();
        return {
          enabled: true,
          message: 'Password hash sync is on: changes are delivered at the next cycle.',
        };
      }
      if (!confirmed)
        throw new AppError(
          ErrorCode.InvalidArgument,
          'Turning password hash sync off needs a confirmation.',
          DISABLE_MESSAGE,
        );
      await engine.disable({ confirmed: true });
      return { enabled: false, message: DISABLE_MESSAGE };
    },
    'engine:syncNow': async () => {
      const { engine } = service.require();
      if (!engine.status().enabled) throw offError();
      await engine.preflight();
      background(engine.syncNow());
      return { started: true };
    },
    'engine:fullSync': async () => {
      const { engine } = service.require();
      if (!engine.status().enabled) throw offError();
      await engine.preflight();
      background(engine.fullSync());
      return { started: true };
    },
    'engine:recentCycles': async ({ limit }) => ({
      cycles: cycleViews(service.host?.store.state.runs ?? [], limit),
    }),
    'engine:users': async (query) => usersPage(service.sortedUsers(), query),
    'engine:diagnose': async ({ user }) => diagnosisView(await service.require().engine.diagnose(user)),
    'engine:syncUser': async ({ user }) => {
      const { engine } = service.require();
      if (!engine.status().enabled) throw offError();
      return engine.syncUser(user);
    },
    'engine:events': async ({ severity, limit }) => ({ events: events(severity, limit) }),
    'engine:exportEvents': async ({ severity }) => {
      const list = events(severity, 100_000).reverse();
      const path = await deps.chooseExportFile();
      if (path === undefined) return { path: null, count: 0 };
      const lines = list.map((e) => [e.at, e.level, e.id, JSON.stringify(e.message)].join('\t'));
      await deps.writeFile(path, `time\tlevel\tid\tmessage\n${lines.join('\n')}\n`);
      return { path, count: list.length };
    },
  };
}

function offError(): AppError {
  return new AppError(
    ErrorCode.PasswordSyncOff,
    'Password hash sync is off.',
    'Turn it on with the switch first.',
  );
}

/** The structured diagnosis, as label/value facts (the same facts `phs diagnose` prints). */
export function diagnosisView(d: Diagnosis): DiagnosisView {
  const facts = renderDiagnosis(d)
    .split('\n')
    .filter((line) => line.startsWith('  ') && !line.trimStart().startsWith('What to do'))
    .map((line) => ({ label: line.slice(2, 22).trim(), value: line.slice(22).trim() }))
    .filter((f) => f.label !== '' && f.value !== '')
    .slice(0, 64);
  const id = d.identity;
  return {
    query: d.query,
    title: id ? `${id.upn ?? id.samAccountName} (${id.samAccountName})` : d.query,
    severity: d.verdict.severity,
    summary: d.verdict.summary,
    remediation: d.verdict.remediation,
    facts,
  };
}
