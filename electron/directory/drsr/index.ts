/**
 * The public face of the MS-DRSR client: password hashes by directory replication. Everything
 * below drsr/ (crypto, ntlm, ndr, rpc, secrets, drsuapi) is an implementation detail.
 */
export { DrsrClient, type DrsrConnectOptions, type SyncOptions } from './client.ts';
export { parseCursor, serializeCursor, type ReplicationCursor } from './drsuapi/cursor.ts';
export type { DomainInfo } from './drsuapi/discovery.ts';
export type { FoundUser } from './drsuapi/find-user.ts';
export type { DomainControllerInfo } from './drsuapi/dc-info.ts';
export { DrsrMissingRightsError, type ReplicationRight } from './drsuapi/errors.ts';
export type { ReplicationPage } from './drsuapi/replication.ts';
export type { AccountKind, ReplicatedUser } from './drsuapi/user-record.ts';
