/**
 * The engine's event log for the dashboard: the newest 200 at the chosen severity, read again
 * whenever the engine changes, and the export to a file (the system's save dialog, in main).
 * A failed read or export is shown; the last events read are kept meanwhile.
 */
import { useCallback, useEffect, useState } from 'react';
import type { EventView } from '../../../shared/engine-schemas.ts';
import { isCancelled, toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { call } from '../bridge.ts';
import { useEngineRevision } from './use-engine-revision.ts';

export type Severity = 'all' | 'info' | 'warning' | 'error';

export interface EngineEventsView {
  readonly severity: Severity;
  readonly events: readonly EventView[];
  readonly readError: AppErrorShape | null;
  /** What the last export did ("Exported 12 events to …", or that it was cancelled). */
  readonly exported: string | null;
  readonly exportError: AppErrorShape | null;
  readonly setSeverity: (severity: Severity) => void;
  readonly exportEvents: () => void;
}

const LIMIT = 200;

export function useEngineEvents(): EngineEventsView {
  const [severity, setSeverity] = useState<Severity>('all');
  const [events, setEvents] = useState<readonly EventView[]>([]);
  const [readError, setReadError] = useState<AppErrorShape | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<AppErrorShape | null>(null);
  const revision = useEngineRevision();

  useEffect(() => {
    let live = true;
    call('engine:events', { ...(severity === 'all' ? {} : { severity }), limit: LIMIT }).then(
      (read) => {
        if (!live) return;
        setEvents(read.events);
        setReadError(null);
      },
      (failure: unknown) => live && setReadError(toShape(failure)),
    );
    return () => void (live = false);
  }, [severity, revision]);

  const exportEvents = useCallback(() => {
    setExportError(null);
    call('engine:exportEvents', severity === 'all' ? {} : { severity }).then(
      (r) => setExported(r.path === null ? 'Export cancelled.' : `Exported ${r.count} events to ${r.path}.`),
      (failure: unknown) => {
        if (isCancelled(failure)) {
          setExported('Export cancelled.');
          return;
        }
        setExported(null);
        setExportError(toShape(failure));
      },
    );
  }, [severity]);

  return { severity, events, readError, exported, exportError, setSeverity, exportEvents };
}
