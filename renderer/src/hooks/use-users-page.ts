/**
 * The users table's data: the search, the Result filter and the scroll position decide which rows
 * main reads (`engine:users`, filtered and paged in main); they are read again whenever the engine
 * changes. A failed read is shown, with the last rows kept, until a later read succeeds.
 */
import { useCallback, useEffect, useState } from 'react';
import type { UserFilter, UsersPage } from '../../../shared/engine-schemas.ts';
import { toShape, type AppErrorShape } from '../../../shared/errors.ts';
import { call } from '../bridge.ts';
import { firstRowToRead, rowWindow } from '../dashboard/users-window.ts';
import { useEngineRevision } from './use-engine-revision.ts';

export interface UsersPageView {
  readonly query: string;
  readonly result: UserFilter;
  readonly page: UsersPage;
  readonly error: AppErrorShape | null;
  /** A new search starts from the first row. */
  readonly setQuery: (query: string) => void;
  readonly setResult: (result: UserFilter) => void;
  readonly setScrollTop: (scrollTop: number) => void;
}

const EMPTY: UsersPage = { total: 0, offset: 0, rows: [] };

export function useUsersPage(): UsersPageView {
  const [query, setQueryText] = useState('');
  const [result, setResult] = useState<UserFilter>('all');
  // Only the first row read is state: scrolling within the same window renders nothing.
  const [first, setFirst] = useState(0);
  const [page, setPage] = useState<UsersPage>(EMPTY);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const revision = useEngineRevision();

  useEffect(() => {
    let live = true;
    call('engine:users', { query, result, ...rowWindow(first) }).then(
      (next) => {
        if (!live) return;
        setPage(next);
        setError(null);
      },
      (failure: unknown) => live && setError(toShape(failure)),
    );
    return () => void (live = false);
  }, [query, result, first, revision]);

  const setQuery = useCallback((next: string) => {
    setQueryText(next);
    setFirst(0);
  }, []);
  const setScrollTop = useCallback((scrollTop: number) => setFirst(firstRowToRead(scrollTop)), []);

  return { query, result, page, error, setQuery, setResult, setScrollTop };
}
