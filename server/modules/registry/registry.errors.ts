import { defineErrors } from '../../kernel/errors.ts';

export const RegistryErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  ROOM_NOT_FOUND: [404, '房屋不存在或不在您的管辖范围内', 'Room not found or outside your scope'],
  PERSON_NOT_FOUND: [404, '人员不存在或不在您的管辖范围内', 'Person not found or outside your scope'],
  ORGANISATION_NOT_FOUND: [404, '组织不存在或不在您的管辖范围内', 'Organisation not found or outside your scope'],
  HOUSEHOLD_NOT_FOUND: [404, '住户关系不存在', 'Household record not found'],
  POSITION_NOT_FOUND: [404, '职务不存在', 'Position not found'],
  PLACE_KIND_NOT_ALLOWED: [400, '“{parent}”下不能建立“{kind}”', 'A {kind} cannot be placed under a {parent}'],
  ROOM_DETAILS_REQUIRED: [400, '房屋必须填写专有面积、面积来源和用途', 'A room needs its exclusive area, area source and use'],
  NAME_TAKEN: [409, '同一上级下已有名为“{name}”的地点', 'There is already a place named "{name}" here'],
  ROOM_NUMBER_TAKEN: [409, '该单元已有房号“{name}”', 'This unit already has a room "{name}"'],
  ID_NUMBER_TAKEN: [409, '该身份证号已登记给另一人员', 'This ID number is already registered to another person'],
  ID_NUMBER_INVALID: [400, '身份证号校验不通过', 'The ID number fails its checksum'],
  PHONE_INVALID: [400, '手机号格式不正确', 'The mobile number is not valid'],
  HOUSEHOLD_EXISTS: [409, '该人员已是此房屋的{relation}', 'This holder already has this relation to the room'],
  SHARE_REQUIRED: [400, '业主、共有人须填写份额（万分比，1–10000）', 'Owners and co-owners need a share in basis points (1–10000)'],
  ONLY_OWNER_FOR_ORGANISATION: [400, '组织只能作为房屋业主（如建设单位持有未售房屋）', 'An organisation can only hold a room as its owner (e.g. the developer)'],
  PLACE_NOT_EMPTY: [409, '该地点下仍有下级地点或住户，不能删除', 'This place still has places or households beneath it'],
  STILL_REFERENCED: [409, '该记录仍被引用（{what}），不能删除', 'This record is still referenced ({what}) and cannot be deleted'],
  PARTY_PARENT_INVALID: [400, '上级党组织无效', 'The parent party organisation is not valid'],
  PROPERTY_COMPANY_INVALID: [400, '所选物业服务企业无效', 'The chosen property company is not valid'],
});
