/**
 * When what the dashboard shows may have changed in the engine: at each `engine:status` push, and
 * after each action this window ran on it (its push may be throttled, or never come when the action
 * changed no state — a refused Sync now still logs an event). The dashboard's hooks re-read their
 * data when the revision moves, so no component needs a re-fetch prop.
 */
import { useEffect, useState } from 'react';
import { subscribe } from '../bridge.ts';
import { createChangeFeed } from '../change-feed.ts';

const engineChanges = createChangeFeed((listener) => subscribe('engine:status', () => listener()));

/** Tells every dashboard hook to re-read: call it when an action on the engine settles. */
export const announceEngineChange = engineChanges.announce;

export function useEngineRevision(): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => engineChanges.on(() => setRevision((n) => n + 1)), []);
  return revision;
}
