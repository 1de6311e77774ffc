import { AccountBookOutlined, AuditOutlined, BarChartOutlined, CheckSquareOutlined, HomeOutlined, MailOutlined, SendOutlined, TeamOutlined } from '@ant-design/icons';
import { Layout, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSignedIn } from '../../shared/session.ts';
import { canReadAudit } from '../kernel/audit-access.ts';
import { FIGURE_READERS } from '../kernel/figures-api.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ScopeSelector } from './ScopeSelector.tsx';
import { UserMenu } from './UserMenu.tsx';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';
import { ACCOUNT_ADMIN_ROLES } from '#server/kernel/contract.ts';
import { NotificationBell } from '../notify/NotificationBell.tsx';
import { workbenchModules } from '../modules.ts';

type MenuItem = Required<MenuProps>['items'][number];

/** The menu, grouped by capability; a capability without pages yet is simply absent. */
function useMenuItems(): MenuItem[] {
  const { t } = useTranslation();
  const me = useSignedIn();
  const system: MenuItem[] = [
    { key: '/approvals', icon: <CheckSquareOutlined />, label: t('menu.approvals') },
    { key: '/inbox', icon: <MailOutlined />, label: t('menu.inbox') },
    { key: '/notify/sendings', icon: <SendOutlined />, label: t('menu.sendings') },
  ];
  // Payout statements: staff only (the list shows the kinds whose reviewers or approvers they are).
  if (me.grants.length > 0) system.push({ key: '/payouts', icon: <AccountBookOutlined />, label: t('menu.payouts') });
  if (canReadAudit(me)) system.push({ key: '/audit', icon: <AuditOutlined />, label: t('menu.audit') });
  if (me.grants.some((g) => (ACCOUNT_ADMIN_ROLES as readonly string[]).includes(g.role))) system.push({ key: '/accounts', icon: <TeamOutlined />, label: t('menu.accounts') });
  if (me.grants.some((g) => FIGURE_READERS.includes(g.role))) system.unshift({ key: '/figures', icon: <BarChartOutlined />, label: t('menu.figures') });
  return [
    { key: '/', icon: <HomeOutlined />, label: t('menu.home') },
    ...mergeGroups(workbenchModules.flatMap((m) => m.menu?.(t, me) ?? [])),
    { type: 'group', key: 'system', label: t('menu.group.system'), children: system },
  ];
}

/** Modules that share a capability (opinions and decisions under 议事协商) bring groups of one key: one group, entries in module order. */
function mergeGroups(items: MenuItem[]): MenuItem[] {
  const out: MenuItem[] = [];
  for (const item of items) {
    const same = item?.type === 'group' ? out.find((o) => o?.type === 'group' && o.key === item.key) : undefined;
    if (same && same.type === 'group' && item?.type === 'group') same.children = [...(same.children ?? []), ...(item.children ?? [])];
    else out.push(item?.type === 'group' ? { ...item, children: [...(item.children ?? [])] } : item);
  }
  return out;
}

const keysOf = (items: MenuItem[]): string[] =>
  items.flatMap((i) => (i && 'children' in i && i.children ? keysOf(i.children) : i?.key ? [String(i.key)] : []));

export function AppLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = useMenuItems();
  const me = useSignedIn();
  // The longest menu path that starts the current one: /registry/places/123 lights up 地点.
  const selected = keysOf(items)
    .filter((k) => pathname === k || pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Layout className="gz-shell">
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} theme="light" className="gz-sider">
        <div className="gz-brand">
          <span className="gz-brand-mark" aria-hidden>
            共
          </span>
          <span className="gz-brand-text">{t('app.workbench')}</span>
        </div>
        <nav aria-label={t('menu.label')}>
          <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} onClick={({ key }) => navigate(key)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="gz-header">
          <ScopeSelector />
          <div className="gz-header-right">
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </div>
        </Layout.Header>
        <Layout.Content className="gz-content">
          <main>
            <Outlet />
          </main>
          {/* A temporary password from an administrator's reset: nothing else until a password of one's own is set. */}
          {me.account.mustChangePassword && <ChangePasswordModal forced />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
