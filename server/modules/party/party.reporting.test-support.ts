import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { PASSWORD, type World } from '../../test/fixture.ts';
import { createOrganisation, createPosition, DEMO_STREET, roomHoldersUnder } from '../registry/index.ts';
import { read, write } from './party.db.ts';
import { membersPart } from './party.members.part.ts';

/**
 * The members part's demo, which the reporting demo reads (its employed members). Until that part seeds them, a
 * stand-in: 张明远 (13800000001) employed at the tax branch, and residents of both communities employed at the two
 * workplace organisations — so the reporting demo and its test have members to report either way.
 */
export async function seedMembersForReporting(kernel: Kernel, demo: DemoSeedContext): Promise<void> {
  await membersPart.seed?.(kernel, demo);
  const street = demo.get(DEMO_STREET)!;
  const streetId = street.street.id;
  const any = await read(kernel).selectFrom('pty_members').select('id').where('street_id', '=', streetId).where('membership', '=', 'employed').executeTakeFirst();
  if (any) return;
  const [tax, school] = [street.workplaceOrgs.find((o) => o.name.includes('税务'))!, street.workplaceOrgs.find((o) => o.name.includes('小学'))!];
  const e2e = demo.account('13800000001')!;
  const rows: { personId: string; name: string; placeId: string; orgId: string }[] = [{ personId: e2e.personId!, name: e2e.name, placeId: street.compounds[0]!.id, orgId: tax.id }];
  const seen = new Set([e2e.personId]);
  for (const [ci, community] of street.communities.slice(0, 2).entries()) {
    const holders = await roomHoldersUnder(read(kernel), community.path, 400);
    let n = 0;
    for (const h of holders) {
      if (seen.has(h.personId) || n >= (ci === 0 ? 5 : 4)) continue;
      seen.add(h.personId);
      const compound = street.compounds.find((c) => h.roomPath.startsWith(c.path));
      rows.push({ personId: h.personId, name: h.name, placeId: compound?.id ?? community.id, orgId: n % 2 === 0 ? tax.id : school.id });
      n++;
    }
  }
  await write({ kernel, actor: SYSTEM_ACTOR }, (tx) =>
    tx
      .insertInto('pty_members')
      .values(
        rows.map((r) => ({
          street_id: streetId,
          id: newId(),
          person_id: r.personId,
          person_name: r.name,
          place_id: r.placeId,
          membership: 'employed' as const,
          workplace_org_id: r.orgId,
          joined_on: '2010-07-01',
        })),
      )
      .execute(),
  );
}

/**
 * The reporting part's additions to the fixture world (test/fixture.ts): two workplace organisations of street S —
 * W1, whose liaison is the `workplace_party_contact` account (matched to a person holding a position in it), and W2
 * (its secretary has no login); members: alice (the resident 13800000001, lives in A under C1) employed at W1, tom
 * (13800000002, lives in A) employed at W2, bob (13800000003, lives in B under C2) a local member.
 */
export async function reportingWorld(kernel: Kernel, w: World) {
  const { ctx } = w;
  const W1 = (await createOrganisation(ctx, { placeId: w.places.S, kind: 'party_org', name: '测试税务所党支部', partyLevel: 'workplace' })).id;
  const W2 = (await createOrganisation(ctx, { placeId: w.places.S, kind: 'party_org', name: '测试小学党总支', partyLevel: 'workplace' })).id;
  const liaison = await w.person(w.places.A, '刘联络');
  await createPosition(ctx, { personId: liaison, organisationId: W1, title: '组织委员' });
  await createPosition(ctx, { personId: await w.person(w.places.B, '周书记'), organisationId: W2, title: '书记' });
  const passwordHash = await hashPassword(PASSWORD);
  const members = await write(ctx, async (tx) => {
    await tx.updateTable('accounts').set({ person_id: liaison }).where('id', '=', w.accounts.workplace_party_contact).execute();
    for (const [phone, name, personId] of [
      ['13800000002', '陈涛', w.persons.tom],
      ['13800000003', '李波', w.persons.bob],
    ] as const) {
      await createAccount(tx, kernel.pii, { phone, displayName: name, password: PASSWORD, passwordHash, personId });
    }
    const member = async (personId: string, name: string, placeId: string, membership: 'local' | 'employed', orgId: string | null) => {
      const id = newId();
      await tx
        .insertInto('pty_members')
        .values({
          street_id: w.places.S,
          id,
          person_id: personId,
          person_name: name,
          place_id: placeId,
          membership,
          workplace_org_id: membership === 'employed' ? orgId : null,
          branch_id: membership === 'local' ? newId() : null,
          joined_on: '2012-07-01',
        })
        .execute();
      return id;
    };
    return {
      alice: await member(w.persons.alice, '王丽', w.places.A, 'employed', W1),
      tom: await member(w.persons.tom, '陈涛', w.places.A, 'employed', W2),
      bob: await member(w.persons.bob, '李波', w.places.B, 'local', null),
    };
  });
  return { W1, W2, liaison, members };
}
