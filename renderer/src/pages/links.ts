/** Microsoft Learn pages the app links to (main only opens https links to allowed hosts). */
export const learn = {
  whatIsPhs: 'https://learn.microsoft.com/entra/identity/hybrid/connect/whatis-phs',
  howPhsWorks:
    'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-password-hash-synchronization',
  accountsAndPermissions:
    'https://learn.microsoft.com/entra/identity/hybrid/connect/reference-connect-accounts-permissions',
  adminRoles: 'https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference',
} as const;
