import { defineErrors } from '../../kernel/errors.ts';

/** The letters part's errors (the annual service letter and 函告). */
export const LettersErrors = defineErrors({
  LETTER_NOT_FOUND: [404, '函件不存在或不在您的管辖范围内', 'Letter not found or outside your scope'],
  LETTER_EXISTS: [409, '该社区本年度已有致该单位的年度函', 'This community already has an annual letter to this organisation for the year'],
  YEAR_IN_FUTURE: [422, '年度不能晚于今年', 'The year cannot be in the future'],
  NOT_A_COMMUNITY: [422, '请选择一个社区', 'Choose a community'],
  NOT_A_WORKPLACE_ORG: [422, '请选择一个报到单位党组织', 'Choose a workplace party organisation'],
  NOT_EMPLOYED_MEMBER: [422, '该党员不是该单位党组织的在职党员', 'This member is not an employed member of that organisation'],
  WRONG_STATUS: [409, '函件当前状态不允许此操作', 'The letter’s status does not allow this'],
});
