import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { newId } from '../../kernel/ids.ts';
import type { Kernel } from '../../kernel/context.ts';
import { PASSWORD, type World } from '../../test/fixture.ts';
import { createOrganisation, createPosition } from '../registry/index.ts';
import { write } from './party.db.ts';

/**
 * The letters tests' world on top of test/fixture.ts: two workplace party organisations of street S (税务所 T, 学校 U)
 * and one of street S2 (Z); the liaison (the fixture's `workplace_party_contact` account, matched to 周联络, who holds a
 * position in T only); employed members of T — 王丽 (alice, the resident login's person: she has an account) and 陈涛
 * (tom, no account) — with confirmed reports to community C1, 李波 (bob) of T reporting to C1 but still pending, and
 * 孙宁 of U confirmed at C1; a project of C1 with two posts; a second community secretary at C1 (`shuji2`).
 */
export async function buildLettersWorld(kernel: Kernel, w: World) {
  const ctx = { kernel, actor: SYSTEM_ACTOR };
  const party = async (placeId: string, name: string) => (await createOrganisation(ctx, { placeId, kind: 'party_org', partyLevel: 'workplace', name })).id;
  const T = await party(w.places.S, '测试税务所党支部');
  const U = await party(w.places.S, '测试实验小学党总支');
  const Z = await party(w.places.S2, '邻街单位党支部');
  const liaison = await w.person(w.places.A, '周联络');
  await createPosition(ctx, { personId: liaison, organisationId: T, title: '组织委员' });
  const sun = await w.person(w.places.A, '孙宁宁');
  const S = w.places.S;
  const ids = await write(ctx, async (tx) => {
    await tx.updateTable('accounts').set({ person_id: liaison }).where('id', '=', w.accounts.workplace_party_contact).execute();
    const member = async (personId: string, name: string, org: string) => {
      const id = newId();
      await tx
        .insertInto('pty_members')
        .values({ street_id: S, id, person_id: personId, person_name: name, place_id: w.places.A, membership: 'employed', workplace_org_id: org, joined_on: '2010-07-01' })
        .execute();
      return id;
    };
    const report = async (memberId: string, communityId: string, status: 'confirmed' | 'pending') =>
      tx
        .insertInto('pty_member_reports')
        .values({ street_id: S, id: newId(), member_id: memberId, community_id: communityId, status, decided_at: status === 'confirmed' ? new Date('2025-01-10T02:00:00Z') : null })
        .execute();
    const alice = await member(w.persons.alice, '王丽', T);
    const tom = await member(w.persons.tom, '陈涛', T);
    const bob = await member(w.persons.bob, '李波', T);
    const sunM = await member(sun, '孙宁宁', U);
    await report(alice, w.places.C1, 'confirmed');
    await report(tom, w.places.C1, 'confirmed');
    await report(bob, w.places.C1, 'pending');
    await report(sunM, w.places.C1, 'confirmed');
    const project = newId();
    await tx.insertInto('pty_projects').values({ street_id: S, id: project, community_id: w.places.C1, place_id: w.places.A, title: '阳光花园楼道清洁' }).execute();
    const post = async (title: string) => {
      const id = newId();
      await tx.insertInto('pty_posts').values({ street_id: S, id, project_id: project, title, slots: 5 }).execute();
      return id;
    };
    return { alice, tom, bob, sun: sunM, project, posts: { clean: await post('楼道清洁'), elderly: await post('助老陪伴') } };
  });
  const shuji2 = await write(ctx, async (tx) => {
    const a = await createAccount(tx, kernel.pii, { username: 'shuji2', displayName: 'shuji2', password: PASSWORD, passwordHash: await hashPassword(PASSWORD) });
    await grantRole(tx, a, 'community_secretary', w.places.C1);
    return a;
  });
  return { orgs: { T, U, Z }, liaison, members: ids, project: ids.project, posts: ids.posts, shuji2 };
}

/** Records a member's service on a post on a day (a claim per member, post and year, made once). */
export async function addService(kernel: Kernel, streetId: string, input: { memberId: string; projectId: string; postId: string; day: string; minutes: number; points: number }) {
  return write({ kernel, actor: SYSTEM_ACTOR }, async (tx) => {
    const year = Number(input.day.slice(0, 4));
    const claim =
      (await tx
        .selectFrom('pty_member_claims')
        .select('id')
        .where('street_id', '=', streetId)
        .where('member_id', '=', input.memberId)
        .where('post_id', '=', input.postId)
        .where('year', '=', year)
        .executeTakeFirst()) ??
      (await tx
        .insertInto('pty_member_claims')
        .values({ street_id: streetId, id: newId(), member_id: input.memberId, project_id: input.projectId, post_id: input.postId, year })
        .returning('id')
        .executeTakeFirstOrThrow());
    await tx
      .insertInto('pty_services')
      .values({ street_id: streetId, id: newId(), member_id: input.memberId, claim_id: claim.id, served_on: input.day, minutes: input.minutes, points: input.points })
      .execute();
  });
}
