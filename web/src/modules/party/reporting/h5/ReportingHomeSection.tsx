import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResidentHome } from '../../../../resident/home.ts';
import type { ReportStatus } from '../api.ts';

interface Slice {
  partyReporting?: { status: ReportStatus | null; communityName: string | null };
}

/** For the resident home of an employed member only (server: the reporting part's residentHome): 双报到 and its pages. */
export function ReportingHomeSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = useResidentHome<Slice>();
  const mine = home.data?.partyReporting;
  if (!mine) return null;
  const status = mine.status ? t(`partyReporting.h5.status.${mine.status}`) : t('partyReporting.h5.notReported');
  return (
    <section aria-label={t('partyReporting.h5.sectionTitle')}>
      <List header={t('partyReporting.h5.sectionTitle')}>
        <List.Item onClick={() => navigate('/party/reporting')} description={mine.communityName ?? undefined} extra={status}>
          {t('partyReporting.h5.reportingTitle')}
        </List.Item>
        {mine.status === 'confirmed' && (
          <>
            <List.Item onClick={() => navigate('/party/projects')}>{t('partyReporting.h5.projectsTitle')}</List.Item>
            <List.Item onClick={() => navigate('/party/service')}>{t('partyReporting.h5.serviceTitle')}</List.Item>
          </>
        )}
      </List>
    </section>
  );
}
