import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { checkBoundaries, type Violation } from '../../scripts/check-boundaries.ts';

/**
 * The boundary checker that `npm run check` runs, fed small trees that break one rule each (and one
 * that breaks none), so a checker that stopped seeing a kind of violation fails here.
 */
const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A tree with two server modules (alpha owns `al_things`, beta owns `be_items`), two web modules, and `files` on top. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'gz-boundaries-'));
  roots.push(root);
  const base: Record<string, string> = {
    'package.json': JSON.stringify({ imports: { '#server/*': './server/*', '#web/*': './web/src/*' } }),
    'server/kernel/context.ts': "export const kernel = 1;\n",
    'server/modules/alpha/alpha.tables.ts': 'export interface AlphaTables {\n  al_things: AlThingsTable;\n}\ninterface AlThingsTable { id: string }\n',
    'server/modules/alpha/index.ts': "export { listThings } from './use-cases/list-things.ts';\n",
    'server/modules/alpha/contract.ts': "export type { listThings } from './use-cases/list-things.ts';\n",
    'server/modules/alpha/use-cases/list-things.ts': "import { kernel } from '../../../kernel/context.ts';\n// al_things are read here, and places (a kernel table)\nexport const listThings = () => `select * from al_things, places ${kernel}`;\n",
    'server/modules/beta/beta.tables.ts': 'export interface BetaTables {\n  be_items: BeItemsTable;\n}\ninterface BeItemsTable { id: string }\n',
    'server/modules/beta/index.ts': "export const beta = 1;\n",
    'server/modules/beta/use-cases/use-alpha.ts': "import { listThings } from '../../alpha/index.ts';\nexport const x = listThings;\n",
    'web/src/modules/alpha/index.ts': "export { ThingPicker } from './components/ThingPicker.tsx';\n",
    'web/src/modules/alpha/components/ThingPicker.tsx': "import type { listThings } from '#server/modules/alpha/contract.ts';\nexport const ThingPicker = (_: typeof listThings) => null;\n",
    'web/src/modules/beta/pages/BetaPage.tsx': "import { ThingPicker } from '../../alpha/index.ts';\nexport const BetaPage = ThingPicker;\n",
    'web/src/workbench/routes.tsx': "export const routes = import.meta.glob('../modules/*/workbench.tsx');\n",
  };
  for (const [path, content] of Object.entries({ ...base, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const rules = (violations: Violation[]) => violations.map((v) => `${v.rule} ${v.file}`);

/** The checker run over `tree(files)` reports exactly `expected` (rule and file, in its order). */
const expectFound = (files: Record<string, string>, expected: string[]) => assert.deepEqual(rules(checkBoundaries(tree(files))), expected);

test('a tree that keeps the rules passes', () => {
  assert.deepEqual(checkBoundaries(tree({})), []);
});

test('the kernel, its tests included, importing a module, the module list or the registry world fails', () => {
  expectFound(
    {
      'server/kernel/db/index.ts': "import type { AlphaTables } from '../../modules/alpha/alpha.tables.ts';\nexport type X = AlphaTables;\n",
      'server/kernel/access/places.ts': "import type { AppTables } from '../../app.ts';\nexport type Y = AppTables;\n",
      'server/kernel/auth/auth.test.ts': "import { buildWorld } from '../../test/fixture.ts';\nexport const w = buildWorld;\n",
      'server/kernel/auth/login.test.ts': "import { buildKernelWorld } from '../../test/kernel-fixture.ts';\nexport const w = buildKernelWorld;\n",
      'server/app.ts': 'export type AppTables = {};\n',
      'server/test/fixture.ts': 'export const buildWorld = 1;\n',
      'server/test/kernel-fixture.ts': 'export const buildKernelWorld = 1;\n',
    },
    [
      'kernel-imports-module server/kernel/access/places.ts',
      'kernel-imports-module server/kernel/auth/auth.test.ts',
      'kernel-imports-module server/kernel/db/index.ts',
    ],
  );
});

test('a module importing the module list (the whole database type) fails; a test of it may', () => {
  expectFound(
    {
      'server/app.ts': 'export type AppTables = {};\n',
      'server/modules/beta/beta.repository.ts': "import type { AppTables } from '../../app.ts';\nexport type T = AppTables;\n",
      'server/modules/beta/beta.rules.test.ts': "import type { AppTables } from '../../app.ts';\nexport type T = AppTables;\n",
    },
    ['module-internals server/modules/beta/beta.repository.ts'],
  );
});

test("a server module importing another's internals fails; its index.ts is fine", () => {
  expectFound({ 'server/modules/beta/use-cases/deep.ts': "export { listThings } from '../../alpha/use-cases/list-things.ts';\n" }, ['module-internals server/modules/beta/use-cases/deep.ts']);
});

test("a server module naming another module's table fails, in the query builder or raw SQL; comments do not count", () => {
  expectFound(
    {
      'server/modules/beta/beta.repository.ts': "// al_things belong to alpha\nexport const q = (db: any) => db.selectFrom('al_things');\n",
      'server/modules/beta/use-cases/raw.ts': 'export const raw = `select count(*) from al_things`;\n',
    },
    ['module-table server/modules/beta/beta.repository.ts', 'module-table server/modules/beta/use-cases/raw.ts'],
  );
});

test("a web module, or a shell, importing another web module's internals fails", () => {
  expectFound(
    {
      'web/src/modules/beta/pages/Deep.tsx': "import { ThingPicker } from '../../alpha/components/ThingPicker.tsx';\nexport const D = ThingPicker;\n",
      'web/src/resident/Home.tsx': "import { ThingPicker } from '#web/modules/alpha/components/ThingPicker.tsx';\nexport const H = ThingPicker;\n",
    },
    ['web-module-internals web/src/modules/beta/pages/Deep.tsx', 'web-module-internals web/src/resident/Home.tsx'],
  );
});

test('the web importing server code other than a contract fails', () => {
  expectFound(
    {
      'web/src/modules/alpha/api.ts': "import type { listThings } from '../../../../server/modules/alpha/use-cases/list-things.ts';\nexport type T = typeof listThings;\n",
      'web/src/shared/k.ts': "import { kernel } from '#server/kernel/context.ts';\nexport const k = kernel;\n",
    },
    ['web-server-internals web/src/modules/alpha/api.ts', 'web-server-internals web/src/shared/k.ts'],
  );
});
