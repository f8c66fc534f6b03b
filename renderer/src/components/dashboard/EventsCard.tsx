/** The engine's event log, newest first, with its ids; filter by severity and export to a file. */
import { Body1, Button, Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { EventView } from '../../../../shared/engine-schemas.ts';
import { toShape } from '../../../../shared/errors.ts';
import { call } from '../../bridge.ts';
import { when } from './format.ts';

type Severity = 'all' | 'info' | 'warning' | 'error';

const useStyles = makeStyles({
  tools: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  list: { maxHeight: '220px', overflowY: 'auto', margin: 0, padding: 0, listStyle: 'none' },
  item: { padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  muted: { color: tokens.colorNeutralForeground3 },
  message: { margin: 0 },
});

export function EventsCard({ version }: { readonly version: unknown }) {
  const styles = useStyles();
  const [severity, setSeverity] = useState<Severity>('all');
  const [events, setEvents] = useState<readonly EventView[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const level = severity === 'all' ? {} : { severity };
  useEffect(() => {
    let live = true;
    void call('engine:events', { ...(severity === 'all' ? {} : { severity }), limit: 200 }).then(
      (r) => live && setEvents(r.events),
      () => undefined,
    );
    return () => void (live = false);
  }, [severity, version]);
  return (
    <>
      <div className={styles.tools}>
        <Field label="Severity">
          <Select value={severity} onChange={(_e, d) => setSeverity(d.value as Severity)}>
            <option value="all">All</option>
            <option value="info">Information</option>
            <option value="warning">Warnings</option>
            <option value="error">Errors</option>
          </Select>
        </Field>
        <Button
          onClick={() =>
            call('engine:exportEvents', level).then(
              (r) =>
                setNote(r.path === null ? 'Export cancelled.' : `Exported ${r.count} events to ${r.path}.`),
              (e: unknown) => setNote(toShape(e).message),
            )
          }
        >
          Export…
        </Button>
        {note && <Caption1 role="status">{note}</Caption1>}
      </div>
      {events.length === 0 ? (
        <Body1 className={styles.muted}>No events yet.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Engine events" tabIndex={0}>
          {events.map((e) => (
            <li key={e.seq} className={styles.item}>
              <Caption1 block className={styles.muted}>
                {when(e.at)} · {e.level} · event {e.id}
              </Caption1>
              <Body1 block as="p" className={styles.message}>
                {e.message}
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
