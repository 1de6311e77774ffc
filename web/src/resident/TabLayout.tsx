import { AppOutline, FileOutline, TeamOutline, UserOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';

const TABS = [
  { to: '/', key: 'home', icon: <AppOutline /> },
  { to: '/services', key: 'services', icon: <FileOutline /> },
  { to: '/decide', key: 'decide', icon: <TeamOutline /> },
  { to: '/me', key: 'me', icon: <UserOutline /> },
] as const;

/**
 * The four tabs at the bottom. Real links rather than antd-mobile's TabBar, whose items are not
 * reachable by keyboard or announced as navigation by screen readers.
 */
export function TabLayout() {
  const { t } = useTranslation();
  return (
    <div className="gz-app">
      <main className="gz-main">
        <Outlet />
      </main>
      <nav className="gz-tabbar" aria-label={t('h5.tabs')}>
        {TABS.map((tab) => (
          <NavLink key={tab.key} to={tab.to} end={tab.to === '/'} className={({ isActive }) => (isActive ? 'gz-tab gz-tab-active' : 'gz-tab')}>
            <span className="gz-tab-icon" aria-hidden>
              {tab.icon}
            </span>
            <span>{t(`h5.tab.${tab.key}`)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
