import { defineErrors } from '../../kernel/errors.ts';

/** The green part's errors (认栽认养). */
export const GreenErrors = defineErrors({
  PLOT_NOT_FOUND: [404, '绿地不存在或不在您的范围内', 'Green plot not found or outside your scope'],
  NOT_A_COMPOUND: [400, '绿地只能登记在小区', 'A green plot belongs to a compound'],
  PLOT_CLOSED: [409, '该绿地已关闭，不能认养', 'This plot is closed and cannot be adopted'],
  PLOT_HAS_ADOPTION: [409, '该绿地仍有进行中的认养，请先结束认养再关闭', 'This plot is still adopted: end the adoption before closing it'],
  PERIOD_INVALID: [400, '认养期限有误：结束日期不能早于开始日期或已经过去，开始日期须在一年前至两年后之间', 'The period is invalid: it must end on or after it starts and not in the past, and start between a year ago and two years ahead'],
  PERIOD_TOO_LONG: [400, '认养期限最长两年（最晚至 {latest}）', 'An adoption runs at most two years (until {latest} at the latest)'],
  PERIOD_TAKEN: [409, '该绿地在 {from} 至 {to} 已被认养，与申请的期限重叠', 'The plot is adopted from {from} to {to}, which overlaps the period asked for'],
  ALREADY_APPLIED: [409, '您已申请认养该绿地，请等待审核', 'You have already applied to adopt this plot; please wait for the review'],
  ROOM_NOT_YOURS: [400, '所选房屋不是您在该小区的住所', 'The room chosen is not your home in this compound'],
  ADOPTION_NOT_FOUND: [404, '认养记录不存在或不在您的范围内', 'Adoption not found or outside your scope'],
  ADOPTION_NOT_PENDING: [409, '该申请已处理', 'This application has already been decided'],
  ADOPTION_NOT_ACTIVE: [409, '该认养不在进行中', 'This adoption is not active'],
  NOT_THE_ADOPTER: [403, '只有认养人（或其同住家庭成员）可以记录养护', 'Only the adopter (or their household) may record care'],
});
