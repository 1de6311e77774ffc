/** The starting set of roles (ARCHITECTURE.md §3). A grant gives one of them over a place's subtree. */
export const ROLES = [
  'platform_admin',
  'street_official',
  'property_committee_member',
  'community_secretary',
  'committee_staff',
  'grid_worker',
  'building_leader',
  'owners_committee_member',
  'property_manager',
  'property_staff',
  'department_reviewer',
  'assessor',
  'workplace_party_contact',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles held through a grant on a place; `resident` comes from the account's own households. */
export type StaffRole = Exclude<Role, 'resident'>;
export const STAFF_ROLES: readonly StaffRole[] = ROLES.filter((r): r is StaffRole => r !== 'resident');

export const ROLE_LABELS: Record<Role, { 'zh-CN': string; en: string }> = {
  platform_admin: { 'zh-CN': '平台管理员', en: 'Platform admin' },
  street_official: { 'zh-CN': '街道干部', en: 'Street official' },
  property_committee_member: { 'zh-CN': '物委会成员', en: 'Property committee member' },
  community_secretary: { 'zh-CN': '社区党组织书记', en: 'Community party secretary' },
  committee_staff: { 'zh-CN': '居委会工作人员', en: "Residents' committee staff" },
  grid_worker: { 'zh-CN': '网格员', en: 'Grid worker' },
  building_leader: { 'zh-CN': '楼门长', en: 'Building leader' },
  owners_committee_member: { 'zh-CN': '业委会委员', en: "Owners' committee member" },
  property_manager: { 'zh-CN': '物业项目经理', en: 'Property company manager' },
  property_staff: { 'zh-CN': '物业工作人员', en: 'Property company staff' },
  department_reviewer: { 'zh-CN': '职能部门审核人', en: 'Department reviewer' },
  assessor: { 'zh-CN': '第三方评估员', en: 'Third-party assessor' },
  workplace_party_contact: { 'zh-CN': '单位党组织联络员', en: 'Workplace party organisation contact' },
  resident: { 'zh-CN': '居民', en: 'Resident' },
};
