import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMyItemSurveys } from '../api.ts';

/** On the resident's item page: the item's published surveys, open ones first to answer. */
export function H5ItemSurveys({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const surveys = useMyItemSurveys(itemId);
  const rows = surveys.data?.items ?? [];
  if (!rows.length) return null;
  return (
    <List header={t('deliberation.surveys.title')}>
      {rows.map((s) => (
        <List.Item key={s.id} onClick={() => void navigate(`/surveys/${s.id}`)} description={t(`deliberation.surveys.status.${s.status}`)}>
          {s.title}
        </List.Item>
      ))}
    </List>
  );
}
