import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { RectificationErrors } from '../supervision.rectification.errors.ts';
import { inspectionFinding } from '../supervision.rectification.repository.ts';

/**
 * The new-notice form from an inspection finding (检查发现 → 整改通知单 in one step): the place inspected, a title
 * from the indicator, a description from the inspector's note and findings, and the finding's photos (which the
 * notice will reference as its evidence). Only for an official who may issue there; anyone else: not found.
 */
export async function noticePrefill(ctx: Ctx, q: { inspectionId: string; indicatorId: string }) {
  const f = await inspectionFinding(read(ctx), q.inspectionId, q.indicatorId);
  if (!f || !allows(ctx.actor, 'noticesIssue', f.place_path)) throw RectificationErrors.SOURCE_NOT_FOUND();
  const what =
    f.method === 'deduction' ? `发现问题 ${f.findings} 处` : f.method === 'yes_no' ? (f.met === false ? '未达标' : '') : f.awarded_points !== null ? `得分 ${(f.awarded_points / 100).toFixed(2)} / ${(f.max_points / 100).toFixed(2)}` : '';
  const description = [`${f.period} 检查（${f.inspector_name}）指标 ${f.code}「${f.indicator_name}」${what ? `：${what}` : ''}。`, f.note].filter(Boolean).join('\n');
  return {
    inspectionId: f.inspection_id,
    indicatorId: f.indicator_id,
    placeId: f.place_id,
    placeName: f.place_name,
    title: `${f.indicator_name}整改`.slice(0, 100),
    description: description.slice(0, 2000),
    files: f.files.map((x) => ({ id: x.id, kind: x.kind, fileName: x.file_name })),
  };
}
export type NoticePrefill = Awaited<ReturnType<typeof noticePrefill>>;
