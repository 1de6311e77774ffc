import { defineErrors } from '../../kernel/errors.ts';

/** The lending part's errors (tools and books lent between neighbours). */
export const LendingErrors = defineErrors({
  LENDING_ITEM_NOT_FOUND: [404, '物品不存在或已下架', 'The item does not exist or is no longer listed'],
  LOAN_NOT_FOUND: [404, '借用记录不存在', 'Loan not found'],
  LENDING_OWN_ITEM: [409, '不能借用自己发布的物品', 'You cannot borrow your own item'],
  LENDING_ITEM_LENT: [409, '该物品已借出，请等物主确认归还后再申请', 'The item is lent out; ask again once its owner has confirmed the return'],
  LENDING_REQUEST_EXISTS: [409, '您已申请借用该物品，请等待物主处理', 'You have already asked to borrow this item; wait for its owner'],
  LOAN_NOT_PENDING: [409, '该借用申请已处理', 'This request has already been dealt with'],
  LOAN_NOT_LENT: [409, '该物品不在借出状态', 'The item is not lent out'],
});
