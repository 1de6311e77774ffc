import type { ModulePart } from '../../kernel/module-parts.ts';

const LINK = '/h5/volunteers/boards/{id}';
const LABEL = { zh: '邻里互助消息', en: 'Neighbour board messages' };

/** What the boards part tells residents: a neighbour asked about a listing, the owner accepted, a moderator hid it. */
export const boardsTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'volunteers.boards.requested',
    title: { zh: '有邻居申请：{title}', en: 'A neighbour asked: {title}' },
    body: { zh: '有邻居对您发布的「{title}」提出了申请，请查看并确认。', en: 'A neighbour asked about your listing "{title}". Please have a look and decide.' },
    link: LINK,
    label: LABEL,
  },
  {
    key: 'volunteers.boards.accepted',
    title: { zh: '申请已同意：{title}', en: 'Request accepted: {title}' },
    body: { zh: '「{title}」的发布人已同意您的申请，双方的联系方式已可查看。平台内不涉及任何付款。', en: 'The owner of "{title}" accepted your request; you can now see each other\'s contact. No payment goes through the platform.' },
    link: LINK,
    label: LABEL,
  },
  {
    key: 'volunteers.boards.hidden',
    title: { zh: '您发布的信息已被隐藏：{title}', en: 'Your listing was hidden: {title}' },
    body: { zh: '您在邻里互助发布的「{title}」已被社区隐藏。原因：{reason}', en: 'Your listing "{title}" was hidden by the community. Reason: {reason}' },
    link: LINK,
    label: LABEL,
  },
];
