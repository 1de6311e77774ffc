import { defineErrors } from '../../kernel/errors.ts';

/** The agency part's errors (政务服务代办点). */
export const AgencyErrors = defineErrors({
  AGENCY_SERVICE_NOT_FOUND: [404, '服务事项不存在', 'Service not found'],
  AGENCY_SERVICE_NAME_TAKEN: [409, '已有同名的服务事项', 'A service of that name exists already'],
  AGENCY_SERVICE_NOT_OFFERED: [409, '该代办点不受理此服务事项', 'This point does not accept that service'],
  AGENCY_POINT_NOT_FOUND: [404, '代办点不存在或不在您的范围内', 'Agency point not found or outside your scope'],
  AGENCY_POINT_COMPANY_MISMATCH: [409, '该物业公司不是此小区的物业服务企业', 'That property company does not serve this compound'],
  AGENCY_NOT_POINT_STAFF: [403, '只有本代办点所属物业公司的工作人员才能办理', 'Only staff of the company running this point may handle its cases'],
  AGENCY_CASE_NOT_FOUND: [404, '代办件不存在或不在您的范围内', 'Case not found or outside your scope'],
  AGENCY_CASE_WRONG_STATUS: [409, '代办件当前为「{statusZh}」，不能{actionZh}', 'The case is {status}; it cannot be {action} now'],
  AGENCY_APPLICANT_NOT_RESIDENT: [400, '办事人不是本小区在住居民', 'The applicant is not a current resident of this compound'],
  AGENCY_APPLICANT_REQUIRED: [400, '请选择办事人，或填写办事人姓名和手机号', 'Pick the applicant, or give their name and mobile number'],
  AGENCY_ID_NUMBER_INVALID: [400, '身份证号码格式不正确', 'The ID number is not valid'],
  AGENCY_PHONE_INVALID: [400, '手机号格式不正确', 'The mobile number is not valid'],
  AGENCY_HANDOVER_DAY_INVALID: [400, '交付日期不能早于结果登记日，也不能晚于今天', 'The hand-over day cannot be before the result or after today'],
  AGENCY_BOOKING_NOT_FOUND: [404, '预约不存在或不在您的范围内', 'Booking not found or outside your scope'],
  AGENCY_BOOKING_DECIDED: [409, '该预约已处理', 'This booking has been answered already'],
  AGENCY_BOOKING_DAY_INVALID: [400, '预约日期须在今天至 30 天内', 'The day must be between today and 30 days ahead'],
  AGENCY_NOT_A_RESIDENT: [403, '只有在住居民可以预约', 'Only residents may book'],
});
