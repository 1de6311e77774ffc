import { defineErrors } from '../../kernel/errors.ts';

/** The boards part's errors: listings, requests on them, reports and moderation, the banned-word list. */
export const BoardsErrors = defineErrors({
  LISTING_NOT_FOUND: [404, '信息不存在、已被隐藏或不在您的范围内', 'Listing not found, hidden or outside your scope'],
  NOT_YOUR_LISTING: [403, '只有发布人可以这样做', 'Only the person who posted it can do this'],
  OWN_LISTING: [400, '不能申请或举报自己发布的信息', 'You cannot ask for or report your own listing'],
  WRONG_KIND: [400, '这类信息不能这样操作', 'This kind of listing does not allow this'],
  LISTING_NOT_OPEN: [409, '该信息已预留、已送出、已满或已关闭', 'This listing is reserved, given, full or closed'],
  LISTING_HIDDEN: [409, '该信息已被隐藏', 'This listing has been hidden'],
  CARPOOL_DEPARTED: [409, '该拼车的出发时间已过', 'This ride has already left'],
  REQUEST_EXISTS: [409, '您已申请过该信息', 'You have already asked about this listing'],
  SEATS_EXCEEDED: [409, '剩余座位 {left} 个，不够 {wanted} 个', '{left} seat(s) left, not enough for {wanted}'],
  REQUEST_NOT_FOUND: [404, '申请不存在', 'Request not found'],
  REQUEST_NOT_PENDING: [409, '该申请已处理', 'This request has already been dealt with'],
  NOT_RESERVED: [409, '请先为一位邻居预留，再标记为已送出', 'Reserve it for a neighbour before marking it given'],
  ALREADY_REPORTED: [409, '您已举报过该信息，社区会尽快处理', 'You have already reported this listing; the community will look into it'],
  ALREADY_HIDDEN: [409, '该信息已被隐藏', 'This listing is already hidden'],
  NOT_HIDDEN: [409, '该信息未被隐藏', 'This listing is not hidden'],
  REPORT_NOT_FOUND: [404, '举报不存在或不在您的管辖范围内', 'Report not found or outside your scope'],
  REPORT_NOT_OPEN: [409, '该举报已处理', 'This report has already been dealt with'],
  WORD_EXISTS: [409, '敏感词「{word}」已在列表中', 'The word "{word}" is already on the list'],
  WORD_NOT_FOUND: [404, '敏感词不存在或不在您的管辖范围内', 'Word not found or outside your scope'],
  STREET_REQUIRED: [400, '请先选择街道或社区', 'Choose a street or community first'],
});
