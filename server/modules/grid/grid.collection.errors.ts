import { defineErrors } from '../../kernel/errors.ts';

/** The collection part's errors (四个实有). */
export const CollectionErrors = defineErrors({
  RECORD_NOT_FOUND: [404, '采集记录不存在或不在您的范围内', 'Record not found or outside your scope'],
  RECORD_ALREADY_CHECKED: [409, '该记录已核实过，不能重复核实', 'This record has been checked already'],
  COLLECTION_NOT_COMMISSIONED: [403, '贵公司今天未受街道委托在该小区采集信息', 'Your company is not commissioned by the street to collect in this compound today'],
  COLLECTION_PLACE_KIND: [400, '{what}须选择{kinds}', '{whatEn} must be {kindsEn}'],
  COLLECTION_FIELD_REQUIRED: [400, '请填写{field}', 'Enter the {fieldEn}'],
  COLLECTION_PERSON_NOT_HERE: [400, '所选人员当前不在该房屋登记', 'The person chosen is not registered at this room now'],
  COLLECTION_COMPONENT_NOT_FOUND: [404, '部件不存在或不在该地点', 'Component not found at this place'],
  COLLECTION_REASON_REQUIRED: [400, '标记为有误时请填写原因', 'Give the reason when marking a record wrong'],
  COLLECTION_COMPANY_NOT_FOUND: [404, '物业服务企业不存在', 'Property company not found'],
  COLLECTION_COMMISSION_NOT_FOUND: [404, '委托不存在', 'Commission not found'],
  COLLECTION_COMPANY_NOT_OF_COMPOUND: [400, '该小区的物业服务企业不是所选企业', 'The compound is not managed by that company'],
  SPOT_CHECK_NOT_PENDING: [409, '该记录没有待完成的抽查', 'This record has no spot check waiting'],
  COLLECTION_DATES: [400, '租期结束不能早于租期开始', 'The contract cannot end before it starts'],
});
