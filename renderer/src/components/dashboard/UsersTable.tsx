/**
 * The users, virtualised: only the visible rows (fixed height) are rendered, and main filters and
 * pages them, so 100,000 users scroll smoothly. A row opens the user's diagnosis, by click or by
 * keyboard (one row is the tab stop; arrows, Page Up/Down, Home, End move it). It renders what
 * useUsersPage read; a failed read is shown above the rows.
 */
import { Caption1, Field, Input, makeStyles, mergeClasses, Select, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import type { UserFilter } from '../../../../shared/engine-schemas.ts';
import { ROW_HEIGHT, VIEW_ROWS } from '../../dashboard/users-window.ts';
import type { UsersPageView } from '../../hooks/use-users-page.ts';
import { useRowFocus } from '../../hooks/use-row-focus.ts';
import { formatCount } from '../../wizard/format.ts';
import { ErrorBar } from '../ErrorBar.tsx';
import { RESULT_TEXT, when } from './format.ts';

const COLUMNS =
  'minmax(0,1.2fr) minmax(0,1.6fr) minmax(0,1.6fr) minmax(0,1.2fr) minmax(0,1.2fr) minmax(0,0.8fr)';

const useStyles = makeStyles({
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  scroller: {
    height: `${ROW_HEIGHT * VIEW_ROWS}px`,
    overflowY: 'auto',
    position: 'relative',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    height: `${ROW_HEIGHT}px`,
    padding: `0 ${tokens.spacingHorizontalS}`,
    boxSizing: 'border-box',
    width: '100%',
  },
  head: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  item: {
    position: 'absolute',
    left: 0,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export function UsersTable({
  users,
  onSelect,
}: {
  readonly users: UsersPageView;
  readonly onSelect: (user: string) => void;
}) {
  const styles = useStyles();
  const { page, query, result, error } = users;
  const open = (index: number): void => {
    const user = page.rows[index - page.offset];
    if (user !== undefined) onSelect(user.upn ?? user.name);
  };
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const focus = useRowFocus({
    scrollerRef,
    rendered: page,
    total: page.total,
    rowHeight: ROW_HEIGHT,
    pageRows: VIEW_ROWS,
    onOpen: open,
  });

  return (
    <>
      <div className={styles.tools}>
        <Field label="Search users">
          <Input
            type="search"
            value={query}
            placeholder="Name, UPN or OU"
            onChange={(_e, d) => users.setQuery(d.value)}
          />
        </Field>
        <Field label="Result">
          <Select value={result} onChange={(_e, d) => users.setResult(d.value as UserFilter)}>
            <option value="all">All</option>
            <option value="delivered">Synced</option>
            <option value="failed">Failed</option>
            <option value="filtered">Filtered</option>
            <option value="staged">Staged</option>
            <option value="other">Out of scope</option>
          </Select>
        </Field>
        <Caption1 aria-live="polite" data-testid="users-total">
          {formatCount(page.total, 'user', 'users')}
        </Caption1>
      </div>
      {error !== null && <ErrorBar title="The users could not be read" error={error} />}
      <div role="table" aria-label="Users" aria-rowcount={page.total + 1}>
        <div role="row" className={mergeClasses(styles.row, styles.head)}>
          {['Name', 'UPN', 'OU', 'Last change on-prem', 'Last delivered', 'Result'].map((h) => (
            <span role="columnheader" key={h} className={styles.cell} title={h}>
              {h}
            </span>
          ))}
        </div>
        <div
          role="rowgroup"
          ref={scrollerRef}
          className={styles.scroller}
          onScroll={(e) => users.setScrollTop(e.currentTarget.scrollTop)}
          onKeyDown={focus.onKeyDown}
          data-testid="users-scroller"
        >
          <div style={{ height: `${page.total * ROW_HEIGHT}px` }}>
            {page.rows.map((u, i) => (
              <div
                role="row"
                tabIndex={page.offset + i === focus.active ? 0 : -1}
                data-index={page.offset + i}
                aria-rowindex={page.offset + i + 2}
                key={u.id}
                className={mergeClasses(styles.row, styles.item)}
                style={{ top: `${(page.offset + i) * ROW_HEIGHT}px` }}
                onClick={() => {
                  focus.activate(page.offset + i);
                  onSelect(u.upn ?? u.name);
                }}
                title={u.reason ?? undefined}
              >
                <span role="cell" className={styles.cell} title={u.name}>
                  {u.name}
                </span>
                <span role="cell" className={styles.cell} title={u.upn ?? ''}>
                  {u.upn ?? '—'}
                </span>
                <span role="cell" className={styles.cell} title={u.ou}>
                  {u.ou}
                </span>
                <span role="cell" className={styles.cell} title={when(u.lastChangeOnPrem)}>
                  {when(u.lastChangeOnPrem)}
                </span>
                <span role="cell" className={styles.cell} title={when(u.lastDelivered)}>
                  {when(u.lastDelivered)}
                </span>
                <span role="cell" className={styles.cell} title={RESULT_TEXT[u.result] ?? u.result}>
                  {RESULT_TEXT[u.result] ?? u.result}
                </span>
              </div>
            ))}
          </div>
        </div>
      </div>
    </>
  );
}
