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
  // The arrears part: receipts, invoices, arrears, reminders and cases.
  RECEIPT_VOIDED: [409, '收据已作废', 'The receipt is voided already'],
  RECEIPT_VOID_PENDING: [409, '该收据已有待审批的作废申请', 'A request to void this receipt waits for approval already'],
  INVOICE_NOT_FOUND: [404, '发票申请不存在或不在您的范围内', 'Invoice request not found or outside your scope'],
  INVOICE_PENDING: [409, '该收据已有发票申请在办理或已开具', 'An invoice for this receipt is requested or issued already'],
  INVOICE_NOT_REQUESTED: [409, '该发票申请已处理', 'This invoice request is decided already'],
  INVOICE_RECEIPT_VOIDED: [409, '已作废的收据不能申请发票', 'A voided receipt cannot be invoiced'],
  NOT_COMPOUND_OR_BUILDING: [400, '请选择小区或楼栋', 'Choose a compound or a building'],
  NO_ARREARS: [409, '所选范围内没有符合条件的欠费房屋', 'No room in arrears matches'],
  ROOM_NOT_IN_ARREARS: [409, '该房屋没有逾期未缴的账单', 'The room has no overdue bill'],
  REMINDER_BATCH_NOT_FOUND: [404, '催缴批次不存在或不在您的范围内', 'Reminder batch not found or outside your scope'],
  CASE_NOT_FOUND: [404, '欠费处置案件不存在或不在您的范围内', 'Arrears case not found or outside your scope'],
  CASE_OPEN_ALREADY: [409, '该房屋已有进行中的欠费处置案件', 'The room has an arrears case in progress already'],
  CASE_WRONG_STEP: [409, '案件当前状态不能进行此操作', 'The case is not at a step that allows this'],
});
