import ExcelJS from 'exceljs';
import type { Ctx } from '../../../kernel/context.ts';
import { ACTIVITY_KIND_ZH } from '../party.activities.constants.ts';
import { getActivity } from './activities-get.ts';

const time = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');
const STATUS = { invited: '缺席', present: '出席', excused: '请假' } as const;
const VIA = { code: '签到码', staff: '工作人员登记' } as const;

/** One activity's sign-in sheet as xlsx: each invited member, how and when they signed in, or why they were excused. */
export async function exportActivityAttendeesXlsx(ctx: Ctx, id: string): Promise<{ fileName: string; content: Buffer }> {
  const a = await getActivity(ctx, id);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('签到表');
  sheet.addRow([`${a.title}（${ACTIVITY_KIND_ZH[a.kind]}）`]).font = { bold: true };
  sheet.addRow([`${a.branchName} · ${time(a.startsAt)} · ${a.venue}`]);
  sheet.addRow([`应到 ${a.counts.invited} 人，出席 ${a.counts.present} 人，请假 ${a.counts.excused} 人`]);
  sheet.addRow([]);
  sheet.addRow(['姓名', '类别', '出勤', '签到时间', '方式', '请假事由']).font = { bold: true };
  for (const t of a.attendees)
    sheet.addRow([t.personName, t.membership === 'local' ? '社区党员' : '在职党员', STATUS[t.status], time(t.signedInAt), t.via ? VIA[t.via] : '', t.excuseReason ?? '']);
  sheet.columns.forEach((c, i) => (c.width = [12, 10, 8, 18, 14, 24][i] ?? 12));
  return { fileName: `签到表-${a.title}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
