import { defineErrors } from '../../kernel/errors.ts';

/** The emergency part's errors (emergency mode, 入户排查, call-ups). */
export const EmergencyErrors = defineErrors({
  EMERGENCY_NOT_FOUND: [404, '应急记录不存在或不在您的范围内', 'Emergency not found or outside your scope'],
  EMERGENCY_PLACE_KIND: [400, '只能对小区、社区或街道启动应急', 'Emergency mode is declared over a compound, a community or a street'],
  ALREADY_IN_EMERGENCY: [409, '该区域已处于应急状态', 'This place is in emergency mode already'],
  EMERGENCY_ENDED: [409, '应急已结束，记录只读', 'The emergency has ended; its records are read-only'],
  SCREENING_EXISTS: [409, '本次应急已发起入户排查', 'The screening of this emergency has been started already'],
  SCREENING_NOT_STARTED: [409, '本次应急尚未发起入户排查', 'The screening of this emergency has not been started'],
  SCREENING_NO_HOUSEHOLDS: [409, '该区域没有在住户，无法发起入户排查', 'There are no households under this place to screen'],
  BUILDING_NOT_FOUND: [404, '楼栋不在本次排查范围内', 'That building is not part of this screening'],
  VISITOR_NOT_ELIGIBLE: [400, '只能分配给本区域有入户排查权限的工作人员或已登记的志愿者', 'Assign a staff member who may screen here, or an approved volunteer of the place'],
  VISITOR_NO_ACCOUNT: [400, '该志愿者尚未注册账号，无法分配', 'That volunteer has no account yet'],
  ASSIGNMENT_NOT_FOUND: [404, '分配记录不存在', 'Assignment not found'],
  HOUSEHOLD_NOT_FOUND: [404, '住户不存在或不在您的范围内', 'Household not found or outside your scope'],
  NOT_ASSIGNED: [403, '您未被分配到该楼栋', 'You are not assigned to that building'],
  HOUSEHOLD_HELD: [409, '该户正由{name}排查中（{until} 前）', 'Another visitor ({name}) holds this household until {until}'],
  HOUSEHOLD_FINAL: [409, '该户已排查完毕（{status}），如需更正请联系社区', 'This household has been marked ({status}); ask the community to correct it'],
  CLAIM_REQUIRED: [409, '请先点「开始入户」', 'Claim the household first'],
  ANSWERS_INVALID: [400, '排查问题的回答不符合清单', 'The answers do not match the checklist'],
  ROSTER_NOT_FOUND: [404, '值班安排不存在', 'Duty entry not found'],
  ROSTER_PERSON_REQUIRED: [400, '请选择值班人员（工作人员或志愿者）', 'Pick who is on duty (a staff member or a volunteer)'],
  SHIFT_INVALID: [400, '班次结束时间须晚于开始时间', 'The shift must end after it starts'],
  CALL_UP_NOT_FOUND: [404, '召集不存在或不在您的范围内', 'Call-up not found or outside your scope'],
  CALL_UP_FULL: [409, '名额已满，感谢您的支持', 'All slots are taken; thank you'],
  CALL_UP_ANSWERED: [409, '您已回复过该召集', 'You have answered this call-up already'],
  NOT_A_VOLUNTEER: [403, '只有本区域已登记的志愿者可以响应召集', 'Only approved volunteers of the place may answer'],
});
