import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';

/** 驾驶舱: being built (issue 27). */
export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('dashboards.menu.overview')} />
      <Empty />
    </>
  );
}
