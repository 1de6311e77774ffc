import ExcelJS from 'exceljs';
import type { Ctx } from '../../../kernel/context.ts';
import { formatShare } from '../surveys.constants.ts';
import { read } from '../surveys.db.ts';
import { questionsOf } from '../surveys.repository.ts';
import { surveyFor } from './survey-access.ts';
import { responsesOf, surveyResults } from './survey-results.ts';

const KIND_ZH = { single: '单选', multiple: '多选', scale: '打分', text: '填空' } as const;
const ALL = 100_000;

/**
 * The survey as an xlsx: 结果 (per question: options with counts and shares, a scale's distribution and mean,
 * the texts) and 答卷 (one row per response; a named survey's with the masked name and the room, an
 * anonymous survey's with the day only).
 */
export async function exportSurveyXlsx(ctx: Ctx, id: string): Promise<{ fileName: string; content: Buffer }> {
  const db = read(ctx);
  const s = await surveyFor(db, ctx, id, 'readResults');
  const [results, questions, responses] = await Promise.all([surveyResults(db, s, { texts: true }), questionsOf(db, s), responsesOf(db, s, { page: 1, pageSize: ALL })]);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('结果');
  sheet.columns = [{ width: 8 }, { width: 40 }, { width: 12 }, { width: 12 }];
  sheet.addRow([s.title]).font = { bold: true, size: 14 };
  sheet.addRow([`${s.place_name}　${s.anonymous ? '匿名' : '实名'}　${s.audience === 'owners' ? '仅业主' : '全体居民'}　${s.answer_per === 'household' ? '每户一份' : '每人一份'}`]);
  sheet.addRow([`参与：${results.participation.answered} / ${results.participation.eligible}（${s.answer_per === 'household' ? '户' : '人'}）`]);
  for (const q of results.questions) {
    sheet.addRow([]);
    sheet.addRow([`第${q.no}题`, `${q.prompt}（${KIND_ZH[q.kind]}）`, `作答 ${q.answered}`]).font = { bold: true };
    if ('options' in q && q.options) {
      sheet.addRow(['', '选项', '票数', '占比']);
      for (const o of q.options) sheet.addRow(['', o.label, o.count, formatShare(o.shareTenths)]);
    } else if ('scale' in q && q.scale) {
      sheet.addRow(['', '分值', '人数', '占比']);
      for (const d of q.scale.distribution) sheet.addRow(['', d.value, d.count, formatShare(d.shareTenths)]);
      const { numerator, denominator } = q.scale.mean;
      sheet.addRow(['', '平均分', denominator === 0 ? '—' : `${numerator}/${denominator}`, denominator === 0 ? '' : (Math.round((numerator * 100) / denominator) / 100).toFixed(2)]);
    } else {
      for (const r of responses) {
        const a = r.answers.find((x) => x.no === q.no);
        if (a?.text) sheet.addRow(['', a.text]);
      }
    }
  }
  const raw = wb.addWorksheet('答卷');
  raw.addRow([...(s.anonymous ? ['日期'] : ['填写人', '房屋', '时间']), ...questions.map((q) => `${q.no}. ${q.prompt}`)]).font = { bold: true };
  const show = (no: number, a: { choices: number[] | null; scale: number | null; text: string | null } | undefined) => {
    const q = questions.find((x) => x.no === no)!;
    if (!a) return '';
    if (a.choices) return a.choices.map((c) => q.options[c]).join('；');
    return a.scale ?? a.text ?? '';
  };
  for (const r of responses) {
    const when = s.anonymous ? [r.submittedOn] : [r.respondent ?? '', r.room ?? '', r.submittedAt ? r.submittedAt.toISOString() : r.submittedOn];
    raw.addRow([...when, ...questions.map((q) => show(q.no, r.answers.find((a) => a.no === q.no)))]);
  }
  return { fileName: `${s.title}-问卷结果.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
