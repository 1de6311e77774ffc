import { defineErrors } from '../../kernel/errors.ts';

/** The activities part's errors (party activities and their sign-in). */
export const ActivitiesErrors = defineErrors({
  ACTIVITY_NOT_FOUND: [404, '活动不存在或不在您的管辖范围内', 'Activity not found or outside your scope'],
  BRANCH_NOT_FOUND: [404, '党组织不存在或不在您的管辖范围内', 'Party organisation not found or outside your scope'],
  BRANCH_NOT_IN_COMMUNITY: [400, '组织活动的党组织须属于某个社区', 'The organising party organisation must belong to a community'],
  TIMES_INVALID: [400, '活动开始时间须早于结束时间', 'An activity must start before it ends'],
  ACTIVITY_CANCELLED: [409, '活动已取消', 'The activity has been cancelled'],
  NO_AUDIENCE: [400, '该党组织没有可邀请的党员', 'The party organisation has no members to invite'],
  ATTENDEE_NOT_FOUND: [404, '参加人员不存在', 'Attendee not found'],
  CODE_INVALID: [400, '签到码不正确，请核对后重试', 'The sign-in code is not correct; check it and try again'],
  CODE_EXPIRED: [400, '签到码已过期，请向工作人员索取新的签到码', 'The sign-in code has expired; ask the staff for a new one'],
  NOT_INVITED: [403, '您不在本次活动的参加人员名单中', 'You are not invited to this activity'],
});
