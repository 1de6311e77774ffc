import { defineErrors } from '../../kernel/errors.ts';

export const OpinionErrors = defineErrors({
  OPINION_NOT_FOUND: [404, '意见不存在或您无权查看', 'Opinion not found or not visible to you'],
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  NOT_A_RESIDENT: [403, '只有登记在册的居民才能发表意见', 'Only registered residents can post opinions'],
  ROOM_NOT_MINE: [400, '所选房屋不是您当前居住或拥有的房屋', 'The chosen room is not one of your current rooms'],
  ROOM_REQUIRED: [400, '您在多个小区有房屋，请选择发给哪个小区', 'You have rooms in several compounds: choose a room'],
  ADDRESSEE_UNAVAILABLE: [400, '本小区暂无{zh}，请选择其他接收方', 'This compound has no {en}; choose another addressee'],
  OWN_OPINION: [409, '不能为自己发表的意见点“我也遇到”', 'You cannot add "me too" to your own post'],
  ME_TOO_EXISTS: [409, '您已经点过“我也遇到”', 'You already added "me too" to this post'],
  ME_TOO_NOT_FOUND: [404, '您还没有点过“我也遇到”', 'You have not added "me too" to this post'],
  ME_TOO_NOT_ALLOWED: [403, '只有本小区居民可以对公开意见点“我也遇到”', 'Only residents of this compound can add "me too" to a public post'],
  ALREADY_ANSWERED: [409, '该意见已经答复过了', 'This opinion has already been answered'],
  NOT_ANSWERED: [409, '该意见尚未答复，暂不能评价', 'This opinion has not been answered yet'],
  ALREADY_RATED: [409, '您已经评价过该答复', 'You have already rated this answer'],
  ONLY_POSTER_RATES: [403, '只有发表人可以评价答复', 'Only the poster can rate the answer'],
  NOT_PUBLIC: [409, '只有公开的意见可以屏蔽', 'Only public posts can be hidden'],
  ALREADY_HIDDEN: [409, '该意见已被屏蔽', 'This post is already hidden'],
  NOT_HIDDEN: [409, '该意见未被屏蔽', 'This post is not hidden'],
  HIDDEN: [409, '该意见已被屏蔽，请先恢复', 'This post is hidden; restore it first'],
  ALREADY_PROMOTED: [409, '该意见已转为议题', 'This opinion is already marked for deliberation'],
});
