/**
 * The wizard's settings file (`<userData>/settings.json`): the directory draft, tenant endpoint,
 * scope, password hash sync options and when the configuration was last applied. No secret is
 * ever in it (the AD password lives in secret-store.ts, sealed). Written atomically, mode 0600;
 * a damaged file is set aside (`.damaged`) and the wizard starts from the defaults.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { directoryDraftSchema, scopeSelectionSchema } from '../../shared/directory-schemas.ts';
import { PUBLIC_CLOUD_ENDPOINT, tenantEndpointSchema } from '../../shared/tenant-schemas.ts';
import { DEFAULT_PHS_OPTIONS, phsOptionsSchema } from '../../shared/wizard-schemas.ts';
import type { Logger } from '../../shared/logger.ts';

export const wizardSettingsSchema = z.strictObject({
  version: z.literal(1),
  directory: directoryDraftSchema.nullable(),
  tenantEndpoint: tenantEndpointSchema,
  scope: scopeSelectionSchema.nullable(),
  phs: phsOptionsSchema,
  configuredAt: z.string().nullable(),
});
export type WizardSettings = z.infer<typeof wizardSettingsSchema>;

export const DEFAULT_SETTINGS: WizardSettings = {
  version: 1,
  directory: null,
  tenantEndpoint: { ...PUBLIC_CLOUD_ENDPOINT },
  scope: null,
  phs: DEFAULT_PHS_OPTIONS,
  configuredAt: null,
};

/** Reads a settings file; null when it is missing or not valid (the engine's wiring reads it too). */
export function readWizardSettings(file: string): WizardSettings | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = wizardSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeFileAtomic(file: string, data: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data, { mode: 0o600 });
  renameSync(temp, file);
}

export class SettingsStore {
  readonly file: string;
  readonly #log: Logger;
  #current: WizardSettings;

  constructor(file: string, log: Logger) {
    this.file = file;
    this.#log = log;
    this.#current = this.#load();
  }

  get current(): WizardSettings {
    return this.#current;
  }

  update(patch: Partial<Omit<WizardSettings, 'version'>>): WizardSettings {
    const next = wizardSettingsSchema.parse({ ...this.#current, ...patch });
    writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`);
    this.#current = next;
    return next;
  }

  #load(): WizardSettings {
    const settings = readWizardSettings(this.file);
    if (settings !== null) return settings;
    try {
      renameSync(this.file, `${this.file}.damaged`);
      this.#log.warn('the settings file was not valid; set aside, starting from defaults', {
        file: this.file,
      });
    } catch {
      // No file yet: a first run.
    }
    return DEFAULT_SETTINGS;
  }
}
