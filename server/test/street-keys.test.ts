import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { useTestEnv } from './harness.ts';

/**
 * Every table is ready to be distributed by street (docs/adr/0003-street-keys.md). Citus is not
 * installable here, so its rules are held on the catalogue after every migration:
 * - each table declares how it is distributed, on the table itself: `comment on table t is
 *   'distribution: street'`, `'distribution: reference — why'` or `'distribution: coordinator — why'`;
 * - a street table has a non-null `street_id` leading its primary key, in every unique constraint or
 *   unique index, and in every foreign key on both sides — unless the key points at a reference table;
 * - a reference table's foreign keys point at reference tables only, and a coordinator table's at
 *   reference or coordinator tables; nothing points at a coordinator table from a street table.
 */
const { env } = useTestEnv();

type Distribution = 'street' | 'reference' | 'coordinator';

interface Catalogue {
  tables: Map<string, { distribution: Distribution | null; comment: string | null; streetColumn: 'not null' | 'null' | null }>;
  keys: { table: string; kind: 'p' | 'u' | 'f'; name: string; columns: string[]; target: string | null; targetColumns: string[] }[];
  uniqueIndexes: { table: string; name: string; definition: string }[];
}

async function catalogue(): Promise<Catalogue> {
  const db = env.kernel.db;
  const tables = await sql<{ name: string; comment: string | null; street_nullable: boolean | null }>`
    select c.relname as name, obj_description(c.oid, 'pg_class') as comment,
      (select not a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'street_id' and not a.attisdropped) as street_nullable
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p')`.execute(db);
  const keys = await sql<{ table: string; kind: 'p' | 'u' | 'f'; name: string; columns: string[]; target: string | null; target_columns: string[] | null }>`
    select c.conrelid::regclass::text as table, c.contype as kind, c.conname as name,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
      case when c.contype = 'f' then c.confrelid::regclass::text end as target,
      case when c.contype = 'f' then array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) end as target_columns
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where n.nspname = current_schema() and c.contype in ('p', 'u', 'f')`.execute(db);
  const uniqueIndexes = await sql<{ table: string; name: string; definition: string }>`
    select t.relname as table, i.relname as name, pg_get_indexdef(i.oid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and x.indisunique and not x.indisprimary
      and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`.execute(db);
  return {
    tables: new Map(
      tables.rows.map((t) => {
        const declared = /^distribution: (street|reference|coordinator)\b/.exec(t.comment ?? '')?.[1] as Distribution | undefined;
        return [t.name, { distribution: declared ?? null, comment: t.comment, streetColumn: t.street_nullable === null ? null : t.street_nullable ? 'null' : 'not null' }];
      }),
    ),
    keys: keys.rows.map((k) => ({ ...k, targetColumns: k.target_columns ?? [] })),
    uniqueIndexes: uniqueIndexes.rows,
  };
}

/** What the catalogue breaks of the street-key rules: one line per problem. */
function problems(c: Catalogue): string[] {
  const out: string[] = [];
  const distributionOf = (table: string) => c.tables.get(table)?.distribution ?? null;
  for (const [name, t] of c.tables) {
    if (!t.distribution) {
      out.push(`${name}: no 'distribution: street | reference | coordinator' comment`);
      continue;
    }
    if (t.distribution !== 'street' && !/ — \S/.test(t.comment ?? '')) out.push(`${name}: a ${t.distribution} table says why (' — …')`);
    if (t.distribution === 'street' && t.streetColumn !== 'not null') out.push(`${name}: a street table needs street_id not null`);
  }
  for (const k of c.keys) {
    const own = distributionOf(k.table);
    if (own === 'street') {
      if (k.kind === 'p' && k.columns[0] !== 'street_id') out.push(`${k.table}: primary key (${k.columns}) does not lead with street_id`);
      if (k.kind === 'u' && !k.columns.includes('street_id')) out.push(`${k.table}: unique ${k.name} (${k.columns}) lacks street_id`);
      if (k.kind === 'f') {
        const target = distributionOf(k.target!);
        if (target === 'coordinator') out.push(`${k.table}: foreign key ${k.name} points at coordinator table ${k.target}`);
        if (target === 'street') {
          const at = k.columns.indexOf('street_id');
          if (at < 0 || k.targetColumns[at] !== 'street_id') out.push(`${k.table}: foreign key ${k.name} (${k.columns}) → ${k.target} (${k.targetColumns}) does not match street_id to street_id`);
        }
      }
    } else if (k.kind === 'f') {
      const target = distributionOf(k.target!);
      const allowed = own === 'reference' ? ['reference'] : ['reference', 'coordinator'];
      if (!allowed.includes(target ?? '')) out.push(`${k.table}: a ${own} table's foreign key ${k.name} points at ${target} table ${k.target}`);
    }
  }
  for (const i of c.uniqueIndexes) {
    if (distributionOf(i.table) === 'street' && !/\(street_id\b/.test(i.definition)) out.push(`${i.table}: unique index ${i.name} does not lead with street_id`);
  }
  return out;
}

test('after every migration, each table is a street table keyed by street, or a declared reference or coordinator table', async () => {
  const c = await catalogue();
  assert.ok(c.tables.size >= 30, `${c.tables.size} tables`);
  assert.deepEqual(problems(c), []);
  // The few that are not street tables, each with its reason in the catalogue.
  const others = [...c.tables].filter(([, t]) => t.distribution !== 'street').map(([n, t]) => `${n}: ${t.distribution}`);
  assert.deepEqual(others.sort(), [
    'accounts: reference',
    'act_claim_attempts: coordinator',
    'act_otps: coordinator',
    'audit_head: coordinator',
    'audit_log: coordinator',
    'auth_failures: coordinator',
    'auth_known_clients: coordinator',
    'dash_region_reports: reference',
    'fee_gateway_events: coordinator',
    'fee_sbx_notifications: coordinator',
    'fee_sbx_orders: coordinator',
    'fee_sbx_refunds: coordinator',
    'grants: reference',
    'notify_settings: reference',
    'notify_wechat_consents: reference',
    'privacy_consents: reference',
    'reg_import_households: coordinator',
    'reg_import_persons: coordinator',
    'reg_import_rooms: coordinator',
    'regions: reference',
    'schema_migrations: coordinator',
    'sessions: coordinator',
    'tasks: coordinator',
  ]);
});

test('the check finds each kind of break, planted in a catalogue of its own', async () => {
  const c = await catalogue();
  const plant = async (statements: string, expected: RegExp) => {
    // Planted inside a transaction that rolls back: the shared test database stays as migrated.
    await env.kernel.db
      .transaction()
      .execute(async (tx) => {
        for (const s of statements.split(';').filter((x) => x.trim())) await sql.raw(s).execute(tx);
        const saved = env.kernel.db;
        (env.kernel as unknown as { db: typeof tx }).db = tx;
        try {
          const found = problems(await catalogue());
          assert.ok(found.some((p) => expected.test(p)), `${expected} in ${JSON.stringify(found)}`);
        } finally {
          (env.kernel as unknown as { db: typeof saved }).db = saved;
        }
        throw new Error('roll back');
      })
      .catch((err: Error) => {
        if (err.message !== 'roll back') throw err;
      });
  };
  assert.deepEqual(problems(c), []);
  await plant('create table planted (id uuid primary key)', /planted: no 'distribution/);
  await plant("create table planted (id uuid primary key); comment on table planted is 'distribution: street'", /planted: a street table needs street_id/);
  await plant(
    "create table planted (street_id uuid not null, id uuid, primary key (id, street_id)); comment on table planted is 'distribution: street'",
    /planted: primary key \(id,street_id\) does not lead/,
  );
  await plant(
    "create table planted (street_id uuid not null, id uuid, code text unique, primary key (street_id, id)); comment on table planted is 'distribution: street'",
    /planted: unique planted_code_key/,
  );
  await plant(
    "create table planted (street_id uuid not null, id uuid, code text, primary key (street_id, id)); create unique index planted_code on planted (code); comment on table planted is 'distribution: street'",
    /planted: unique index planted_code/,
  );
  await plant(
    "create table planted (street_id uuid not null, id uuid, place_id uuid, primary key (street_id, id), foreign key (place_id, street_id) references street_places (street_id, id)); comment on table planted is 'distribution: street'",
    /planted: foreign key planted_place_id_street_id_fkey .* does not match street_id to street_id/,
  );
  await plant(
    "create table planted (street_id uuid not null, id uuid, task_id uuid references tasks (id), primary key (street_id, id)); comment on table planted is 'distribution: street'",
    /points at coordinator table tasks/,
  );
  await plant(
    "create table planted (id uuid primary key, street_id uuid, place_id uuid, foreign key (street_id, place_id) references street_places (street_id, id)); comment on table planted is 'distribution: reference — a planted vocabulary'",
    /a reference table's foreign key .* points at street table street_places/,
  );
  await plant("create table planted (id uuid primary key); comment on table planted is 'distribution: reference'", /planted: a reference table says why/);
});
