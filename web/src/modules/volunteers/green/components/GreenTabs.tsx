import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  { key: '/volunteers/green', label: 'volGreen.tabs.plots' },
  { key: '/volunteers/green/adoptions', label: 'volGreen.tabs.adoptions' },
  { key: '/volunteers/green/rates', label: 'volGreen.tabs.rates' },
] as const;

/** The three pages of 认栽认养 as tabs: the plots, the applications, the rates. */
export function GreenTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return <Tabs activeKey={pathname} onChange={(key) => void navigate(key)} items={TABS.map((x) => ({ key: x.key, label: t(x.label) }))} />;
}
