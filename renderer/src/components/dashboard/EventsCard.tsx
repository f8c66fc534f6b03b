/**
 * The engine's event log, newest first, with its ids; filter by severity and export to a file.
 * It renders what useEngineEvents read; a failed read or export is shown with what to do.
 */
import { Body1, Button, Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { EngineEventsView, Severity } from '../../hooks/use-engine-events.ts';
import { ErrorBar } from '../ErrorBar.tsx';
import { when } from './format.ts';

const useStyles = makeStyles({
  tools: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  list: { maxHeight: '220px', overflowY: 'auto', margin: 0, padding: 0, listStyle: 'none' },
  item: { padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  muted: { color: tokens.colorNeutralForeground3 },
  message: { margin: 0 },
});

export function EventsCard({ log }: { readonly log: EngineEventsView }) {
  const styles = useStyles();
  const { events } = log;
  return (
    <>
      <div className={styles.tools}>
        <Field label="Severity">
          <Select value={log.severity} onChange={(_e, d) => log.setSeverity(d.value as Severity)}>
            <option value="all">All</option>
            <option value="info">Information</option>
            <option value="warning">Warnings</option>
            <option value="error">Errors</option>
          </Select>
        </Field>
        <Button onClick={log.exportEvents}>Export…</Button>
        {log.exported && <Caption1 role="status">{log.exported}</Caption1>}
      </div>
      {log.exportError !== null && (
        <ErrorBar title="The events could not be exported" error={log.exportError} />
      )}
      {log.readError !== null && <ErrorBar title="The events could not be read" error={log.readError} />}
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
