import type { Locale } from '../../../kernel/errors.ts';
import { FIELD_LABELS, type Field } from './columns.ts';

/**
 * What an import finds wrong (errors: the row cannot be imported) or will change (updates: an
 * existing room or holder differs from the file), each tied to a file row and column, with a
 * message in zh-CN and en. Parameters named `field` hold a Field and are shown as its label.
 */
const MESSAGES = {
  // ——— file level ———
  REQUIRED_COLUMNS: ['文件缺少必需的列：{fields}（请在映射步骤中指定）', 'The file lacks required columns: {fields} (map them in the mapping step)'],
  NO_HEADER: ['未找到表头行（前10行中应有“楼栋”“单元”“房号”等列名）', 'No header row found (the first ten rows should name columns such as 楼栋, 单元, 房号)'],
  NO_ROWS: ['文件中没有数据行', 'The file has no data rows'],
  // ——— one cell ———
  MISSING: ['缺少{field}', '{field} is missing'],
  TOO_LONG: ['{field}过长（最多{max}个字）', '{field} is too long (at most {max} characters)'],
  ID_INVALID: ['身份证号“{value}”校验不通过', 'ID number "{value}" fails its checksum'],
  ID_AS_NUMBER: [
    '身份证号“{value}”被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”后重新填写',
    'ID number "{value}" was stored by Excel as a number and lost its last digits; format the column as text and re-enter it',
  ],
  PHONE_INVALID: ['手机号“{value}”格式不正确', 'Mobile number "{value}" is not valid'],
  AREA_INVALID: ['面积“{value}”不是正数', 'Area "{value}" is not a positive number'],
  AREA_DECIMALS: ['面积“{value}”超过两位小数', 'Area "{value}" has more than two decimals'],
  AREA_ABSURD: ['面积 {value} ㎡ 不合常理（应在 1 至 10000 ㎡ 之间）', 'An area of {value} m² is implausible (expected 1 to 10,000 m²)'],
  FLOOR_INVALID: ['楼层“{value}”应为 -10 至 200 之间的整数', 'Floor "{value}" should be a whole number from -10 to 200'],
  VALUE_UNKNOWN: ['{field}“{value}”无法识别，可填：{allowed}', '{field} "{value}" is not recognised; use one of: {allowed}'],
  SHARE_INVALID: ['份额“{value}”无效（如 100%、50%、1/2、0.5）', 'Share "{value}" is not valid (e.g. 100%, 50%, 1/2, 0.5)'],
  SHARE_REQUIRED: ['同一房屋的业主、共有人有的填了份额、有的没填：请都填写', 'Some owners of this room have a share and some do not: fill in all of them'],
  SHARE_TOTAL: ['房屋 {room} 的业主份额合计 {total}% ，超过 100%', 'The owners\' shares of room {room} add up to {total}%, more than 100%'],
  OWNER_NEEDS_ID: ['业主、共有人须填写身份证号', 'Owners and co-owners need an ID number'],
  NAME_REQUIRED: ['填写了{field}，但缺少姓名', '{field} is given but the name is missing'],
  RELATION_REQUIRED: ['填写了姓名，但缺少关系（业主/共有人/租户/家属）', 'A name is given but the relation is missing (owner/co-owner/tenant/family)'],
  // ——— across rows ———
  ROOM_CONFLICT: ['同一房屋在第 {otherRow} 行的{field}为“{other}”，与本行“{value}”不同', 'The same room has {field} "{other}" on row {otherRow}, not "{value}" as here'],
  DUPLICATE_ROW: ['与第 {otherRow} 行重复（同一房屋、同一人员）', 'Repeats row {otherRow} (same room, same person)'],
  ID_TWO_NAMES: ['此身份证号在第 {otherRow} 行的姓名为“{other}”，与本行不同', 'This ID number belongs to "{other}" on row {otherRow}, not to this name'],
  PERSON_TWO_IDS: ['同一人员（姓名和手机号相同）在第 {otherRow} 行填写了另一个身份证号', 'The same person (same name and mobile) has another ID number on row {otherRow}'],
  ROOM_NEEDS_AREA: ['新房屋须填写专有面积', 'A new room needs its exclusive area'],
  // ——— against the registry ———
  COMPOUND_MISMATCH: ['小区“{value}”与所选小区“{target}”不一致', 'Compound "{value}" is not the chosen compound "{target}"'],
  COMPOUND_UNKNOWN: ['所选地点下没有名为“{value}”的小区', 'There is no compound named "{value}" under the chosen place'],
  COMPOUND_AMBIGUOUS: ['所选地点下有多个名为“{value}”的小区，请改为按小区分别导入', 'Several compounds are named "{value}" under the chosen place; import each compound separately'],
  ID_REGISTERED_OTHER_NAME: ['此身份证号已登记在另一姓名下（{other}）', 'This ID number is registered under another name ({other})'],
  PERSON_REGISTERED_OTHER_ID: ['此人（姓名和手机号相同）已登记了另一个身份证号（{other}）', 'This person (same name and mobile) is registered with another ID number ({other})'],
  // ——— updates (not errors) ———
  ROOM_UPDATE: ['房屋{field}将由“{other}”改为“{value}”', 'Room {field} changes from "{other}" to "{value}"'],
  SHARE_UPDATE: ['份额将由 {other} 改为 {value}', 'Share changes from {other} to {value}'],
  PERSON_UPDATE: ['人员{field}将更新', 'The person\'s {field} will be updated'],
} as const satisfies Record<string, readonly [string, string]>;

export type IssueCode = keyof typeof MESSAGES;
export type IssueParams = Record<string, string | number>;

export interface Issue {
  /** File row (1-based, as Excel shows it); 0 for the file as a whole. */
  row: number;
  /** Column letter and header in the file, or null when the issue is about the whole row. */
  column: string | null;
  header: string | null;
  field: Field | null;
  level: 'error' | 'update';
  code: IssueCode;
  params: IssueParams;
}

const fill = (template: string, params: IssueParams, locale: Locale) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return `{${k}}`;
    if (k === 'field' && typeof v === 'string' && v in FIELD_LABELS) return FIELD_LABELS[v as Field][locale];
    if (k === 'fields' && typeof v === 'string')
      return v
        .split(',')
        .map((f) => FIELD_LABELS[f as Field]?.[locale] ?? f)
        .join(locale === 'en' ? ', ' : '、');
    return String(v);
  });

export function issueMessage(issue: Pick<Issue, 'code' | 'params'>, locale: Locale): string {
  const [zh, en] = MESSAGES[issue.code];
  return fill(locale === 'en' ? en : zh, issue.params, locale);
}

/** An issue as the API and the report present it: both languages, so a report can be read by either. */
export function presentIssue(issue: Issue, locale: Locale) {
  return {
    row: issue.row,
    column: issue.column,
    header: issue.header,
    field: issue.field,
    level: issue.level,
    code: issue.code,
    message: issueMessage(issue, locale),
    messageZh: issueMessage(issue, 'zh-CN'),
    messageEn: issueMessage(issue, 'en'),
  };
}
export type PresentedIssue = ReturnType<typeof presentIssue>;
