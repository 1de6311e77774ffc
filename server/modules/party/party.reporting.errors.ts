import { defineErrors } from '../../kernel/errors.ts';

/** The reporting part's refusals (双报到, projects, claims, service records); the shared ones are in party.errors.ts. */
export const ReportingErrors = defineErrors({
  NOT_A_COMMUNITY: [400, '请选择一个社区', 'Choose a community'],
  ORG_NOT_YOURS: [404, '该单位党组织不存在或不由您联络', 'The workplace party organisation does not exist or is not yours'],
  REPORT_NOT_FOUND: [404, '报到记录不存在或不在您的管辖范围内', 'Report not found or outside your scope'],
  ALREADY_REPORTED: [409, '已向该社区报到（待确认或已确认），不能重复报到', 'Already reported to this community (pending or confirmed)'],
  NOT_EMPLOYED_MEMBER: [403, '只有在职党员才能向居住地社区报到', 'Only employed party members report to the community where they live'],
  NOT_YOUR_COMMUNITY: [400, '只能向您居住的社区报到', 'You can report only to a community where you live'],
  NO_HOME_COMMUNITY: [409, '未找到您居住的社区，请先登记住所', 'No community where you live was found: register your home first'],
  NOT_PENDING: [409, '该报到已处理，不能再操作', 'This report has already been handled'],
  REASON_REQUIRED: [400, '退回报到须填写原因', 'A reason is required to reject a report'],
  PROJECT_NOT_FOUND: [404, '服务项目不存在或不在您的管辖范围内', 'Service project not found or outside your scope'],
  POST_NOT_FOUND: [404, '服务岗位不存在或不在您的管辖范围内', 'Service post not found or outside your scope'],
  PLACE_OUTSIDE_COMMUNITY: [400, '服务地点须为该社区或其下的小区', 'The place must be the community or a compound in it'],
  PROJECT_CLOSED: [409, '该服务项目已结束', 'This service project is closed'],
  POST_CLOSED: [409, '该岗位已停止认领', 'This post is no longer open'],
  POST_FULL: [409, '该岗位名额已满', 'This post is full'],
  SLOTS_BELOW_CLAIMS: [409, '名额不能少于已认领人数（{claims}）', 'Slots cannot be fewer than the members who claimed it ({claims})'],
  NOT_CONFIRMED: [409, '须先向该社区报到并经社区确认', 'Report to this community first and have it confirmed'],
  ALREADY_CLAIMED: [409, '已认领，不能重复认领', 'Already claimed'],
  CLAIM_NOT_FOUND: [404, '认领记录不存在或不在您的管辖范围内', 'Claim not found or outside your scope'],
  CLAIM_WITHDRAWN: [409, '该认领已撤回', 'This claim was withdrawn'],
  SERVICE_NOT_FOUND: [404, '服务记录不存在或不在您的管辖范围内', 'Service record not found or outside your scope'],
  DATE_IN_FUTURE: [400, '服务日期不能晚于今天', 'The date of service cannot be in the future'],
  DATE_OUTSIDE_YEAR: [400, '服务日期须在认领年度（{year} 年）内', 'The date of service must be within the claim’s year ({year})'],
});
