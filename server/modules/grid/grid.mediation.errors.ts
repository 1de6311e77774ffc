import { defineErrors } from '../../kernel/errors.ts';

/** The mediation part's errors (人民调解). */
export const MediationErrors = defineErrors({
  MEDIATION_COMMITTEE_NOT_FOUND: [404, '调解委员会不存在或不在您的范围内', 'Mediation committee not found or outside your scope'],
  MEDIATION_COMMITTEE_EXISTS: [409, '该地已有人民调解委员会', 'This place has a mediation committee already'],
  MEDIATION_COMMITTEE_PLACE_INVALID: [400, '调解委员会只能设在社区或街道', 'A mediation committee sits at a community or the street'],
  MEDIATION_NO_COMMITTEE: [409, '该社区尚未设立人民调解委员会', 'This community has no mediation committee yet'],
  MEDIATION_NO_STREET_COMMITTEE: [409, '街道尚未设立人民调解委员会，无法上交', 'The street has no mediation committee to escalate to'],
  MEDIATOR_NOT_FOUND: [404, '调解员不存在', 'Mediator not found'],
  MEDIATOR_EXISTS: [409, '该账号已是本委员会的调解员', 'That account is a mediator of this committee already'],
  MEDIATOR_ACCOUNT_NOT_STAFF: [400, '调解员须为工作人员账号', 'A mediator must be a staff account'],
  MEDIATOR_NOT_OF_COMMITTEE: [400, '所选调解员不属于承办本案的调解委员会', 'The mediators picked are not of the committee handling the case'],
  MEDIATION_CASE_NOT_FOUND: [404, '调解案件不存在或不在您的范围内', 'Mediation case not found or outside your scope'],
  MEDIATION_NOT_ALLOWED: [403, '只有本案的调解员或调解委员会的管理人员可以{actionZh}', 'Only the case’s mediators or the committee’s managers may {action}'],
  MEDIATION_WRONG_STATUS: [409, '案件当前为「{statusZh}」，不能{actionZh}', 'The case is {status}; it cannot be {action} now'],
  MEDIATION_PLACE_INVALID: [400, '调解案件须发生在小区或社区', 'A case belongs to a compound or a community'],
  MEDIATION_SOURCE_NOT_FOUND: [400, '来源事项不存在或未转交调解', 'The source does not exist or was not handed to mediation'],
  MEDIATION_PARTY_PHONE_INVALID: [400, '当事人「{name}」的联系电话格式不正确', 'The phone of party "{name}" is not valid'],
  MEDIATION_ALREADY_STREET: [409, '案件已由街道人民调解委员会承办', 'The street’s committee handles the case already'],
  MEDIATION_NOT_SIGNED: [409, '请先上传签字后的调解协议书', 'Upload the signed agreement first'],
  MEDIATION_SIGNED_DAY_INVALID: [400, '签署日期不能早于达成协议之日，也不能晚于今天', 'The signing day cannot be before the agreement or after today'],
  CONFIRMATION_TOO_LATE: [409, '司法确认须在协议签署后 30 日内申请（最迟 {lastDay}）', 'Court confirmation must be applied for within 30 days of signing (by {lastDay})'],
  CONFIRMATION_DAY_INVALID: [400, '申请日期不能早于协议签署日，也不能晚于今天', 'The application day cannot be before signing or after today'],
  CONFIRMATION_NOT_APPLIED: [409, '尚未申请司法确认', 'No court confirmation has been applied for'],
  CONFIRMATION_DECIDED: [409, '司法确认结果已登记', 'The court’s outcome has been recorded already'],
  MEDIATION_AGREEMENT_FOR_MEDIATORS: [403, '只有本案的调解员可以下载调解协议书', 'Only the case’s mediators may download the agreement'],
  MEDIATION_NOT_A_RESIDENT: [403, '只有本小区在住居民可以申请调解', 'Only residents of the compound may apply for mediation'],
});
