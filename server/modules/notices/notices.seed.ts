import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './notices.db.ts';
import { createNotice } from './use-cases/save-notice.ts';

/**
 * Demo notices for 阳光花园 and the places above it, written through the module's own use case by the
 * demo logins (so each is checked, placed and audited as if typed in): the street, the residents'
 * committee and the property company publish. A no-op when notices exist already.
 */
// Published in this order; the newest shows first after the pinned one, so the water cut comes last.
const NOTICES: { by: string; at: 'street' | 'community' | 'compound'; category: 'policy' | 'announcement' | 'meeting' | 'emergency'; pinned?: boolean; title: string; body: string }[] = [
  {
    by: 'juweihui',
    at: 'community',
    category: 'announcement',
    pinned: true,
    title: '关于开展冬季消防安全检查的通知',
    body: '各位居民：\n为做好冬季防火工作，社区将于本月中旬会同物业服务企业对各小区楼道、地下车库和电动自行车充电区域开展消防安全检查。请清理楼道堆放的杂物，不要在楼道内为电动自行车充电。\n检查期间如有疑问，请联系社区居委会。',
  },
  {
    by: 'juweihui',
    at: 'compound',
    category: 'meeting',
    title: '关于征集业主大会会议议题的公告',
    body: '阳光花园业主委员会拟于下月召开业主大会会议，现向全体业主征集议题（如公共收益使用、电动自行车充电桩增设等），请通过“议事”栏目或向业委会提交。',
  },
  {
    by: 'street',
    at: 'street',
    category: 'policy',
    title: '安和街道“红色物业”服务质量评价结果公示',
    body: '根据物业服务质量季度评价办法，街道会同社区、业主委员会对辖区物业服务企业进行了评价，结果在各小区公示栏同步张贴，公示期七天。对评价结果有异议的，可向街道物委会反映。',
  },
  {
    by: 'wuye',
    at: 'compound',
    category: 'emergency',
    title: '二次供水水箱清洗临时停水通知',
    body: '因二次供水水箱年度清洗消毒，本周六上午8:00至12:00小区3栋至6栋将临时停水，请提前储水。给您带来不便，敬请谅解。',
  },
];

export async function seedNoticesDemo(kernel: Kernel, demo: DemoSeedContext): Promise<void> {
  if (await read(kernel).selectFrom('ntc_notices').select('id').limit(1).executeTakeFirst()) return;
  const street = demo.get(DEMO_STREET);
  const compound = street?.compounds.find((c) => c.name === '阳光花园');
  if (!street || !compound) return;
  const placeOf = { street: street.street.id, community: compound.communityId, compound: compound.id };
  for (const n of NOTICES) {
    const by = await demo.as(n.by);
    if (!by) continue;
    await createNotice(by, { placeId: placeOf[n.at], category: n.category, title: n.title, body: n.body, pinned: n.pinned ?? false, publish: true });
  }
}
