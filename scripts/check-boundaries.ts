import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The house rules on who may depend on whom, held by `npm run check` (docs/ARCHITECTURE.md):
 * - kernel-imports-module: nothing in server/kernel, its tests included, imports a module, the module
 *   list (server/app.ts), the demo seed or the registry's test world (server/test/fixture.ts): kernel
 *   tests build their world from kernel tables (server/test/kernel-fixture.ts);
 * - module-internals: a server module reaches another only through its index.ts, and never reaches the
 *   module list (server/app.ts, whose database type holds every module's tables);
 * - module-table: a server module's code names only the kernel's tables and its own (other modules'
 *   tables are theirs to read: call what they export) — in the query builder and in raw SQL alike;
 * - web-module-internals: a web module, and the shells, reach a web module only through its index.ts
 *   (the shells find the modules' manifests themselves);
 * - web-server-internals: the web reaches the server only through a module's contract.ts (or the
 *   kernel's), which says what the browser may know of it.
 * Usage: `node scripts/check-boundaries.ts [root]`; prints each violation, exits 1 if there is any.
 */
export interface Violation {
  rule: 'kernel-imports-module' | 'module-internals' | 'module-table' | 'web-module-internals' | 'web-server-internals';
  file: string;
  detail: string;
}

const SOURCE = /\.(ts|tsx)$/;
const isTest = (file: string) => /\.test\.tsx?$|(^|\/)test-support\.ts$/.test(file);

function sources(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const path = join(abs, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? sources(root, relative(root, path)) : SOURCE.test(name) ? [relative(root, path)] : [];
  });
}

/** Every module specifier a file imports (static, dynamic, re-exports, side-effect imports). */
function specifiers(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  return out;
}

/** The import aliases of package.json (`#server/*` …), so an aliased import is checked like a relative one. */
function aliases(root: string): [string, string][] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { imports?: Record<string, string> };
  return Object.entries(pkg.imports ?? {}).map(([from, to]) => [from.replace(/\*$/, ''), to.replace(/\*$/, '').replace(/^\.\//, '')]);
}

function resolved(root: string, file: string, spec: string, alias: [string, string][]): string | null {
  for (const [from, to] of alias) if (spec.startsWith(from)) return join(to, spec.slice(from.length));
  if (!spec.startsWith('.')) return null;
  return relative(root, resolve(root, dirname(file), spec));
}

/** Table names per module, read from `server/modules/<m>/<m>.tables.ts` (lines `  name: SomethingTable;`). */
function tablesByModule(root: string): Map<string, string[]> {
  const byModule = new Map<string, string[]>();
  for (const m of existsSync(join(root, 'server/modules')) ? readdirSync(join(root, 'server/modules')) : []) {
    const file = join(root, 'server/modules', m, `${m}.tables.ts`);
    if (!existsSync(file)) continue;
    byModule.set(m, [...readFileSync(file, 'utf8').matchAll(/^\s+([a-z][a-z0-9_]*):\s*[A-Z]\w*Table\b/gm)].map((x) => x[1]!));
  }
  return byModule;
}

const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

export function checkBoundaries(root: string): Violation[] {
  const violations: Violation[] = [];
  const alias = aliases(root);
  const tables = tablesByModule(root);
  const moduleOf = (path: string, base: string) => (path.startsWith(`${base}/`) ? path.slice(base.length + 1).split('/')[0]! : null);

  for (const file of [...sources(root, 'server'), ...sources(root, 'web/src')]) {
    const code = readFileSync(join(root, file), 'utf8');
    const serverModule = moduleOf(file, 'server/modules');
    const webModule = moduleOf(file, 'web/src/modules');
    for (const spec of specifiers(code)) {
      const target = resolved(root, file, spec, alias);
      if (!target) continue;
      const targetServerModule = moduleOf(target, 'server/modules');
      const targetWebModule = moduleOf(target, 'web/src/modules');
      if (file.startsWith('server/kernel/')) {
        if (targetServerModule || ['server/app.ts', 'server/test/fixture.ts'].includes(target) || target.startsWith('server/demo/')) {
          violations.push({ rule: 'kernel-imports-module', file, detail: `imports ${target}` });
        }
      }
      if (serverModule && !isTest(file) && target === 'server/app.ts') {
        violations.push({ rule: 'module-internals', file, detail: 'imports server/app.ts; a module sees the kernel and itself (its <name>.db.ts)' });
      }
      if (serverModule && targetServerModule && targetServerModule !== serverModule && target !== `server/modules/${targetServerModule}/index.ts`) {
        violations.push({ rule: 'module-internals', file, detail: `imports ${target}; use server/modules/${targetServerModule}/index.ts` });
      }
      if (file.startsWith('web/src/')) {
        if (targetWebModule && targetWebModule !== webModule && target !== `web/src/modules/${targetWebModule}/index.ts`) {
          violations.push({ rule: 'web-module-internals', file, detail: `imports ${target}; use web/src/modules/${targetWebModule}/index.ts` });
        }
        if (target.startsWith('server/') && !/^server\/(modules\/[^/]+|kernel)\/contract\.ts$/.test(target)) {
          violations.push({ rule: 'web-server-internals', file, detail: `imports ${target}; the web may import a contract.ts only` });
        }
      }
    }
    if (serverModule && !isTest(file)) {
      const sql = withoutComments(code);
      for (const [owner, names] of tables) {
        if (owner === serverModule) continue;
        for (const name of names) {
          if (new RegExp(`\\b${name}\\b`).test(sql)) violations.push({ rule: 'module-table', file, detail: `names ${owner}'s table ${name}` });
        }
      }
    }
  }
  return violations;
}

if (import.meta.main) {
  const root = resolve(process.argv[2] ?? new URL('..', import.meta.url).pathname);
  const found = checkBoundaries(root);
  for (const v of found) process.stderr.write(`${v.rule}: ${v.file} ${v.detail}\n`);
  if (found.length) {
    process.stderr.write(`${found.length} boundary violation(s); the rules are in scripts/check-boundaries.ts and docs/ARCHITECTURE.md\n`);
    process.exit(1);
  }
  process.stdout.write('boundaries: ok\n');
}
