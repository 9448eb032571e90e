import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
}

describe('the layering lint rule', () => {
  it('forbids the renderer from importing main, Node or Electron', async () => {
    expect(await errorsFor('src-renderer/x.ts', "import { startHost } from '../src-main/host/host-server';\nvoid startHost;\n")).toHaveLength(1);
    expect(await errorsFor('src-renderer/x.ts', "import { readFile } from 'node:fs';\nvoid readFile;\n")).toHaveLength(1);
    expect(await errorsFor('src-renderer/x.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n")).toHaveLength(1);
    expect(await errorsFor('src-renderer/x.ts', "import { rpcContract } from '../src-shared/rpc/contract';\nvoid rpcContract;\n")).toHaveLength(0);
  });

  it('forbids main from importing the renderer, and Electron outside the shell', async () => {
    expect(await errorsFor('src-main/x.ts', "import { call } from '../src-renderer/bridge/bridge';\nvoid call;\n")).toHaveLength(1);
    expect(await errorsFor('src-main/vault/x.ts', "import { app } from 'electron';\nvoid app;\n")).toHaveLength(1);
    expect(await errorsFor('src-main/vault/x.ts', "import type { App } from 'electron';\nexport type A = App;\n")).toHaveLength(0);
    expect(await errorsFor('src-main/index.ts', "import { app } from 'electron';\nvoid app;\n")).toHaveLength(0);
  });

  it('keeps src-shared free of main, renderer, Node, Electron and browser-only libraries', async () => {
    for (const source of ["'../src-main/rpc/dispatch'", "'../src-renderer/router'", "'../sandbox/start-sandbox'", "'node:path'", "'fs'", "'electron'", "'dexie'"]) {
      expect(await errorsFor('src-shared/x.ts', `import * as m from ${source};\nvoid m;\n`), source).toHaveLength(1);
    }
  });

  it('keeps the sandboxes out of the app: neither main nor the renderer may import sandbox/', async () => {
    const sandbox = "import { startAllSandboxes } from '../../sandbox/start-sandbox';\nvoid startAllSandboxes;\n";
    expect(await errorsFor('src-main/host/x.ts', sandbox)).toHaveLength(1);
    expect(await errorsFor('src-main/index.ts', "import { startAllSandboxes } from '../sandbox/start-sandbox';\nvoid startAllSandboxes;\n")).toHaveLength(1);
    expect(await errorsFor('src-renderer/views/x.ts', sandbox)).toHaveLength(1);
    // Tests and the demo launcher's side may use them freely.
    expect(await errorsFor('test/e2e/x.ts', sandbox)).toHaveLength(0);
  });

  it('lets sandbox/ import src-shared and nothing else of the app', async () => {
    expect(await errorsFor('sandbox/x.ts', "import { newConnectionSchema } from '../src-shared/domain/connection';\nvoid newConnectionSchema;\n")).toHaveLength(0);
    expect(await errorsFor('sandbox/data/x.ts', "import { createDataset } from './dataset';\nvoid createDataset;\n")).toHaveLength(0);
    for (const source of ["'../src-main/rpc/dispatch'", "'../../src-main/demo/demo-connections'", "'../src-renderer/router'", "'electron'", "'keytar'"]) {
      expect(await errorsFor('sandbox/vettig/x.ts', `import * as m from ${source};\nvoid m;\n`), source).toHaveLength(1);
    }
  });
});
