/** The last result the engine records for a user; the dashboard's views use the same list. */
export const USER_RESULTS = ['delivered', 'failed', 'staged', 'noPassword', 'filtered', 'outOfScope'] as const;
export type UserResult = (typeof USER_RESULTS)[number];
