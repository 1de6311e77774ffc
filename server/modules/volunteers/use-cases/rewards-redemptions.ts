import ExcelJS from 'exceljs';
import { isSystem } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate } from '../../../kernel/pagination.ts';
import { type Executor, read, write } from '../volunteers.db.ts';
import { allows, placeFilter } from '../volunteers.policy.ts';
import { RegistryErrors } from '../volunteers.registry.errors.ts';
import { type RedemptionsQuery, RedemptionsSort } from '../volunteers.registry.schemas.ts';
import type { RedemptionStatus } from '../volunteers.tables.ts';
import { seesAt, seesRegistry, underPath } from './registry-access.ts';

export interface RedemptionRow {
  id: string;
  rewardName: string;
  placeName: string;
  personName: string;
  points: number;
  status: RedemptionStatus;
  createdAt: Date;
  handedAt: Date | null;
  canManage: boolean;
}

function rows(db: Executor) {
  return db
    .selectFrom('vol_redemptions as d')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
    .select(['d.id', 'd.street_id as streetId', 'd.place_id as placeId', 'p.path as placePath', 'd.reward_name as rewardName', 'p.name as placeName', 'd.person_name as personName', 'd.points', 'd.status', 'd.created_at as createdAt', 'd.handed_at as handedAt']);
}

function filtered(ctx: Ctx, q: RedemptionsQuery, under: string | undefined) {
  return rows(read(ctx))
    .where((eb) => eb.or([placeFilter(ctx.actor, 'volunteersRead', 'd.place_id', 'p.path'), placeFilter(ctx.actor, 'volunteersManage', 'd.place_id', 'p.path')]))
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(!!q.status, (s) => s.where('d.status', '=', q.status!))
    .$if(!!q.q, (s) => s.where((eb) => eb.or([eb('d.person_name', 'ilike', containing(q.q!)), eb('d.reward_name', 'ilike', containing(q.q!))])));
}

/** The rewards redeemed in the actor's places (to hand over): search by name or reward, filter by status, sort, page. */
export async function listRedemptions(ctx: Ctx, q: RedemptionsQuery): Promise<Page<RedemptionRow>> {
  if (!seesRegistry(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(read(ctx), ctx, q.placeId);
  const items = RedemptionsSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map(({ placePath, streetId: _s, placeId: _p, ...r }) => ({ ...r, canManage: allows(ctx.actor, 'volunteersManage', placePath) })) };
}

const time = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The same list (up to 20,000 rows) as xlsx. */
export async function exportRedemptionsXlsx(ctx: Ctx, q: RedemptionsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!seesRegistry(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(read(ctx), ctx, q.placeId);
  const list = await RedemptionsSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('奖品兑换');
  sheet.columns = [
    { header: '志愿者', width: 12 },
    { header: '奖品', width: 20 },
    { header: '地点', width: 16 },
    { header: '积分', width: 8 },
    { header: '兑换时间', width: 18 },
    { header: '状态', width: 8 },
    { header: '发放时间', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of list) sheet.addRow([r.personName, r.rewardName, r.placeName, r.points, time(r.createdAt), r.status === 'handed_over' ? '已发放' : '待发放', time(r.handedAt)]);
  return { fileName: `奖品兑换-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** Marks a redeemed reward handed over to the volunteer (volunteersManage at the reward's place). Audited. */
export async function handOverRedemption(ctx: Ctx, id: string): Promise<{ id: string; status: 'handed_over' }> {
  return write(ctx, async (tx) => {
    const r = await rows(tx).where('d.id', '=', id).forUpdate('d').executeTakeFirst();
    if (!r || !seesAt(ctx, r.placePath)) throw RegistryErrors.REDEMPTION_NOT_FOUND();
    if (!allows(ctx.actor, 'volunteersManage', r.placePath)) throw CommonErrors.FORBIDDEN();
    if (r.status === 'handed_over') throw RegistryErrors.ALREADY_HANDED_OVER();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('vol_redemptions').set({ status: 'handed_over', handed_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, handed_at: now }).where('street_id', '=', r.streetId).where('id', '=', r.id).execute();
    await audit(tx, ctx, { action: 'volunteers.rewards.handed_over', placeId: r.placeId, subjectType: 'vol_redemption', subjectId: r.id, detail: { reward: r.rewardName, person: r.personName } });
    return { id: r.id, status: 'handed_over' as const };
  });
}
