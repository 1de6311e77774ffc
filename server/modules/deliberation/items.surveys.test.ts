import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectRefused, type Session } from '../../test/harness.ts';
import { residents, useItemsWorld } from './items.test-support.ts';

/**
 * Surveys attached to an item (issue 17 §4): opinion while it is collected, set or discussed (stages 1–3),
 * evaluation while it is carried out or rated (4–6); drafted by those who may run surveys at its place, shown to
 * its households once published, and to nobody outside its place.
 */
const { env, w, setUp, signedIn } = useItemsWorld();
const people = setUp('the residents', () => residents(env.app, w));
const secretary = signedIn('community_secretary');
const grid = signedIn('grid_worker');

const ok = async <T = any>(p: Promise<{ status: number; body: T }>): Promise<T> => {
  const r = await p;
  assert.ok(r.status < 300, `${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const surveysOf = (s: Session, id: string) => ok(s.request('GET', `/api/deliberation/items/${id}/surveys`));

describe('surveys attached to an item', () => {
  test('a stage-1 opinion survey: drafted with starter questions, refused for the wrong stage or role, shown to the place once published', async () => {
    const s = secretary;
    const { alice, bob } = people;
    const item = await ok(s.request('POST', '/api/deliberation/items', { placeId: w.places.A, title: '增设快递柜' }));
    assert.deepEqual((await surveysOf(s, item.id)).canAttach, ['collect'], 'an item on the agenda may gather opinion, not evaluation yet');

    await expectRefused(env.kernel, ['srv_surveys', 'audit_log'], () => s.request('POST', `/api/deliberation/items/${item.id}/surveys`, { stage: 'evaluate', title: '效果评价' }), 409, 'WRONG_STAGE');
    await expectRefused(env.kernel, ['srv_surveys', 'audit_log'], () => grid.request('POST', `/api/deliberation/items/${item.id}/surveys`, { stage: 'collect', title: '意见征集' }), 403, 'FORBIDDEN');

    const created = await ok(s.request('POST', `/api/deliberation/items/${item.id}/surveys`, { stage: 'collect', title: '快递柜意见征集' }));
    const survey = await ok(s.request('GET', `/api/surveys/${created.id}`));
    assert.equal(survey.questions.length, 2, 'starter questions');
    assert.equal(survey.answerPer, 'household');
    const listed = await surveysOf(s, item.id);
    assert.deepEqual(
      listed.items.map((x: { title: string; status: string; subjectStage: string }) => [x.title, x.status, x.subjectStage]),
      [['快递柜意见征集', 'draft', 'collect']],
    );

    assert.deepEqual((await ok(alice.request('GET', `/api/me/deliberation/items/${item.id}/surveys`))).items, [], 'a draft is not shown to residents');
    await ok(s.request('POST', `/api/surveys/${created.id}/publish`));
    const mine = await ok(alice.request('GET', `/api/me/deliberation/items/${item.id}/surveys`));
    assert.deepEqual(mine.items.map((x: { id: string }) => x.id), [created.id]);
    assert.equal((await bob.request('GET', `/api/me/deliberation/items/${item.id}/surveys`)).status, 404, 'a household of another compound');
  });
});
