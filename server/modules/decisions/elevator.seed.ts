import { decideApproval } from '../../kernel/approvals/approvals.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx } from '../../kernel/context.ts';
import { defaultCoefficients } from './cost-shares.ts';
import { read } from './decisions.db.ts';
import { createElevator, stairwellRooms } from './use-cases/create-elevator.ts';
import { markAffected } from './use-cases/mark-affected.ts';
import { requestOpen } from './use-cases/open-decision.ts';
import { publishRoll } from './use-cases/publish-roll.ts';
import { recordAffectedObjection } from './use-cases/record-affected-objection.ts';
import { recordCompensationAgreement } from './use-cases/record-compensation-agreement.ts';

/**
 * The demo's elevator retrofit (加装电梯) at 阳光花园 2栋1单元, through the use cases, back-dated: drafted with the
 * proposed coefficient table and shared by area, the ground-floor flat 101 marked affected (light and access), its
 * owner's objection recorded by the owners' committee and settled by a compensation agreement, the roll published
 * for the notice period, voting open with a few online ballots (written by `seedBallots`, as the other votes' are).
 * Runs under rules whose elevator setting is "compensation" (the demo's 2024 rules).
 */
export async function seedElevatorDemo(
  organiser: Ctx,
  approver: Ctx,
  compound: { id: string },
  ago: (days: number, hours?: number) => Date,
  at: (ctx: Ctx, when: Date) => Ctx,
  seedBallots: (decisionId: string, from: Date) => Promise<number>,
): Promise<{ decisions: number; ballots: number }> {
  const db = read(organiser.kernel);
  const unit = await db
    .selectFrom('places as u')
    .innerJoin('places as b', 'b.id', 'u.parent_id')
    .select('u.id')
    .where('b.parent_id', '=', compound.id)
    .where('b.name', '=', '2栋')
    .where('u.name', '=', '1单元')
    .executeTakeFirst();
  if (!unit) return { decisions: 0, ballots: 0 };
  const { items: rooms } = await stairwellRooms(organiser, unit.id);
  const floors = rooms.flatMap((r) => (r.floor === null ? [] : [r.floor]));
  const ground = rooms.find((r) => r.label.endsWith(' / 101'));
  const { id } = await createElevator(at(organiser, ago(26)), {
    unitId: unit.id,
    title: '2栋1单元加装电梯',
    description: '在2栋1单元北侧加装一部电梯（井道外挂，平层入户），工程总造价约86万元（含设计、施工、监理及五年维保），按楼层系数×专有面积分摊；政府补贴到位后按同一比例退还。',
    organiserKind: 'owners_committee',
    organiserAuthority: '2栋1单元业主联名申请，业委会第十二次会议同意组织表决',
    costFen: 86_000_000,
    byArea: true,
    coefficients: defaultCoefficients(floors),
  });
  if (ground) {
    const { id: affectedId } = await markAffected(at(organiser, ago(25)), id, { roomId: ground.roomId, impact: ['light', 'access'], note: '电梯井道位于101室北侧窗外，影响采光及入户通行' });
    await publishRoll(at(organiser, ago(21)), id);
    await recordAffectedObjection(at(organiser, ago(19)), id, affectedId, { text: '井道紧贴北侧卧室窗户，采光明显变差，要求补偿并加装防噪隔音窗。' });
    await recordCompensationAgreement(at(organiser, ago(12)), id, affectedId, async () => ({
      fields: { amountFen: 2_500_000, signedOn: chinaDay(ago(12)), note: '一次性补偿2.5万元，并由施工方免费更换北侧隔音窗' },
      upload: null,
    }));
  } else {
    await publishRoll(at(organiser, ago(21)), id);
  }
  const { approvalId } = await requestOpen(at(organiser, ago(5, 2)), id);
  await decideApproval(at(approver, ago(5)), approvalId, 'approve');
  const ballots = await seedBallots(id, ago(5));
  return { decisions: 1, ballots };
}
