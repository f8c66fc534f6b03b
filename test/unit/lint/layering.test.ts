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
    ['electron/engine/sync.ts', "import { app } from 'electron';\nexport const a = app;\n", 'Only electron/main.ts'],
    ['electron/phs/x.ts', "import type { App } from 'electron';\nexport type A = App;\n", 'Only electron/main.ts'],
    ['electron/services/x.ts', "import { App } from '../../renderer/src/App.tsx';\nexport const a = App;\n", 'never imports from renderer'],
    ['renderer/src/x.ts', "import { HashPool } from '../../electron/phs/pool.ts';\nexport const a = HashPool;\n", 'never imports from electron/'],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'no Node modules'],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n", 'Only electron/main.ts'],
    ['shared/x.ts', "import { createHash } from 'crypto';\nexport const a = createHash;\n", 'no Node modules'],
    ['shared/x.ts', "import { join } from 'node:path';\nexport const a = join;\n", 'no Node modules'],
    ['shared/x.ts', "import { HashPool } from '../electron/phs/pool.ts';\nexport const a = HashPool;\n", 'never imports a process folder'],
  ])('rejects in %s: %j', async (file, code, message) => {
    const messages = await lint(file, code);
    expect(messages.join('\n')).toContain(message);
  });

  it.each([
    ['electron/main.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/platform/dialogs.ts', "import { dialog } from 'electron';\nexport const a = dialog;\n"],
    ['electron/phs/x.ts', "import { createHash } from 'node:crypto';\nexport const a = createHash;\n"],
    ['renderer/src/x.ts', "import type { PhsBridge } from '../../shared/api.ts';\nexport type A = PhsBridge;\n"],
  ])('allows in %s: %j', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
