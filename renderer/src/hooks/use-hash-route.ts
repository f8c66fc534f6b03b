/**
 * The current page lives in the URL hash (`#/scope`), so a reload keeps it and the window's
 * own back/forward history works. Unknown hashes show the default page.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { DEFAULT_ROUTE, isRouteId, type RouteId } from '../routes.ts';

function readRoute(): RouteId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return isRouteId(id) ? id : DEFAULT_ROUTE;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function hrefOf(route: RouteId): string {
  return `#/${route}`;
}

export function useHashRoute(): readonly [RouteId, (route: RouteId) => void] {
  const route = useSyncExternalStore(subscribe, readRoute);

  useEffect(() => {
    // Normalise a missing or unknown hash without adding a history entry.
    if (window.location.hash !== hrefOf(route)) window.history.replaceState(null, '', hrefOf(route));
  }, [route]);

  const navigate = useCallback((next: RouteId) => {
    window.location.hash = hrefOf(next);
  }, []);

  return [route, navigate] as const;
}
