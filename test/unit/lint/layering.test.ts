/** Proves the lint rules enforce architecture.md's layering on code placed in each folder. */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the layering lint rules', () => {
  it.each([
    [
      'electron/engine/sync.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
      'Only electron/main.ts',
    ],
    [
      'electron/phs/x.ts',
      "import type { App } from 'electron';\nexport type A = App;\n",
      'Only electron/main.ts',
    ],
    [
      'electron/services/x.ts',
      "import { App } from '../../renderer/src/App.tsx';\nexport const a = App;\n",
      'never imports from renderer',
    ],
    [
      'renderer/src/x.ts',
      "import { HashPool } from '../../electron/phs/pool.ts';\nexport const a = HashPool;\n",
      'never imports from electron/',
    ],
    [
      'renderer/src/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      'no Node modules',
    ],
    [
      'renderer/src/x.ts',
      "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
      'Only electron/main.ts',
    ],
    [
      'shared/x.ts',
      "import { createHash } from 'crypto';\nexport const a = createHash;\n",
      'no Node modules',
    ],
    ['shared/x.ts', "import { join } from 'node:path';\nexport const a = join;\n", 'no Node modules'],
    [
      'shared/x.ts',
      "import { HashPool } from '../electron/phs/pool.ts';\nexport const a = HashPool;\n",
      'never imports a process folder',
    ],
    // The domain imports only shared/ and itself.
    [
      'electron/engine/x.ts',
      "import type { SyncStore } from '../store/sync-state.ts';\nexport type A = SyncStore;\n",
      'a domain) imports only shared/ and itself',
    ],
    [
      'electron/engine/x.ts',
      "import type { Logger } from '../log/stderr-sink.ts';\nexport type A = Logger;\n",
      'a domain) imports only shared/ and itself',
    ],
    [
      'electron/verify/x.ts',
      "import { Scope } from '../engine/scope.ts';\nexport const a = Scope;\n",
      'a domain) imports only shared/ and itself',
    ],
    [
      'electron/crypto/x.ts',
      "import { wireFromNtHash } from '../phs/orgid.ts';\nexport const a = wireFromNtHash;\n",
      'primitives) imports only shared/ and itself',
    ],
    // Adapters import no other adapter and no front end.
    [
      'electron/tenant/x.ts',
      "import { DrsrClient } from '../directory/drsr/index.ts';\nexport const a = DrsrClient;\n",
      'imports no other adapter',
    ],
    [
      'electron/directory/ldap/x.ts',
      "import { HashPool } from '../../phs/pool.ts';\nexport const a = HashPool;\n",
      'imports no other adapter',
    ],
    [
      'electron/store/x.ts',
      "import { composeApp } from '../host/composition-root.ts';\nexport const a = composeApp;\n",
      'imports no front end',
    ],
    [
      'electron/phs/x.ts',
      "import { runCli } from '../cli/cli.ts';\nexport const a = runCli;\n",
      'imports no front end',
    ],
    // Front ends reach the parts through the composition root only.
    [
      'electron/cli/x.ts',
      "import { loadEngineConfig } from '../host/config.ts';\nexport const a = loadEngineConfig;\n",
      'through host/composition-root.ts only',
    ],
    [
      'electron/services/x.ts',
      "import { openAppEngine } from '../host/app-engine.ts';\nexport const a = openAppEngine;\n",
      'is built by host/composition-root.ts',
    ],
  ])('rejects in %s: %j', async (file, code, message) => {
    const messages = await lint(file, code);
    expect(messages.join('\n')).toContain(message);
  });

  it.each([
    ['electron/main.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/platform/dialogs.ts', "import { dialog } from 'electron';\nexport const a = dialog;\n"],
    ['electron/phs/x.ts', "import { createHash } from 'node:crypto';\nexport const a = createHash;\n"],
    [
      'renderer/src/x.ts',
      "import type { PhsBridge } from '../../shared/api.ts';\nexport type A = PhsBridge;\n",
    ],
    [
      'electron/engine/x.ts',
      "import { AppError } from '../../shared/errors.ts';\nimport { Scope } from './scope.ts';\nexport const a = [AppError, Scope];\n",
    ],
    [
      'electron/tenant/x.ts',
      "import type { CredentialSink } from '../engine/ports.ts';\nexport type A = CredentialSink;\n",
    ],
    [
      'electron/directory/drsr/x.ts',
      "import { ntHash } from '../../crypto/md4.ts';\nexport const a = ntHash;\n",
    ],
    [
      'electron/cli/x.ts',
      "import { openCliEngine } from '../host/composition-root.ts';\nexport const a = openCliEngine;\n",
    ],
    [
      'electron/host/x.ts',
      "import { HashPool } from '../phs/pool.ts';\nimport { EngineService } from '../services/engine-service.ts';\nexport const a = [HashPool, EngineService];\n",
    ],
  ])('allows in %s: %j', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
