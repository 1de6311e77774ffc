import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** The two lists of 有礼小区 (applications, the compounds' stars) as one page's two views. */
export function StarsNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Segmented
      style={{ marginBottom: 16 }}
      value={pathname.endsWith('/compounds') ? 'compounds' : 'applications'}
      onChange={(v) => navigate(v === 'compounds' ? '/supervision/stars/compounds' : '/supervision/stars/applications')}
      options={[
        { value: 'applications', label: t('supervisionStars.nav.applications') },
        { value: 'compounds', label: t('supervisionStars.nav.compounds') },
      ]}
    />
  );
}
