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
  // Payments part
  PAY_ORDER_NOT_FOUND: [404, '支付订单不存在或不在您的范围内', 'Pay order not found or outside your scope'],
  BILLS_OF_ONE_ROOM: [400, '一次只能缴同一房屋的账单', 'One payment covers the bills of one room'],
  GATEWAY_SIGNATURE: [401, '通知签名无效，未处理', 'The notification is not signed by the merchant key; nothing was done'],
  GATEWAY_UNKNOWN_ORDER: [404, '通知所指订单不存在，未处理', 'The notification names no known order; nothing was done'],
  GATEWAY_UNKNOWN_PROVIDER: [404, '未知的支付渠道', 'Unknown payment provider'],
  GATEWAY_FAILED: [502, '支付渠道暂时不可用，请稍后再试', 'The payment provider is unavailable; please try again later'],
  REFUND_TOO_MUCH: [409, '退款 {amount} 元超过可退金额 {left} 元', 'A refund of {amount} yuan exceeds the {left} yuan that can be refunded'],
  REFUND_VOUCHER_REQUIRED: [400, '柜台缴费退款须填写退款凭证号', 'A counter refund needs the voucher number of the cash paid out'],
  SANDBOX_ORDER_NOT_FOUND: [404, '沙箱订单不存在或已支付', 'Sandbox order not found or no longer payable'],
  STATEMENT_INVALID: [400, '对账单格式不符（首行应为 {header}）', 'Not a statement file (its first line must be {header})'],
  RECON_DIFF_NOT_FOUND: [404, '对账差异不存在或不在您的范围内', 'Reconciliation difference not found or outside your scope'],
  RECON_DIFF_RESOLVED: [409, '该差异已处理', 'This difference is resolved already'],
  ORDER_NOT_FLAGGED: [409, '该订单不是待处理的异常订单', 'This order is not a flagged one awaiting resolution'],
  COMPANY_NOT_FOUND: [404, '物业公司不存在或不在您的范围内', 'Property company not found or outside your scope'],
  PERIOD_INVALID: [400, '结算期间格式应为 YYYY-MM 或 YYYY-MM-DD', 'A settlement period is YYYY-MM or YYYY-MM-DD'],
  SETTLEMENT_EXISTS: [409, '该公司该期间的结算批次已存在', 'A settlement batch for this company, channel and period exists already'],
  SETTLEMENT_NOT_FOUND: [404, '结算批次不存在或不在您的范围内', 'Settlement batch not found or outside your scope'],
  SETTLEMENT_STATE: [409, '结算批次当前状态不允许此操作', 'The settlement batch is not in a state that allows this'],
  BANK_STATEMENT_REQUIRED: [400, '银行渠道须填写银行到账金额和流水号', 'The bank channel needs the amount and reference of the bank statement'],
});
