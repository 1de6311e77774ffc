import ExcelJS from 'exceljs';
import type { Ctx } from '../../../kernel/context.ts';
import { MATTER_LABELS } from '../decisions.constants.ts';
import { read } from '../decisions.db.ts';
import { itemsOf } from '../decisions.repository.ts';
import type { ItemTally } from '../tally.ts';
import { itemOutcome, type StoredResult } from '../outcome.ts';
import { decisionFor } from './decision-access.ts';

const m2 = (centi: number) => centi / 100;

/** 表决结果汇总表 as xlsx: per item, participation and each choice by area and heads, the quorum and the threshold, the result; the 从众 tally beneath, labelled with its clause. */
export async function resultSummaryXlsx(ctx: Ctx, id: string): Promise<{ fileName: string; content: Buffer }> {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'read', { status: ['closed', 'published'] });
  const items = await itemsOf(db, d.street_id, d.id);
  const result = d.result as StoredResult;
  const en = ctx.actor.locale === 'en';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(en ? 'Summary' : '表决结果汇总表');
  sheet.addRow([d.title]).font = { bold: true, size: 14 };
  sheet.addRow([`${en ? 'Scope' : '表决范围'}：${d.place_label}`]);
  sheet.addRow([
    `${en ? 'Roll' : '名册'}：${result.totals.heads} ${en ? 'heads' : '人'}，${m2(result.totals.areaCenti)} m²`,
    `${en ? 'Took part' : '参与表决'}：${result.participating.heads} ${en ? 'heads' : '人'}，${m2(result.participating.areaCenti)} m²`,
  ]);
  sheet.addRow([]);
  const header = [
    en ? 'Item' : '事项',
    en ? 'Matter (art. 278)' : '事项类别（第278条）',
    en ? 'Threshold' : '表决规则',
    en ? 'Took part: heads' : '参与人数',
    en ? 'Took part: m²' : '参与面积（m²）',
    en ? 'For: heads' : '同意人数',
    en ? 'For: m²' : '同意面积（m²）',
    en ? 'Against: heads' : '反对人数',
    en ? 'Against: m²' : '反对面积（m²）',
    en ? 'Abstain: heads' : '弃权人数',
    en ? 'Abstain: m²' : '弃权面积（m²）',
    en ? 'Quorum (⅔)' : '参与表决达⅔',
    en ? 'Result' : '结果',
  ];
  const line = (i: ItemTally) => {
    const item = items.find((x) => x.no === i.no)!;
    return [
      `${i.no}. ${item.title}`,
      `（${i.matter}）${MATTER_LABELS[i.matter]![en ? 'en' : 'zh-CN']}`,
      i.threshold === 'three_quarters' ? (en ? '≥ ¾ of area and heads taking part' : '参与表决面积和人数均达¾以上同意') : en ? '> ½ of area and heads taking part' : '参与表决面积和人数均过半数同意',
      i.participating.heads,
      m2(i.participating.areaCenti),
      i.for.heads,
      m2(i.for.areaCenti),
      i.against.heads,
      m2(i.against.areaCenti),
      i.abstain.heads,
      m2(i.abstain.areaCenti),
      i.quorum.met ? (en ? 'Yes' : '是') : en ? 'No' : '否',
      itemOutcome(result, i, en ? 'en' : 'zh-CN'),
    ];
  };
  sheet.addRow([en ? 'Civil Code tally (the legal result)' : '《民法典》计票（法定结果）']).font = { bold: true };
  sheet.addRow(header).font = { bold: true };
  for (const i of result.items) sheet.addRow(line(i));
  if (result.adjusted) {
    sheet.addRow([]);
    sheet.addRow([`${en ? 'Counted under the rules of procedure (for reference)' : '按议事规则计票（仅供参考）'}：${result.adjusted.clause}`]).font = { bold: true };
    sheet.addRow(header).font = { bold: true };
    for (const i of result.adjusted.items) sheet.addRow(line(i));
  }
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 30;
  sheet.getColumn(3).width = 28;
  return { fileName: `${d.title}-表决结果汇总表.xlsx`, content: Buffer.from(await book.xlsx.writeBuffer()) };
}
