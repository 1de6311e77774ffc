import { Button, DotLoading, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { type MySurveyRow, useMySurveys } from '../api.ts';
import './surveys-h5.css';

const STATE_COLOR = { open: 'danger', answered: 'success', closed: 'default', notYetOpen: 'default', ownersOnly: 'default' } as const;

/** 议事 → 问卷调查: the surveys that ask me, those waiting for my answer first. Nothing when none asks me. */
export function SurveysSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useMySurveys();
  if (list.isPending) {
    return (
      <div className="gz-padded" aria-busy>
        <DotLoading color="primary" />
      </div>
    );
  }
  if (list.isError) {
    return (
      <List header={t('surveysH5.section')}>
        <List.Item
          description={list.error.message}
          extra={
            <Button size="small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          }
        >
          {t('surveysH5.loadFailed')}
        </List.Item>
      </List>
    );
  }
  const items = list.data.items;
  if (items.length === 0) return null;
  const rank = (s: MySurveyRow) => (s.state === 'open' ? 0 : s.state === 'answered' ? 1 : 2);
  const sorted = [...items].sort((a, b) => rank(a) - rank(b));
  return (
    <section aria-labelledby="gz-srv-section" className="gz-srv-section">
      <List header={<span id="gz-srv-section">{t('surveysH5.section')}</span>}>
        {sorted.map((s) => (
          <List.Item
            key={s.id}
            arrowIcon
            onClick={() => void navigate(`/surveys/${s.id}`)}
            description={
              <>
                <div>
                  {s.placeName} · {s.state === 'closed' ? t('surveysH5.closedAt', { at: formatDateTime(s.closesAt) }) : t('surveysH5.until', { at: formatDateTime(s.closesAt) })}
                </div>
                {s.anonymous && <div>{t('surveysH5.anonymous')}</div>}
              </>
            }
            extra={<Tag color={STATE_COLOR[s.state]}>{t(`surveysH5.state.${s.state}`)}</Tag>}
          >
            {s.title}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
