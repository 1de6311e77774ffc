import { defineErrors } from '../../kernel/errors.ts';

/** The events part's errors (网格事件, 执法进小区). */
export const EventsErrors = defineErrors({
  EVENT_NOT_FOUND: [404, '事件不存在或不在您的范围内', 'Event not found or outside your scope'],
  EVENT_STATE: [409, '事件当前的状态不能进行此操作，请刷新后查看', "This cannot be done in the event's present status; refresh to see it"],
  EVENT_PLACE_KIND: [400, '事件须上报到小区或楼栋', 'An event is reported at a compound or a building'],
  NO_LIAISON: [409, '该小区没有在岗的{line}联络员，不能派遣到该部门', 'The compound has no serving {line} liaison; the event cannot go to that department'],
  NO_PROPERTY_COMPANY: [409, '该小区没有物业服务企业，不能派遣给物业', 'The compound has no property company; the event cannot go to property management'],
  SAME_BODY: [409, '事件已在该单位处理，请选择其他单位', 'The event is already with that body; choose another'],
  ALREADY_ESCALATED: [409, '事件已上报街道', 'The event has been escalated to the street already'],
  ALREADY_RATED: [409, '该事件已评价过', 'The event has been rated already'],
  NOT_REPORTER: [403, '只有上报人可以评价', 'Only the reporter may rate the event'],
  NOT_YOUR_COMPOUND: [403, '只能上报您居住小区的事件', 'You can report events only at your own compound'],
  PATROL_NOT_FOUND: [404, '巡查记录不存在或不在您的范围内', 'Patrol not found or outside your scope'],
  LIAISON_NOT_FOUND: [404, '联络员不存在或不在您的范围内', 'Liaison not found or outside your scope'],
  LIAISON_ENDED: [409, '该联络员已离任', 'The liaison has already ended'],
  LIAISON_SERVING: [409, '该小区的此条线已有在岗联络员，请先结束', 'The compound already has a serving liaison of that line; end it first'],
  NOT_A_DEPARTMENT: [400, '所选单位不是职能部门', 'The chosen organisation is not a department'],
  NOT_A_REVIEWER: [400, '联络员账号须持有部门审核员角色', "The liaison's account must hold a department reviewer role"],
  LIAISON_NOT_AT_COMPOUND: [400, '所选联络员不在该小区', 'A chosen liaison does not serve that compound'],
  PATROL_DAY_FUTURE: [400, '巡查日期不能晚于今天', 'The patrol day cannot be after today'],
  UNTIL_BEFORE_FROM: [400, '结束日期不能早于开始日期', 'The end day cannot be before the start day'],
});
