import { defineErrors } from '../../kernel/errors.ts';

/** The registry part's errors: registration and review, teams, rewards and their redemptions. */
export const RegistryErrors = defineErrors({
  ALREADY_REGISTERED: [409, '您已在本街道注册为志愿者（状态：{status}）', 'You are already registered as a volunteer in this street (status: {status})'],
  CONSENT_REQUIRED: [400, '请阅读并同意志愿者服务承诺', 'Read and agree to the volunteer pledge first'],
  NOT_A_PERSON: [403, '您的账号尚未关联住户信息，无法实名注册', 'Your account is not linked to a registered person, so you cannot register by real name'],
  VOLUNTEER_NOT_FOUND: [404, '志愿者不存在或不在您的管辖范围内', 'Volunteer not found or outside your scope'],
  STATUS_NOT_ALLOWED: [409, '该志愿者当前状态为「{status}」，不能进行此操作', 'The volunteer is "{status}"; this cannot be done now'],
  TEAM_NOT_FOUND: [404, '队伍不存在或不在您的管辖范围内', 'Team not found or outside your scope'],
  TEAM_NAME_TAKEN: [409, '该地点已有同名队伍「{name}」', 'A team named "{name}" already exists here'],
  TEAM_PLACE_KIND: [400, '队伍和奖品须设在社区或小区', 'Teams and rewards belong to a community or a compound'],
  NOT_OF_TEAM_PLACE: [400, '只能选择本队伍所在地点已通过审核的志愿者', 'Only approved volunteers registered at the team’s place can be chosen'],
  ALREADY_MEMBER: [409, '该志愿者已是队员', 'The volunteer is already a member'],
  NOT_A_MEMBER: [404, '该志愿者不是本队队员', 'The volunteer is not a member of this team'],
  REWARD_NOT_FOUND: [404, '奖品不存在或不在您的范围内', 'Reward not found or outside your scope'],
  REWARD_INACTIVE: [409, '该奖品已下架', 'This reward is no longer offered'],
  OUT_OF_STOCK: [409, '奖品「{name}」已兑完', '"{name}" is out of stock'],
  NOT_OF_COMMUNITY: [403, '该奖品仅限本社区已注册的志愿者兑换', 'Only approved volunteers of this community may redeem this reward'],
  REDEMPTION_NOT_FOUND: [404, '兑换记录不存在或不在您的管辖范围内', 'Redemption not found or outside your scope'],
  ALREADY_HANDED_OVER: [409, '该奖品已发放', 'This reward has already been handed over'],
});
