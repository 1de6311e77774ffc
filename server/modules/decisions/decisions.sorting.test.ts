import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { signIn } from '../../test/harness.ts';
import { useWorld } from '../../test/fixture.ts';
import { expectSorts, sortRows, sortTime } from '../../test/sorting.ts';
import { appDb } from '../../app.ts';
import { addOwners } from './decisions.test-world.ts';
import { DecisionsSort, RollSort } from './decisions.schemas.ts';
import { createDecision } from './use-cases/create-decision.ts';
import { publishRoll } from './use-cases/publish-roll.ts';

/** The decisions list and a roll, by each of their columns both ways; an unknown column → 400. */
const { env, w, setUp } = useWorld();
setUp('the owners of compound A', () => addOwners(w));
const item = [{ title: '修改管理规约', matter: 2 }];

test('decisions by created time, title, place, status and deadline', async () => {
  const ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const values = [
    { place: w.places.A, title: '2号表决', status: 'open', at: 2, closes: 30 },
    { place: w.places.A1.building, title: '1号表决', status: 'draft', at: 1, closes: 10 },
    { place: w.places.A2.building, title: '3号表决', status: 'closed', at: 3, closes: 20 },
  ] as const;
  const db = appDb(env.kernel);
  const ids = await sortRows(
    values,
    async (v) => (await createDecision(ctx, { placeId: v.place, title: v.title, organiserKind: 'owners_committee', organiserAuthority: '决议', items: item })).id,
    (id, v) => db.updateTable('dec_decisions').set({ created_at: sortTime(v.at), status: v.status, closes_at: sortTime(v.closes) }).where('id', '=', id).execute(),
  );
  const [a, b, c] = ids;
  await expectSorts(env.kernel, await signIn(env.app, 'owners_committee_member'), `/api/decisions?placeId=${w.places.A}`, DecisionsSort, {
    createdAt: [b, a, c],
    // Digits lead the titles: the same order under every collation PostgreSQL may be set up with.
    title: [b, a, c],
    place: [a, b, c],
    status: [c, b, a],
    closesAt: [b, c, a],
  });
});

test('a roll by number and area', async () => {
  const ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const { id } = await createDecision(ctx, { placeId: w.places.A, title: '名册排序', organiserKind: 'owners_committee', organiserAuthority: '决议', items: item });
  await publishRoll(ctx, id);
  const entries = await appDb(env.kernel).selectFrom('dec_roll_entries').select(['id', 'no', 'area_centi']).where('decision_id', '=', id).execute();
  const byNo = [...entries].sort((x, y) => x.no - y.no).map((e) => e.id);
  // The hand-worked areas of decisions.test-world.ts: 王丽 89.50, 蔡/戴 100.00, 李波波 180.00, the developer 443.75.
  const byArea = [8950, 10000, 18000, 44375].map((a) => entries.find((e) => e.area_centi === a)!.id);
  await expectSorts(env.kernel, await signIn(env.app, 'committee_staff'), `/api/decisions/${id}/roll`, RollSort, { no: byNo, area: byArea });
});
