import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMyItems } from '../api.ts';
import { HOME_ITEMS_QUERY } from './home-query.ts';

/** On the resident home: the newest items of my places still gathering support or under way (primed by GET /api/me/home). */
export function HomeItemsSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useMyItems(HOME_ITEMS_QUERY);
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <List header={t('deliberation.h5.sectionTitle')}>
      {items.map((i) => (
        <List.Item
          key={i.id}
          description={`${t(`deliberation.stage.${i.stage}`)} · ${t('deliberation.h5.supporters', { count: i.supporterCount })}`}
          extra={i.canSupport ? t('deliberation.h5.support') : i.supported ? t('deliberation.h5.supported') : undefined}
          onClick={() => navigate(`/deliberation/items/${i.id}`)}
        >
          {i.title}
        </List.Item>
      ))}
    </List>
  );
}
