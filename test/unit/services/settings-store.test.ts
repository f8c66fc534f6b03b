import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import {
  DEFAULT_SETTINGS,
  readWizardSettings,
  SettingsStore,
} from '../../../electron/services/settings-store.ts';

const log = createLogger({ process: 'test', sinks: [memorySink()] });
const dirs: string[] = [];
const dir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'phs-settings-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('starts from the defaults (Microsoft public cloud, PHS on) and persists updates, owner-only', () => {
    const file = join(dir(), 'settings.json');
    const store = new SettingsStore(file, log);
    expect(store.current).toEqual(DEFAULT_SETTINGS);
    expect(store.current.tenantEndpoint.authority).toBe('https://login.microsoftonline.com/organizations');
    store.update({ scope: { includedOus: ['OU=Staff,DC=corp,DC=example,DC=com'], excludedOus: [] } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readWizardSettings(file)?.scope?.includedOus).toEqual(['OU=Staff,DC=corp,DC=example,DC=com']);
    expect(new SettingsStore(file, log).current.scope).toEqual(store.current.scope);
  });

  it('refuses a value outside its schema and keeps the file as it was', () => {
    const file = join(dir(), 'settings.json');
    const store = new SettingsStore(file, log);
    expect(() => store.update({ phs: { ...DEFAULT_SETTINGS.phs, pollIntervalSeconds: 0 } })).toThrow();
    expect(existsSync(file)).toBe(false);
  });

  it('sets a damaged file aside and starts from the defaults', () => {
    const d = dir();
    const file = join(d, 'settings.json');
    writeFileSync(file, '{"version":1, "directory": {"password": "oops"}}');
    const store = new SettingsStore(file, log);
    expect(store.current).toEqual(DEFAULT_SETTINGS);
    expect(readFileSync(`${file}.damaged`, 'utf8')).toContain('oops');
  });
});
