import type { NotificationTemplate } from '../../kernel/notify/notify.ts';

/** The kernel approval a 函告 needs before it is sent: the community party organisation's (approvals inbox). */
export const ADMONITION_APPROVAL = 'party.letters.admonition';
export const SUBJECT_MAX = 200;
export const FACTS_MAX = 2000;

export const LETTER_KIND_ZH = { annual: '年度报到服务情况函', admonition: '函告' } as const;
export const LETTER_STATUS_ZH = { draft: '草稿', pending_approval: '待审批', sent: '已发送', rejected: '已驳回' } as const;

/** What the letters part says: the liaison hears of a letter to its organisation; the member of a 函告 about them. */
export const LETTERS_TEMPLATES: NotificationTemplate[] = [
  {
    key: 'party.letters_sent',
    label: { zh: '社区致单位的函件', en: 'Letters from a community to my organisation' },
    title: { zh: '{communityName}发来{kindZh}', en: '{communityName} sent a letter' },
    body: { zh: '{subject}', en: '{subject}' },
    link: '/party/letters/{letterId}',
  },
  {
    key: 'party.letters_admonition_member',
    label: { zh: '关于我的函告', en: 'Letters about me to my organisation' },
    title: { zh: '社区已向您所在单位党组织发出函告', en: 'The community wrote to your party organisation about you' },
    body: { zh: '{communityName}就“{subject}”向{organisationName}发出函告，请支持小区依法管理。', en: '{communityName} wrote to {organisationName} about “{subject}”. Please support the lawful management of the compound.' },
    sms: { zh: '{communityName}就“{subject}”已向您所在单位党组织发出函告，请支持小区依法管理。', en: '{communityName} wrote to your party organisation about “{subject}”.' },
  },
];
