import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './party.db.ts';
import { draftAdmonition, requestAdmonitionApproval } from './use-cases/letters-admonition.ts';
import { createAnnualLetter } from './use-cases/letters-create-annual.ts';
import { sendAnnualLetter } from './use-cases/letters-send-annual.ts';

/** The letters part's own stream of draws (demo.random). */
export const LETTERS_SEED = 2207;

export interface LettersSeedResult {
  skipped?: string;
  sent?: string[];
  draft?: string;
  admonition?: string | null;
}

/**
 * The letters part of the demo, after the reporting part's service records: the 2025 annual letters of 和顺社区 to
 * 和平区税务局第一税务所党支部 and of 安和社区 to 和平区实验小学党总支, sent (their lines are the seeded services;
 * none: no lines); a draft 2026 letter of 和顺社区 to the tax office (安和社区's 2026 letters are left for `shuji` to
 * make); and a 函告 of 安和社区 (drafted by `juweihui`) about an employed member, waiting for `shuji`'s approval.
 * A no-op once letters exist.
 */
export async function seedLetters(kernel: Kernel, demo: DemoSeedContext): Promise<LettersSeedResult> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  if (await read(kernel).selectFrom('pty_letters').select('id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  const anhe = street.communities.find((c) => c.name === '安和社区');
  const heshun = street.communities.find((c) => c.name === '和顺社区');
  const tax = street.workplaceOrgs.find((o) => o.name === '和平区税务局第一税务所党支部');
  const school = street.workplaceOrgs.find((o) => o.name === '和平区实验小学党总支');
  if (!anhe || !heshun || !tax || !school) return { skipped: 'no communities or workplace organisations' };
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const shuji = (await demo.as('shuji')) ?? system;
  const juweihui = (await demo.as('juweihui')) ?? system;

  const sent: string[] = [];
  const heshun2025 = await createAnnualLetter(system, { communityId: heshun.id, organisationId: tax.id, year: 2025 });
  await sendAnnualLetter(system, heshun2025.id);
  sent.push(heshun2025.id);
  const anhe2025 = await createAnnualLetter(shuji, { communityId: anhe.id, organisationId: school.id, year: 2025 });
  await sendAnnualLetter(shuji, anhe2025.id);
  sent.push(anhe2025.id);
  const draft = await createAnnualLetter(system, { communityId: heshun.id, organisationId: tax.id, year: 2026 });

  // The 函告: an employed member of either organisation (not the demo resident 13800000001), drawn.
  const rng = demo.random(LETTERS_SEED);
  const residentPerson = demo.account('13800000001')?.personId ?? null;
  const employed = (
    await read(kernel)
      .selectFrom('pty_members')
      .select(['id', 'person_id as personId', 'person_name as name', 'workplace_org_id as orgId'])
      .where('street_id', '=', streetId)
      .where('membership', '=', 'employed')
      .where('status', '=', 'active')
      .where('workplace_org_id', 'in', [tax.id, school.id])
      .orderBy('person_name')
      .orderBy('id')
      .execute()
  ).filter((m) => m.personId !== residentPerson);
  let admonition: string | null = null;
  if (employed.length) {
    const m = rng.pick(employed);
    const compound = street.compounds.find((c) => c.communityId === anhe.id) ?? street.compounds[0]!;
    const letter = await draftAdmonition(juweihui, {
      communityId: anhe.id,
      organisationId: m.orgId!,
      memberId: m.id,
      subject: `关于${m.name}同志多次阻挠物业企业依法开展消防通道清障的函告`,
      facts:
        `2026年10月12日、10月26日和11月9日，物业服务企业依据《消防法》和小区管理规约在${compound.name}开展消防通道清障，` +
        `${m.name}同志多次阻挠清理其堆放在楼道和消防通道内的杂物及停放的电动自行车，并与工作人员发生争执。` +
        '社区网格员和小区党支部先后三次上门劝导，该同志仍拒不配合，影响了小区的依法管理和消防安全。',
    });
    await requestAdmonitionApproval(juweihui, letter.id);
    admonition = letter.id;
  }
  return { sent, draft: draft.id, admonition };
}
