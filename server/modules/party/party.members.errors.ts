import { defineErrors } from '../../kernel/errors.ts';

/** The members part's own errors (member records, the branch hosts); shared ones are in party.errors.ts. */
export const MemberErrors = defineErrors({
  PERSON_NOT_FOUND: [404, '人员不存在或不在您的管辖范围内', 'Person not found or outside your scope'],
  MEMBER_EXISTS: [409, '此人已是本街道登记在册的党员', 'This person already has a party member record in this street'],
  MEMBER_NO_HOME: [400, '在职党员须登记在本街道的社区或小区', 'An employed member must be registered at a community or compound of this street'],
  BRANCH_INVALID: [400, '所在支部须是本街道党组织体系内的党组织', "The branch must be a party organisation of the street's tree"],
  WORKPLACE_ORG_INVALID: [400, '在职党员的组织关系须在单位党组织', "An employed member's organisation must be a workplace party organisation"],
  JOINED_IN_FUTURE: [400, '入党日期不能晚于今天', 'The joining date cannot be in the future'],
  LEFT_BEFORE_JOINED: [400, '转出日期不能早于入党日期，也不能晚于今天', 'The leaving date must be between the joining date and today'],
  MEMBER_LEFT: [409, '该党员已转出，记录不可再修改', 'This member has left; the record can no longer be changed'],
  HOST_INVALID: [400, '只能关联到本街道的物业服务企业', 'A branch can only be linked to a property company of this street'],
  BRANCH_NOT_FOUND: [404, '党组织不存在或不在您的管辖范围内', 'Party organisation not found or outside your scope'],
});
