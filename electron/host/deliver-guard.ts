/**
 * No harm to a real tenant. Enabling in deliver mode switches on directory synchronization and
 * passwordSyncEnabled in the tenant — in a real Microsoft tenant switching directory sync off
 * again can take up to 72 hours — so it must not happen when nothing can be delivered afterwards.
 * A tenant description without a credential endpoint this app can deliver to (no
 * `credentialsUrl`: Microsoft's own provisioning service has no public API) therefore refuses
 * `enable` before any tenant call; everything else (status, diagnose, verify) works as before.
 * Staging mode changes nothing in the tenant and keeps enable.
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { SyncEngine } from '../engine/engine.ts';

export function noCredentialEndpoint(): AppError {
  return new AppError(
    ErrorCode.TenantNoCredentialEndpoint,
    "This tenant has no credential endpoint this app can deliver password hashes to (the tenant description names no credentialsUrl; Microsoft's own provisioning service has no public API). Nothing was changed in the tenant.",
    'This app can only watch such a tenant (monitor mode): keep Entra Connect or Cloud Sync delivering, and check each user with "phs verify --config <file>". To deliver with this app, use a tenant description that names a credentialsUrl (the tenant emulator writes one).',
  );
}

/** The engine with `enable` refused up front (a Proxy, so every other member stays the engine's own). */
export function refuseEnableWithoutDelivery(engine: SyncEngine): SyncEngine {
  return new Proxy(engine, {
    get(target, property) {
      if (property === 'enable') return () => Promise.reject(noCredentialEndpoint());
      const value: unknown = Reflect.get(target, property, target);
      // Bound to the engine itself: its private fields are not reachable through the proxy.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
