import ExcelJS from 'exceljs';
import { FIELDS, TEMPLATE_HEADERS } from '../import/columns.ts';

/**
 * The import template: one sheet to fill in (Chinese headers, two example rows, lists for the
 * fixed vocabularies, ID numbers and mobiles formatted as text) and one sheet of instructions.
 */
export async function importTemplateXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('住户导入');
  sheet.addRow(FIELDS.map((f) => TEMPLATE_HEADERS[f]));
  sheet.addRow(['阳光花园', '1栋', '1单元', '1801', 18, '89.50', '不动产登记', '住宅', '张三', '110101199003074514', '13900000001', '业主', '50%', '党员']);
  sheet.addRow(['阳光花园', '1栋', '1单元', '1801', 18, '89.50', '不动产登记', '住宅', '李四', '110101199205128824', '13900000002', '共有人', '50%', '']);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDECEA' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const widths: Record<string, number> = { compound: 14, building: 8, unit: 8, room: 8, floor: 6, area: 13, areaSource: 12, use: 8, name: 10, idNumber: 22, phone: 14, relation: 8, share: 8, tags: 16 };
  FIELDS.forEach((f, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = widths[f] ?? 10;
    if (f === 'idNumber' || f === 'phone' || f === 'room' || f === 'area') col.numFmt = '@';
  });
  const list = (f: (typeof FIELDS)[number], values: string) => {
    const letter = String.fromCharCode(65 + FIELDS.indexOf(f));
    // exceljs has no public range API for validations; a generous fixed range covers a street.
    (sheet as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(`${letter}2:${letter}200000`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values}"`],
    });
  };
  list('areaSource', '不动产登记,实测,合同');
  list('use', '住宅,商业,车位');
  list('relation', '业主,共有人,租户,家属');

  const help = book.addWorksheet('填写说明');
  help.getColumn(1).width = 16;
  help.getColumn(2).width = 90;
  const lines: [string, string][] = [
    ['列', '说明 / Notes'],
    ['小区', '可不填；导入到街道或社区时必填，须是已登记的小区名称。Compound: required when importing into a place above compounds.'],
    ['楼栋 单元 房号', '必填。楼栋、单元、房屋不存在时自动新建。Building, unit and room are required; missing ones are created.'],
    ['楼层', '整数，-10 至 200。Floor: whole number.'],
    ['专有面积(㎡)', '新房屋必填；正数，最多两位小数。已有房屋面积不同时将更新。Area: required for new rooms, at most two decimals.'],
    ['面积来源', '不动产登记 / 实测 / 合同；不填按“不动产登记”。Area source, default register.'],
    ['用途', '住宅 / 商业 / 车位；不填按“住宅”。Use, default residential.'],
    ['姓名 身份证号 手机号', '每行一人；业主、共有人须填身份证号。同一人出现在多套房屋时身份证号相同即可。One person per row; owners need an ID number.'],
    ['关系', '业主 / 共有人 / 租户 / 家属。Relation: owner / co-owner / tenant / family.'],
    ['份额', '业主、共有人的产权份额，如 100%、50%、1/2；都不填时按人数均分。Share: e.g. 100%, 50%, 1/2; blank means equal shares.'],
    ['标签', '党员、低保、特困、老年人、残疾人、志愿者，可填多个，用顿号分隔。Tags, separated by 、'],
    ['重复导入', '同一文件再次导入不会重复登记：房屋按“小区+楼栋+单元+房号”、人员按身份证号识别。Re-importing a file changes nothing.'],
  ];
  for (const l of lines) help.addRow(l);
  help.getRow(1).font = { bold: true };
  help.getColumn(2).alignment = { wrapText: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
