/** Help of `phs verify` (kept apart so the command table loads no verification code). */

export const VERIFY_SUMMARY = "check each user's password change on both ends: the DC and the tenant";

export const VERIFY_HELP = `Usage: phs verify --config <file.json> [--json] [--grace <seconds>] [--skew <seconds>] [--user <name>]

Compares, for every user in scope, when the password last changed on premises (pwdLastSet, read
over LDAP) with when the cloud last recorded one (Graph lastPasswordChangeDateTime), matched by
source anchor. It works whoever delivers the hashes (this app, Entra Connect or Cloud Sync), with
read permissions only, and never opens the state folder.

  --config <file.json>  the engine's config file (directory, tenant, scope; stateDir is not used).
                        The tenant sign-in comes from a prior "phs tenant login".
  --json                {summary, users:[{sAMAccountName, userPrincipalName, sourceAnchor,
                        onPremisesChangedAt, cloudChangedAt, lagSeconds, status}]}
  --grace <seconds>     how long a change may take to arrive before it is "behind" (default 600)
  --skew <seconds>      tolerated clock difference between the DC and the cloud (default 120)
  --user <name>         only this user (sAMAccountName or userPrincipalName)

Statuses: inSync, pending (changed on premises, not in the cloud yet, within the grace period),
behind (past it), notInCloud (no synced cloud user with this anchor), noPassword, disabled,
filtered (system accounts; "must change password at next logon" unless the tenant syncs it).

Exit codes: 0 no user is behind or notInCloud, 1 some are, 2 bad input or a connection failure.`;
