import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResidentHome } from '../../../resident/home.ts';
import { formatDateTime } from '../../../shared/format.ts';
import './surveys-h5.css';

interface Slice {
  openSurveys?: { count: number; items: { id: string; title: string; closesAt: string; placeName: string }[] };
}

/** For the resident home: the open surveys that ask me and that I have not answered (server: surveysHomeSection). */
export function OpenSurveysHomeSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = useResidentHome<Slice>();
  const slice = home.data?.openSurveys;
  if (!slice || slice.count === 0) return null;
  return (
    <section aria-label={t('surveysH5.homeTitle')}>
      <List header={t('surveysH5.homeTitle', { count: slice.count })}>
        {slice.items.map((s) => (
          <List.Item key={s.id} arrowIcon onClick={() => void navigate(`/surveys/${s.id}`)} description={`${s.placeName} · ${t('surveysH5.until', { at: formatDateTime(s.closesAt) })}`}>
            {s.title}
          </List.Item>
        ))}
        {slice.count > slice.items.length && (
          <List.Item arrowIcon onClick={() => void navigate('/decide')}>
            {t('surveysH5.homeMore', { count: slice.count })}
          </List.Item>
        )}
      </List>
    </section>
  );
}
