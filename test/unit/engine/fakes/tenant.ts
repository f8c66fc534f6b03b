/** A TenantControl holding the organisation's sync switch and the three PHS features. */
import type { SyncFeatures, TenantControl, TenantSyncSettings } from '../../../../electron/engine/ports.ts';

export class FakeTenant implements TenantControl {
  directorySyncEnabled = false;
  features: SyncFeatures = {
    passwordSyncEnabled: false,
    cloudPasswordPolicyForPasswordSyncedUsersEnabled: false,
    userForcePasswordChangeOnLogonEnabled: false,
  };
  readonly calls: string[] = [];
  failWith: Error | undefined;

  async readSettings(): Promise<TenantSyncSettings> {
    this.calls.push('read');
    if (this.failWith) throw this.failWith;
    return { directorySyncEnabled: this.directorySyncEnabled, features: this.features };
  }

  async setDirectorySync(enabled: boolean): Promise<void> {
    this.calls.push(`directorySync=${enabled}`);
    this.directorySyncEnabled = enabled;
  }

  async setFeatures(patch: Partial<SyncFeatures>): Promise<void> {
    this.calls.push(`features=${JSON.stringify(patch)}`);
    this.features = { ...this.features, ...patch };
  }
}
