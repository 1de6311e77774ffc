import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { read } from './registry.db.ts';
import { createPerson } from './use-cases/create-person.ts';
import { householdTagsOn } from './use-cases/tag-spans.ts';
import { updatePerson } from './use-cases/update-person.ts';
import { endHousehold } from './use-cases/end-household.ts';

/**
 * Person tags with a history (issue 19 §2): each path that changes tags writes the spans in its transaction; a
 * change can be dated back (a 民政 certificate's date) but not into the future nor before what the history says;
 * householdTagsOn reads the tags a room's household held on a day. The clock stands at 2027-03-10 (Shanghai).
 */
let env: TestEnv;
let w: World;
let system: Ctx;
const spans = (personId: string) =>
  read(env.kernel).selectFrom('reg_person_tag_spans').select(['tag', 'held_from', 'held_until']).where('person_id', '=', personId).orderBy('tag').orderBy('held_from').execute();

before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  env.clock.advance(Date.parse('2027-03-10T10:00:00+08:00') - env.clock.now().getTime());
});
after(() => env.close());

describe('the tags’ history', () => {
  test('a person registered with tags holds them from that day', async () => {
    const p = await createPerson(system, { placeId: w.places.A, name: '黄芳', tags: ['low_income', 'elderly'] });
    assert.deepEqual(await spans(p.id), [
      { tag: 'elderly', held_from: '2027-03-10', held_until: null },
      { tag: 'low_income', held_from: '2027-03-10', held_until: null },
    ]);
  });

  test('an edit dates a tag from its certificate, closes a removed one on the day, and refuses impossible dates', async () => {
    const p = await createPerson(system, { placeId: w.places.A, name: '何军', tags: [] });
    await updatePerson(system, p.id, { tags: ['extreme_hardship'], tagsChangedOn: '2026-12-01' });
    assert.deepEqual(await spans(p.id), [{ tag: 'extreme_hardship', held_from: '2026-12-01', held_until: null }]);
    // Into the future: refused, nothing changed.
    await assert.rejects(updatePerson(system, p.id, { tags: [], tagsChangedOn: '2027-03-11' }), { code: 'TAGS_DATE_FUTURE' });
    // Removed before it was held: refused.
    await assert.rejects(updatePerson(system, p.id, { tags: [], tagsChangedOn: '2026-11-30' }), { code: 'TAGS_DATE_BEFORE_HISTORY' });
    assert.deepEqual((await read(env.kernel).selectFrom('reg_persons').select('tags').where('id', '=', p.id).executeTakeFirstOrThrow()).tags, ['extreme_hardship']);
    await updatePerson(system, p.id, { tags: [], tagsChangedOn: '2027-02-15' });
    assert.deepEqual(await spans(p.id), [{ tag: 'extreme_hardship', held_from: '2026-12-01', held_until: '2027-02-15' }]);
    // Held again, but not from before the last span ended.
    await assert.rejects(updatePerson(system, p.id, { tags: ['extreme_hardship'], tagsChangedOn: '2027-02-14' }), { code: 'TAGS_DATE_BEFORE_HISTORY' });
    await updatePerson(system, p.id, { tags: ['extreme_hardship'] });
    assert.deepEqual(await spans(p.id), [
      { tag: 'extreme_hardship', held_from: '2026-12-01', held_until: '2027-02-15' },
      { tag: 'extreme_hardship', held_from: '2027-03-10', held_until: null },
    ]);
    // Editing other fields leaves the history alone.
    await updatePerson(system, p.id, { name: '何俊' });
    assert.equal((await spans(p.id)).length, 2);
  });

  test('a tag added and removed the same day leaves no span', async () => {
    const p = await createPerson(system, { placeId: w.places.A, name: '吕平', tags: [] });
    await updatePerson(system, p.id, { tags: ['disabled'] });
    await updatePerson(system, p.id, { tags: [] });
    assert.deepEqual(await spans(p.id), []);
  });

  test('the person page shows the history', async () => {
    const official = await signIn(env.app, 'street_official', PASSWORD);
    await updatePerson(system, w.persons.tom, { tags: ['low_income'], tagsChangedOn: '2027-01-05' });
    const r = await official.request('GET', `/api/persons/${w.persons.tom}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.tagHistory, [{ tag: 'low_income', heldFrom: '2027-01-05', heldUntil: null }]);
    const bad = await official.request('PATCH', `/api/persons/${w.persons.tom}`, { tags: [], tagsChangedOn: '2027-13-01' });
    assert.equal(bad.status, 400);
  });
});

describe('householdTagsOn', () => {
  test('the tags a member of the household held on the day, for members registered that day', async () => {
    // 李波 owns B101: 低保 from 2027-01-01 until 2027-02-20.
    await updatePerson(system, w.persons.bob, { tags: ['low_income'], tagsChangedOn: '2027-01-01' });
    await updatePerson(system, w.persons.bob, { tags: [], tagsChangedOn: '2027-02-20' });
    const on = async (day: string, tags = ['low_income', 'extreme_hardship']) => Object.fromEntries(await householdTagsOn(env.kernel.db, [w.rooms.B101, w.rooms.A101], day, tags));
    assert.deepEqual(await on('2026-12-31'), {}, 'the day before the certificate');
    assert.deepEqual(await on('2027-01-01'), { [w.rooms.B101]: ['low_income'] }, 'its first day');
    assert.deepEqual(await on('2027-02-19'), { [w.rooms.B101]: ['low_income'] }, 'its last day');
    assert.deepEqual(await on('2027-02-20'), {}, 'the day it ended');
    assert.deepEqual(await on('2027-02-01', ['extreme_hardship']), {}, 'only the tags asked for');

    // A tenant of A102 (陈涛, 低保 since 2027-01-05) counts for A102 while the household row stands.
    const tenantRoom = Object.fromEntries(await householdTagsOn(env.kernel.db, [w.rooms.A102], '2027-02-01', ['low_income']));
    assert.deepEqual(tenantRoom, { [w.rooms.A102]: ['low_income'] });
    const row = await read(env.kernel).selectFrom('reg_households').select('id').where('room_id', '=', w.rooms.A102).where('person_id', '=', w.persons.tom).executeTakeFirstOrThrow();
    await endHousehold(system, row.id, '2027-01-31');
    assert.deepEqual(Object.fromEntries(await householdTagsOn(env.kernel.db, [w.rooms.A102], '2027-02-01', ['low_income'])), {}, 'no longer a member that day');
    assert.deepEqual(Object.fromEntries(await householdTagsOn(env.kernel.db, [w.rooms.A102], '2027-01-20', ['low_income'])), { [w.rooms.A102]: ['low_income'] }, 'still a member that day');
  });
});
