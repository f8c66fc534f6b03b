/** Small formatting helpers for the dashboard. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleString();
}

export const STATE_TEXT: Readonly<Record<string, string>> = {
  stopped: 'Stopped',
  idle: 'Idle, waiting for the next cycle',
  syncing: 'Synchronizing',
  waitingToRetry: 'Waiting to retry after a failure',
  disabled: 'Off',
  notConfigured: 'Not configured',
};

export const RESULT_TEXT: Readonly<Record<string, string>> = {
  delivered: 'Synced',
  failed: 'Failed',
  staged: 'Staged',
  noPassword: 'No password',
  filtered: 'Filtered',
  outOfScope: 'Out of scope',
};
