/**
 * The dashboard's titled panels, and the two that read their own slice of the engine through a
 * hook (the users, the events). Those are mounted only once the engine is configured, and their
 * scrolling, searching and filtering re-render the panel alone, not the whole page.
 */
import { Card, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { EventsCard } from '../components/dashboard/EventsCard.tsx';
import { UsersTable } from '../components/dashboard/UsersTable.tsx';
import { useEngineEvents } from '../hooks/use-engine-events.ts';
import { useUsersPage } from '../hooks/use-users-page.ts';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  title: { margin: 0 },
});

export function Panel({
  id,
  title,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Card className={styles.card} appearance="outline" aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={styles.title}>
        {title}
      </Subtitle2>
      {children}
    </Card>
  );
}

export function UsersPanel({ onSelect }: { readonly onSelect: (user: string) => void }) {
  const users = useUsersPage();
  return (
    <Panel id="users-title" title="Users">
      <UsersTable users={users} onSelect={onSelect} />
    </Panel>
  );
}

export function EventsPanel() {
  const log = useEngineEvents();
  return (
    <Panel id="events-title" title="Events">
      <EventsCard log={log} />
    </Panel>
  );
}
