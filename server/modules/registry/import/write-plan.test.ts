import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPlace, insertPlace, type PlaceRow } from '../../../kernel/access/index.ts';
import { newId } from '../../../kernel/ids.ts';
import { withIdChecksum } from '../../../kernel/pii/pii.ts';
import { useWorld } from '../../../test/fixture.ts';
import { countRows } from '../../../test/harness.ts';
import { analyse } from './analyse.ts';
import { analyseInWorker } from './analyse-in-worker.ts';
import { loadSnapshot } from './snapshot.ts';
import { StaleImportError, writePlan } from './write-plan.ts';
import { read } from '../registry.db.ts';

/**
 * The commit's write step on its own (on the test run's server): rows
 * go in by COPY inside one transaction, so a plan overtaken by a change to the registry writes
 * nothing at all. And the worker thread gives the same analysis as the code run in place.
 */
const TABLES = ['places', 'reg_rooms', 'reg_persons', 'reg_households'];
const { env, w, afterSetUp } = useWorld();
let compound: PlaceRow;
afterSetUp(async () => {
  compound = (await findPlace(read(env.kernel), w.places.B))!;
});

const csv = (rows: string[]) => Buffer.from(['楼栋,单元,房号,面积,姓名,身份证号,手机号,关系,份额', ...rows].join('\n'));
const id = (n: number) => withIdChecksum(`33080219800101${String(n).padStart(3, '0')}`);

async function planFor(content: Buffer) {
  const importId = newId();
  const analysis = await analyse(
    { target: compound, content, mapping: undefined, materialise: { importId } },
    { pii: env.kernel.pii, loadSnapshot: (ids, phones) => loadSnapshot(read(env.kernel), compound, ids, phones) },
  );
  assert.deepEqual(analysis.issues.filter((i) => i.level === 'error'), []);
  return { importId, plan: analysis.plan! };
}

const write = (importId: string, plan: Awaited<ReturnType<typeof planFor>>['plan']) =>
  env.kernel.database.copyTransaction((tx, copy) => writePlan(tx, copy, importId, plan.loads, plan.counts, env.kernel.clock.now(), () => {}));

test('a plan is written by COPY in one transaction: the rows, with their personal data encrypted', async () => {
  const { importId, plan } = await planFor(csv(['8栋,1单元,101,88.50,韩梅,' + id(1) + ',13900000001,业主,100%']));
  const before = await countRows(env.kernel, TABLES);
  await write(importId, plan);
  const afterCounts = await countRows(env.kernel, TABLES);
  assert.deepEqual(
    TABLES.map((t) => afterCounts[t]! - before[t]!),
    [3, 1, 1, 1],
  );
  const person = await read(env.kernel).selectFrom('reg_persons').selectAll().where('name', '=', '韩梅').executeTakeFirstOrThrow();
  assert.equal(env.kernel.pii.decrypt(person.id_number_enc!), id(1));
  assert.equal(env.kernel.pii.decrypt(person.phone_enc!), '13900000001');
  assert.equal(person.phone_masked, '139****0001');
  assert.equal(person.created_at.toISOString(), env.kernel.clock.now().toISOString());
});

test('a room registered after the plan was made: the COPY fails and nothing of the plan is written', async () => {
  const { importId, plan } = await planFor(
    csv(['9栋,1单元,101,80,李雷,' + id(2) + ',,业主,100%', '9栋,1单元,102,80,李华,' + id(3) + ',,业主,100%']),
  );
  // Someone registers building 9 meanwhile: the plan's own 9栋 now collides with it.
  const building = newId();
  await insertPlace(read(env.kernel), { parent: compound, kind: 'building', name: '9栋', id: building });
  const before = await countRows(env.kernel, TABLES);
  await assert.rejects(write(importId, plan), (err: { code?: string }) => err.code === '23505');
  assert.deepEqual(await countRows(env.kernel, TABLES), before);
});

test('an update that finds its row gone throws StaleImportError and rolls back the rows written before it', async () => {
  const first = await planFor(csv(['10栋,1单元,101,80,王芳,' + id(4) + ',13900000004,业主,100%']));
  await write(first.importId, first.plan);
  // The same owner with a new mobile: an update of a person the plan expects to find.
  const second = await planFor(csv(['10栋,1单元,101,80,王芳,' + id(4) + ',13900000005,业主,100%', '10栋,1单元,102,80,赵强,' + id(5) + ',,业主,100%']));
  assert.equal(second.plan.counts.persons.updated, 1);
  // …but the person is removed before the commit (households first, then the person).
  const wang = await read(env.kernel).selectFrom('reg_persons').select('id').where('name', '=', '王芳').executeTakeFirstOrThrow();
  await read(env.kernel).deleteFrom('reg_households').where('person_id', '=', wang.id).execute();
  await read(env.kernel).deleteFrom('reg_persons').where('id', '=', wang.id).execute();
  const before = await countRows(env.kernel, [...TABLES, 'reg_import_persons']);
  await assert.rejects(write(second.importId, second.plan), StaleImportError);
  assert.deepEqual(await countRows(env.kernel, [...TABLES, 'reg_import_persons']), before);
});

test('the worker thread analyses a file exactly as the code run in place does', async () => {
  const content = csv(['11栋,1单元,101,80,孙丽,' + id(6) + ',13900000006,业主,50%', '11栋,1单元,101,,孙伟,' + id(7) + ',,共有人,50%', '11栋,1单元,102,abc,周杰,,,租户,']);
  const input = { mapping: undefined, materialise: null };
  const inPlace = await analyse(
    { target: compound, content, ...input },
    { pii: env.kernel.pii, loadSnapshot: (ids, phones) => loadSnapshot(read(env.kernel), compound, ids, phones) },
  );
  const inWorker = await analyseInWorker(env.kernel, compound, content, input);
  assert.deepEqual(inWorker, inPlace);
  assert.ok(inWorker.issues.some((i) => i.code === 'AREA_INVALID' && i.row === 4));
});

test('an unreadable file comes back from the worker as the same error', async () => {
  await assert.rejects(analyseInWorker(env.kernel, compound, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), { mapping: undefined, materialise: null }), {
    name: 'Error',
    reason: 'xls',
  });
});
