import type { ModulePart } from '../../kernel/module-parts.ts';

/** What the registry part tells a resident: their registration approved, or rejected with the reason. */
export const registryTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'volunteers.registry.approved',
    title: { zh: '志愿者注册已通过', en: 'Your volunteer registration is approved' },
    body: { zh: '您在{place}的志愿者注册已通过社区审核，欢迎参加志愿服务、领取任务。', en: 'Your volunteer registration at {place} has been approved. Welcome: join activities and take tasks.' },
    link: '/h5/volunteers/me',
    label: { zh: '志愿者注册审核', en: 'Volunteer registration reviews' },
  },
  {
    key: 'volunteers.registry.rejected',
    title: { zh: '志愿者注册未通过', en: 'Your volunteer registration was not approved' },
    body: { zh: '您在{place}的志愿者注册未通过审核。原因：{reason}。您可以修改后重新注册。', en: 'Your volunteer registration at {place} was not approved. Reason: {reason}. You may register again.' },
    link: '/h5/volunteers/join',
    label: { zh: '志愿者注册审核', en: 'Volunteer registration reviews' },
  },
];
