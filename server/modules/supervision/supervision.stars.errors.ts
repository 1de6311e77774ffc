import { defineErrors } from '../../kernel/errors.ts';

/** The stars part's refusals (the shared ones — place, compound, period — are in supervision.errors.ts). */
export const StarsErrors = defineErrors({
  APPLICATION_NOT_FOUND: [404, '未找到该星级申请', 'Star application not found'],
  NOT_A_STREET: [400, '请选择一个街道', 'Choose a street'],
  MINIMUMS_INVALID: [400, '各星级的最低分须在 0.01–100 之间，且星级越高分数越高', 'Each star’s lowest score must be within 0.01–100 and rise with the stars'],
  SHARE_ABOVE_CAP: [400, '物业企业分配比例上限不能超过 30%', 'The property company’s share cannot be set above 30%'],
  APPLICATION_OPEN: [409, '该小区已有一份未完成的星级申请', 'This compound already has an open star application'],
  LEVEL_NOT_ABOVE: [409, '申请的星级须高于小区现有星级（现为 {current} 星）', 'The level applied for must be above the compound’s current star ({current})'],
  NOT_ASSESSOR: [400, '所选账号不是本街道的第三方评估员', 'The account chosen is not a third-party assessor of this street'],
  WRONG_STATUS: [409, '该申请当前状态不能进行此操作', 'The application’s status does not allow this now'],
  NO_SHEET: [409, '本季度没有生效的有礼小区评价表', 'No 有礼小区 sheet is in force for this quarter'],
  NOT_SCORED: [409, '评估员尚未提交评分', 'The assessor has not submitted the score yet'],
  NO_REWARD: [409, '本次星级确认没有奖励（未升到新的星级）', 'This confirmation earned no reward (no new level reached)'],
  ALLOCATION_TOTAL: [409, '分配合计 {total} 元，须恰好等于奖励 {reward} 元', 'The lines add up to {total} yuan; they must equal the reward of {reward} yuan'],
  COMPANY_SHARE: [
    409,
    '物业企业分得 {company} 元，占奖励 {reward} 元的 {percent}%，超过上限 {cap}%',
    'The property company would get {company} yuan, {percent}% of the {reward} yuan reward, above the cap of {cap}%',
  ],
  RECIPIENT_INVALID: [400, '第 {line} 行的受领单位不是本小区的{kind}', 'Line {line}: the recipient is not this compound’s {kind}'],
  ALLOCATION_PAID: [409, '奖励已列入结算单，分配不能再更改', 'The reward is on a payout statement; its allocation can no longer change'],
});
