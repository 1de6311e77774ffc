import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm run new-module -- <name> [--prefix <p>] [--zh <中文名>] [--en <English name>]` scaffolds a module in
 * the house shape, server and web, around one kind of record (title + place): manifest, migration,
 * tables, constants, schemas, errors, policy, repository, two use cases with a test, an access-matrix
 * test, routes, contract, its part of the demo (records at the demo street's compounds) with a test, and
 * a workbench page with its menu entry and texts. It passes `npm run check`
 * and its tests as generated. The only file it edits outside the module's folders is the server's
 * module list (server/app.ts); the web shells find the module's manifests by themselves.
 * `--root <dir>` generates into another checkout (CI generates into a copy and runs check and tests).
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { prefix: { type: 'string' }, zh: { type: 'string' }, en: { type: 'string' }, root: { type: 'string' } },
});
const name = positionals[0] ?? '';
if (!/^[a-z][a-z0-9]{2,20}$/.test(name)) {
  process.stderr.write('usage: npm run new-module -- <name> (lower-case letters and digits, 3–21, e.g. volunteers) [--prefix vol] [--zh 志愿服务] [--en Volunteers]\n');
  process.exit(2);
}
const root = resolve(values.root ?? new URL('..', import.meta.url).pathname);
const prefix = values.prefix ?? name.slice(0, 4);
if (!/^[a-z][a-z0-9]{1,5}$/.test(prefix)) throw new Error(`--prefix must be 2–6 lower-case letters or digits, not "${prefix}"`);
const Name = name[0]!.toUpperCase() + name.slice(1);
const zh = values.zh ?? name;
const en = values.en ?? Name;
const table = `${prefix}_records`;
/** The module's stream of the demo's draws: a number of its own, from its name. */
const demoSeed = 20260000 + [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 10_000, 0);

const serverDir = join(root, 'server/modules', name);
const webDir = join(root, 'web/src/modules', name);
if (existsSync(serverDir) || existsSync(webDir)) throw new Error(`module ${name} exists already`);
const tablesInUse = readdirSync(join(root, 'server/modules')).flatMap((m) => {
  const f = join(root, 'server/modules', m, `${m}.tables.ts`);
  return existsSync(f) ? [...readFileSync(f, 'utf8').matchAll(/^\s+([a-z][a-z0-9_]*):\s*[A-Z]\w*Table\b/gm)].map((x) => x[1]!) : [];
});
if (tablesInUse.some((t) => t.startsWith(`${prefix}_`))) throw new Error(`table prefix ${prefix}_ is taken: choose another with --prefix`);

/** The next migration number, over the kernel's migrations and every module's. */
function nextMigration(): string {
  const dirs = [join(root, 'server/migrations'), ...readdirSync(join(root, 'server/modules')).map((m) => join(root, 'server/modules', m, 'migrations'))];
  const numbers = dirs.flatMap((d) => (existsSync(d) ? readdirSync(d) : [])).flatMap((f) => (/^(\d{4})_/.exec(f) ? [Number(f.slice(0, 4))] : []));
  return String(Math.max(0, ...numbers) + 1).padStart(4, '0');
}

const files: Record<string, string> = {};
const server = (path: string, text: string) => (files[join(serverDir, path)] = text);
const web = (path: string, text: string) => (files[join(webDir, path)] = text);

server(
  `migrations/${nextMigration()}_${name}.sql`,
  `-- ${zh} (${en}): the module's records. Every row carries the place it belongs to, and that place's
-- street, which leads every key (docs/adr/0003-street-keys.md).
create table ${table} (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  title text not null check (length(title) between 1 and 100),
  created_by uuid references accounts(id), -- null: added by the system (a seed, an import)
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index ${table}_id on ${table} (id);
create index ${table}_place on ${table} (place_id, created_at desc);
comment on table ${table} is 'distribution: street';
`,
);

server(
  `${name}.tables.ts`,
  `import type { Generated } from 'kysely';

/** Kysely types of the ${name} module's own tables. */
export interface ${Name}RecordsTable {
  /** The street of the record's place: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  place_id: string;
  title: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ${Name}Tables {
  ${table}: ${Name}RecordsTable;
}
`,
);

server(
  `${name}.db.ts`,
  `import type { Executor as AnyExecutor, Tx as AnyTx } from '../../kernel/db/index.ts';
import type { KernelTables } from '../../kernel/db/tables.ts';
import { moduleDatabase } from '../../kernel/module-database.ts';
import type { ${Name}Tables } from './${name}.tables.ts';

/** The ${name} module's view of the database: the kernel's tables and its own (kernel/module-database.ts). */
export type ${Name}Db = KernelTables & ${Name}Tables;
export type Executor = AnyExecutor<${Name}Db>;
export type Tx = AnyTx<${Name}Db>;
export const { read, write, copyTransaction } = moduleDatabase<${Name}Tables>();
`,
);

server(
  `${name}.constants.ts`,
  `/** The ${name} module's vocabulary, free of dependencies: the web reads it through contract.ts. */

/** Who may do what: the roles whose grant on a place allows it over the place's subtree. */
export const ${name.toUpperCase()}_ROLES = {
  read: ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'grid_worker'],
  write: ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'],
} as const;

export const TITLE_MAX = 100;
`,
);

server(
  `${name}.schemas.ts`,
  `import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { TITLE_MAX } from './${name}.constants.ts';

const Id = z.uuid();

export const CreateRecordBody = z.strictObject({
  placeId: Id,
  title: z.string().trim().min(1).max(TITLE_MAX),
});
export type CreateRecordBody = z.input<typeof CreateRecordBody>;

/** The list's sortable columns (the query's \`sort\`/\`order\`, and its ORDER BY): newest first by default. */
export const RecordsSort = sortable({ createdAt: 'r.created_at', title: 'r.title', place: 'p.path' }, { sort: 'createdAt', order: 'desc' }, 'r.id');
export const RecordsQuery = PageQuery.extend({
  placeId: Id.optional().describe('records at this place or below'),
  q: z.string().trim().max(50).optional().describe('words in the title'),
  ...RecordsSort.query,
});
export type RecordsQuery = z.infer<typeof RecordsQuery>;
`,
);

server(
  `${name}.errors.ts`,
  `import { defineErrors } from '../../kernel/errors.ts';

export const ${Name}Errors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  PLACE_ABOVE_STREET: [400, '记录须建在街道或其下级地点', 'A record belongs to a street or a place below it'],
});
`,
);

server(
  `${name}.policy.ts`,
  `import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { ${name.toUpperCase()}_ROLES } from './${name}.constants.ts';

/** Who may do what in ${name}: each permission lists the roles whose grant on a place allows it over its subtree. */
export const ${Name}Policy = {
  read: ${name.toUpperCase()}_ROLES.read,
  write: ${name.toUpperCase()}_ROLES.write,
} satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter } = definePolicy(${Name}Policy);
`,
);

server(
  `${name}.repository.ts`,
  `import type { Expression, SqlBool } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import type { Executor } from './${name}.db.ts';
import { containing } from '../../kernel/db/like.ts';
import { countOnce } from '../../kernel/db/read-cache.ts';
import { offsetOf, paginate } from '../../kernel/pagination.ts';
import { type RecordsQuery, RecordsSort } from './${name}.schemas.ts';

/** SQL for the ${name} module's own tables (and reads of the kernel's places and accounts). */

export async function insertRecord(db: Executor, row: { streetId: string; id: string; placeId: string; title: string; createdBy: string | null; at: Date }) {
  await db
    .insertInto('${table}')
    .values({ street_id: row.streetId, id: row.id, place_id: row.placeId, title: row.title, created_by: row.createdBy, created_at: row.at })
    .execute();
}

export function listRecords(db: Executor, q: RecordsQuery & { underPath?: string }, filter: Expression<SqlBool>) {
  const base = db
    .selectFrom('${table} as r')
    .innerJoin('places as p', 'p.id', 'r.place_id')
    .where(filter)
    .$if(!!q.underPath, (qb) => qb.where('p.path', 'like', \`\${q.underPath}%\`))
    .$if(!!q.q, (qb) => qb.where('r.title', 'ilike', containing(q.q!)));
  return paginate(
    q,
    RecordsSort.orderBy(base.leftJoin('accounts as a', 'a.id', 'r.created_by'), q)
      .select(['r.id', 'r.title', 'r.place_id as placeId', 'p.name as placeName', 'a.display_name as createdByName', 'r.created_at as createdAt'])
      .select(pathLabel('p.path', ['community', 'compound', 'building', 'unit', 'room']).as('placeLabel'))
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    countOnce(db, base.select((eb) => eb.fn.countAll<number>().as('n'))),
  );
}
`,
);

server(
  'use-cases/create-record.ts',
  `import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../${name}.db.ts';
import { ${Name}Errors } from '../${name}.errors.ts';
import { allows, authorize } from '../${name}.policy.ts';
import { insertRecord } from '../${name}.repository.ts';
import type { CreateRecordBody } from '../${name}.schemas.ts';

/**
 * Adds a record at a place: a place the actor cannot see answers 404 (ids cannot be probed), one they
 * see but may not write to answers 403. The row and its audit entry commit together.
 */
export async function createRecord(ctx: Ctx, input: { placeId: string; title: string }) {
  const place = await findPlace(read(ctx), input.placeId);
  if (!place || !(allows(ctx.actor, 'read', place.path) || allows(ctx.actor, 'write', place.path))) throw ${Name}Errors.PLACE_NOT_FOUND();
  authorize(ctx.actor, 'write', place.path);
  if (!place.street_id) throw ${Name}Errors.PLACE_ABOVE_STREET();
  const streetId = place.street_id;
  const id = newId();
  await write(ctx, async (tx) => {
    await insertRecord(tx, { streetId, id, placeId: place.id, title: input.title, createdBy: isSystem(ctx.actor) ? null : ctx.actor.accountId, at: ctx.kernel.clock.now() });
    await audit(tx, ctx, { action: '${name}.record.created', placeId: place.id, subjectType: '${name}_record', subjectId: id, after: { title: input.title } });
  });
  return { id };
}
export type CreateRecordInput = CreateRecordBody;
`,
);

server(
  'use-cases/list-records.ts',
  `import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../${name}.db.ts';
import { ${Name}Errors } from '../${name}.errors.ts';
import { allows, placeFilter } from '../${name}.policy.ts';
import { listRecords as queryRecords } from '../${name}.repository.ts';
import type { RecordsQuery } from '../${name}.schemas.ts';

/** The records in the actor's places, filtered, sorted (newest first by default) and paged in SQL. */
export async function listRecords(ctx: Ctx, q: RecordsQuery) {
  let underPath: string | undefined;
  if (q.placeId) {
    const place = await findPlace(read(ctx), q.placeId);
    if (!place || !allows(ctx.actor, 'read', place.path)) throw ${Name}Errors.PLACE_NOT_FOUND();
    underPath = place.path;
  }
  return queryRecords(read(ctx), { ...q, underPath }, placeFilter(ctx.actor, 'read', 'r.place_id'));
}
`,
);

server(
  `${name}.routes.ts`,
  `import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { CreateRecordBody, RecordsQuery } from './${name}.schemas.ts';
import { createRecord } from './use-cases/create-record.ts';
import { listRecords } from './use-cases/list-records.ts';

/** Thin routes: validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function ${name}Routes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['${name}'];
  app.get('/api/${name}/records', { schema: { tags, summary: 'Records in my places', querystring: RecordsQuery } }, async (req) => listRecords(ctx(req), req.query));
  app.post('/api/${name}/records', { schema: { tags, summary: 'Add a record at a place', body: CreateRecordBody } }, async (req, reply) =>
    reply.code(201).send(await createRecord(ctx(req), req.body)),
  );
}
`,
);

server(
  `${name}.seed.ts`,
  `import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './${name}.db.ts';
import { createRecord } from './use-cases/create-record.ts';

/** The module's stream of the demo's draws (kernel/demo-seed.ts): the same every run. */
const SEED = ${demoSeed};
/** Titles for the demo's records: replace them with what this module's records really say. */
const TITLES = ['${zh}情况登记', '${zh}工作台账', '${zh}月度小结', '${zh}走访记录'];

/**
 * The ${name} module's part of the demo (its manifest's \`demo\` hook, after the registry's): a few records at
 * each compound of the demo street, added through the module's own use case, so each is checked and
 * audited as if typed in. A no-op when records exist already or the street was not seeded.
 */
export async function seed${Name}Demo(kernel: Kernel, demo: DemoSeedContext): Promise<{ records: number }> {
  if (await read(kernel).selectFrom('${table}').select('id').limit(1).executeTakeFirst()) return { records: 0 };
  const street = demo.get(DEMO_STREET);
  if (!street) return { records: 0 };
  const rng = demo.random(SEED);
  let records = 0;
  for (const compound of street.compounds) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      await createRecord({ kernel, actor: SYSTEM_ACTOR }, { placeId: compound.id, title: \`\${compound.name}\${rng.pick(TITLES)}\` });
      records++;
    }
  }
  return { records };
}
`,
);

server(
  'index.ts',
  `import type { Module } from '../../kernel/module.ts';
import { ${name}Routes } from './${name}.routes.ts';
import { seed${Name}Demo } from './${name}.seed.ts';

/** ${zh} (${en}). */
export const ${name}Module: Module = {
  name: '${name}',
  routes: ${name}Routes,
  demo: { seed: seed${Name}Demo },
};

export { ${Name}Policy } from './${name}.policy.ts';
export type { ${Name}Tables } from './${name}.tables.ts';
`,
);

server(
  'contract.ts',
  `/**
 * What the web may know of the ${name} module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './${name}.constants.ts';
export type { CreateRecordBody } from './${name}.schemas.ts';
export type { listRecords } from './use-cases/list-records.ts';
`,
);

server(
  `${name}.test.ts`,
  `import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildWorld, type World } from '../../test/fixture.ts';
import { countRows, type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { RecordsSort } from './${name}.schemas.ts';

/** The ${name} module's rules: a record is written with its audit entry; bad input writes nothing; the list sorts. */
let env: TestEnv;
let w: World;
let official: Session;
before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  official = await signIn(env.app, 'street_official');
});
after(() => env.close());

test('a record is added with its audit entry, and listed', async () => {
  const before = await countRows(env.kernel, ['${table}', 'audit_log']);
  const created = await official.request('POST', '/api/${name}/records', { placeId: w.places.A, title: '第一条记录' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const after = await countRows(env.kernel, ['${table}', 'audit_log']);
  assert.equal(after['${table}'], before['${table}']! + 1);
  assert.equal(after.audit_log, before.audit_log! + 1);
  const entry = await env.kernel.db.selectFrom('audit_log').select(['action', 'subject_id']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
  assert.deepEqual(entry, { action: '${name}.record.created', subject_id: created.body.id });
  const list = await official.request('GET', \`/api/${name}/records?placeId=\${w.places.A}&q=第一条\`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.items.map((r: { title: string }) => r.title), ['第一条记录']);
});

test('bad input answers 400 and writes nothing', async () => {
  const before = await countRows(env.kernel, ['${table}', 'audit_log']);
  for (const body of [{ placeId: w.places.A, title: '' }, { placeId: w.places.A, title: 'x'.repeat(101) }, { placeId: 'not-an-id', title: '标题' }, { title: '无地点' }]) {
    const r = await official.request('POST', '/api/${name}/records', body);
    assert.equal(r.status, 400, JSON.stringify(body));
  }
  assert.deepEqual(await countRows(env.kernel, ['${table}', 'audit_log']), before);
});

test('the list sorts by each of its columns, both ways; an unknown column answers 400', async () => {
  const ids: string[] = [];
  for (const [placeId, title] of [[w.places.A, 'Sort B'], [w.places.C1, 'Sort C'], [w.places.G1, 'Sort A']] as const) {
    const created = await official.request('POST', '/api/${name}/records', { placeId, title });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    ids.push(created.body.id);
    env.clock.advance(60_000);
  }
  const [r1, r2, r3] = ids as [string, string, string];
  // By place: in the tree's order (a community before its grid before the grid's compound).
  await expectSorts(env.kernel, official, \`/api/${name}/records?placeId=\${w.places.C1}\`, RecordsSort, {
    createdAt: [r1, r2, r3],
    title: [r3, r1, r2],
    place: [r2, r3, r1],
  });
});
`,
);

server(
  `${name}.seed.test.ts`,
  `import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './${name}.db.ts';
import { seed${Name}Demo } from './${name}.seed.ts';

/** The ${name} module's part of the demo: records at every compound of the demo street, added once. */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(() => env.close());

test('the demo has records at each compound of the demo street, and seeding again adds none', async () => {
  const demo = await seedDemo(env.kernel, { only: ['registry', '${name}'] });
  const compounds = demo.get(DEMO_STREET)!.compounds;
  const rows = await read(env.kernel).selectFrom('${table}').select('place_id').execute();
  for (const c of compounds) assert.ok(rows.some((r) => r.place_id === c.id), c.name);
  assert.deepEqual(await seed${Name}Demo(env.kernel, demo), { records: 0 });
});
`,
);

server(
  `${name}.access.test.ts`,
  `import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { STAFF_ROLES, type StaffRole, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { createRecord } from './use-cases/create-record.ts';

/**
 * The access matrix of ${name}: each staff role adding and listing records inside its place and outside
 * it. Allowed → 2xx; visible but not permitted → 403; invisible → 404. The role lists are written out
 * again on purpose, so a policy change is made twice, deliberately.
 */
const READ: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'grid_worker'];
const WRITE: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'];

let env: TestEnv;
let w: World;
const staff = new Map<StaffRole, Session>();
let lineage: Record<'A' | 'Z', string[]>;
const covers = (role: StaffRole, target: 'A' | 'Z') => lineage[target].includes(w.grantsAt[role]);
const titles: Record<'A' | 'Z', string> = { A: '阳光花园的记录', Z: '远方小区的记录' };

before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  const p = w.places;
  lineage = { A: [p.S, p.C1, p.G1, p.A], Z: [p.S2, p.C3, p.Z] };
  for (const target of ['A', 'Z'] as const) await createRecord({ kernel: env.kernel, actor: SYSTEM_ACTOR }, { placeId: w.places[target], title: titles[target] });
  for (const role of STAFF_ROLES) staff.set(role, await signIn(env.app, role, PASSWORD));
});
after(() => env.close());

test('adding a record: each role, inside and outside its place', async () => {
  for (const role of STAFF_ROLES) {
    for (const target of ['A', 'Z'] as const) {
      const r = await staff.get(role)!.request('POST', '/api/${name}/records', { placeId: w.places[target], title: \`\${role} 的记录\` });
      const sees = covers(role, target) && (READ.includes(role) || WRITE.includes(role));
      const expected = !sees ? 404 : WRITE.includes(role) ? 201 : 403;
      assert.equal(r.status, expected, \`\${role} at \${target}: \${JSON.stringify(r.body)}\`);
    }
  }
});

test('listing records: each role sees exactly the records of its places', async () => {
  for (const role of STAFF_ROLES) {
    const r = await staff.get(role)!.request('GET', '/api/${name}/records?pageSize=200');
    assert.equal(r.status, 200, role);
    const seen = new Set((r.body.items as { title: string }[]).map((x) => x.title));
    for (const target of ['A', 'Z'] as const) {
      assert.equal(seen.has(titles[target]), READ.includes(role) && covers(role, target), \`\${role} and the record at \${target}\`);
    }
  }
});

test('a resident has no staff list: nothing of the records', async () => {
  const resident = await signIn(env.app, '13800000001', PASSWORD);
  const r = await resident.request('GET', '/api/${name}/records');
  assert.equal(r.status, 200);
  assert.equal(r.body.total, 0);
});
`,
);

web(
  'api.ts',
  `import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRecordBody, listRecords } from '#server/modules/${name}/contract.ts';
import { apiGet, apiPost, type Jsonify, type Page, type Query } from '../../shared/api.ts';

/** The ${name} API as the web uses it; answer types come from the server's use cases (type-only). */
export type ${Name}Record = Jsonify<Awaited<ReturnType<typeof listRecords>>>['items'][number];

export const ${name}Keys = {
  all: ['${name}'] as const,
  list: (q: Query) => ['${name}', 'list', q] as const,
};

export const use${Name}Records = (q: Query) =>
  useQuery({ queryKey: ${name}Keys.list(q), queryFn: () => apiGet<Page<${Name}Record>>('/api/${name}/records', q), placeholderData: keepPreviousData });

export function useCreate${Name}Record() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRecordBody) => apiPost<{ id: string }>('/api/${name}/records', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ${name}Keys.all }),
  });
}
`,
);

web(
  'i18n.ts',
  `import { addTranslations } from '../../shared/i18n.ts';
import zhCN from './i18n/zh-CN.json' with { type: 'json' };

/** The ${name} module's texts, merged into the app's translations when the module loads. */
addTranslations(zhCN, () => import('./i18n/en.json', { with: { type: 'json' } }));
`,
);

const texts = (lang: 'zh' | 'en') =>
  `${JSON.stringify(
    {
      [name]: {
        menu: { group: lang === 'zh' ? zh : en, records: lang === 'zh' ? `${zh}记录` : `${en} records` },
        title: lang === 'zh' ? `${zh}记录` : `${en} records`,
        create: lang === 'zh' ? '新增记录' : 'Add a record',
        search: lang === 'zh' ? '搜索标题' : 'Search titles',
        none: lang === 'zh' ? '还没有记录' : 'No records yet',
        field: {
          title: lang === 'zh' ? '标题' : 'Title',
          place: lang === 'zh' ? '地点' : 'Place',
          createdBy: lang === 'zh' ? '登记人' : 'Recorded by',
          createdAt: lang === 'zh' ? '登记时间' : 'Recorded at',
        },
      },
    },
    null,
    2,
  )}\n`;
web('i18n/zh-CN.json', texts('zh'));
web('i18n/en.json', texts('en'));

web(
  'workbench.tsx',
  `import { ProfileOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { ${name.toUpperCase()}_ROLES } from '#server/modules/${name}/contract.ts';
import type { Me } from '../../shared/session.ts';
import { page } from '../../shared/lazy-page.ts';
import type { MenuItem, WorkbenchModule } from '../../workbench/manifest.ts';
import './i18n.ts';

const routes: RouteObject[] = [{ path: '${name}', lazy: page(() => import('./pages/RecordsPage.tsx'), 'RecordsPage') }];

/** The ${zh} group of the menu, for the roles that read records (the server still checks every request). */
function menu(t: TFunction, me: Me): MenuItem | null {
  if (!me.grants.some((g) => (${name.toUpperCase()}_ROLES.read as readonly string[]).includes(g.role))) return null;
  return { type: 'group', key: '${name}', label: t('${name}.menu.group'), children: [{ key: '/${name}', icon: <ProfileOutlined />, label: t('${name}.menu.records') }] };
}

export const workbench: WorkbenchModule = { name: '${name}', order: 100, routes, menu };
`,
);

web(
  'pages/RecordsPage.tsx',
  `import { Button, Form, Input, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TITLE_MAX } from '#server/modules/${name}/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { PlaceTreeSelect } from '../../registry/index.ts';
import { type ${Name}Record, use${Name}Records, useCreate${Name}Record } from '../api.ts';

const FILTERS = ['q'] as const;

/** ${zh}记录: the records of my places, newest first (sortable by the marked columns), searchable; officials add them. */
export function RecordsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const records = use${Name}Records({ ...list.query, placeId: scope?.id });
  const [adding, setAdding] = useState(false);
  const create = useCreate${Name}Record();

  // \`sorter: true\`: sorted on the server by the column's key (or dataIndex), one of RecordsSort's keys (${name}.schemas.ts).
  const columns: TableColumnsType<${Name}Record> = [
    { title: t('${name}.field.title'), dataIndex: 'title', sorter: true },
    { title: t('${name}.field.place'), dataIndex: 'placeLabel', key: 'place', sorter: true, render: (v: string | null, r) => v ?? r.placeName },
    { title: t('${name}.field.createdBy'), dataIndex: 'createdByName', render: (v: string | null) => v ?? '—' },
    { title: t('${name}.field.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('${name}.title')}
        tags={<ScopeNote />}
        extra={
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('${name}.create')}
          </Button>
        }
      />
      <ListCard
        list={list}
        search={{ label: t('${name}.search') }}
        query={records}
        columns={columns}
        empty={{ none: t('${name}.none'), noMatch: t('common.noMatchFor', { q: list.filters.q }) }}
      />
      <FormModal<{ placeId: string; title: string }>
        title={t('${name}.create')}
        open={adding}
        onClose={() => setAdding(false)}
        initialValues={{ placeId: scope?.id }}
        submit={(v) => create.mutateAsync(v)}
      >
        <Form.Item name="placeId" label={t('${name}.field.place')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <PlaceTreeSelect valueLabel={scope?.name} />
        </Form.Item>
        <Form.Item name="title" label={t('${name}.field.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: TITLE_MAX }]}>
          <Input maxLength={TITLE_MAX} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
`,
);

for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

// The server's module list: the one file outside the module's folders.
const appPath = join(root, 'server/app.ts');
let app = readFileSync(appPath, 'utf8');
const lastImport = [...app.matchAll(/^import .*;$/gm)].at(-1)!;
app = `${app.slice(0, lastImport.index + lastImport[0].length)}\nimport { ${name}Module, type ${Name}Tables } from './modules/${name}/index.ts';${app.slice(lastImport.index + lastImport[0].length)}`;
app = app.replace(/export const MODULES: Module\[\] = \[([^\]]*)\];/, (_, list: string) => `export const MODULES: Module[] = [${list.trim()}, ${name}Module];`);
app = app.replace(/export type AppTables = ([^;]*);/, (_, tables: string) => `export type AppTables = ${tables.trim()} & ${Name}Tables;`);
writeFileSync(appPath, app);

process.stdout.write(
  `Module ${name} (${zh} / ${en}), table ${table}:\n` +
    Object.keys(files)
      .map((f) => `  ${f.slice(root.length + 1)}\n`)
      .join('') +
    `  server/app.ts (registered)\nNext: npm run check, then sh scripts/node24.sh --test --test-global-setup=server/test/global-setup.ts 'server/modules/${name}/*.test.ts'\n`,
);
