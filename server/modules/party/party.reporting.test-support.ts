import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { DEMO_STREET, roomHoldersUnder } from '../registry/index.ts';
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
