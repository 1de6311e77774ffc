import { defineErrors } from '../../kernel/errors.ts';

/** The activities part's errors (volunteer activities, sign-up, sign-in codes, hours). */
export const VolActivitiesErrors = defineErrors({
  ACTIVITY_NOT_FOUND: [404, '活动不存在或不在您的范围内', 'Activity not found or outside your scope'],
  ACTIVITY_PLACE_INVALID: [400, '活动须由社区或小区组织', 'An activity is organised by a community or a compound'],
  TIMES_INVALID: [400, '活动开始时间须早于结束时间', 'An activity must start before it ends'],
  ACTIVITY_FULL: [409, '活动名额已满', 'The activity is full'],
  ACTIVITY_CLOSED: [409, '活动已取消或已结束', 'The activity has been cancelled or has finished'],
  SIGN_UP_CLOSED: [409, '活动已结束，不能报名', 'The activity is over; sign-up is closed'],
  ALREADY_SIGNED_UP: [409, '您已报名该活动', 'You have already signed up for this activity'],
  NOT_SIGNED_UP: [403, '您没有报名该活动', 'You have not signed up for this activity'],
  CANCEL_TOO_LATE: [409, '活动已开始，不能取消报名', 'The activity has started; the sign-up can no longer be cancelled'],
  CODE_INVALID: [400, '签到码不正确，请核对后重试', 'The code is not correct; check it and try again'],
  CODE_EXPIRED: [400, '签到码已过期，请看组织者手机上的最新签到码', "The code has expired; use the current one on the organiser's phone"],
  NOT_SIGNED_IN: [409, '您尚未签到，请先输入签到码', 'You have not signed in yet; enter the sign-in code first'],
  SIGNUP_NOT_FOUND: [404, '报名记录不存在', 'Sign-up not found'],
  SIGN_OUT_BEFORE_IN: [400, '签退时间不能早于签到时间', 'The sign-out cannot be earlier than the sign-in'],
  NOT_SIGNED_OUT: [409, '该志愿者尚未签退，请先补录签退时间', 'The volunteer has not signed out; record the sign-out first'],
  NOTHING_TO_CONFIRM: [409, '没有待确认的服务时长', 'There are no hours waiting for confirmation'],
  ALREADY_CONFIRMED: [409, '该志愿者的服务时长已确认，不能修改', "The volunteer's hours are confirmed and can no longer change"],
});
