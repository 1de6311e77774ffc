import { defineErrors } from '../../kernel/errors.ts';

/** The fees module's refusals, each with a stable code and its zh-CN and en messages. Parts add theirs here. */
export const FeesErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  NOT_A_COMPOUND: [400, '收费项目须设在小区', 'Fee items belong to a compound'],
  BILL_NOT_FOUND: [404, '账单不存在或不在您的范围内', 'Bill not found or outside your scope'],
  BILL_NOT_OPEN: [409, '账单已缴清或已核销，不能再缴', 'The bill is paid or written off already'],
  BILLS_MIXED: [400, '一次只能缴同一小区的账单', 'One payment covers bills of one compound'],
  PAYMENT_AMOUNT_MISMATCH: [409, '金额 {paid} 元与账单应缴 {due} 元不符，未入账', 'The amount {paid} yuan does not match the {due} yuan due; nothing was booked'],
  PAYMENT_NOT_FOUND: [404, '缴费记录不存在或不在您的范围内', 'Payment not found or outside your scope'],
  RECEIPT_NOT_FOUND: [404, '收据不存在或不在您的范围内', 'Receipt not found or outside your scope'],
});
