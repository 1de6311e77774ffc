import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import '../i18n.ts';
import { useMyOrders } from '../api.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** For the resident home ("what needs me now"): my repair orders still in progress, newest first. */
export function OpenRepairsSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useMyOrders({ pageSize: 3, open: 'true' });
  if (!open.data) return null;
  return (
    <section aria-label={t('repairs.h5.openOrders')}>
      <List
        header={
          <span className="gz-ntc-section-head">
            <span>{t('repairs.h5.openOrders')}</span>
            <Link to="/services" className="gz-ntc-section-more">
              {t('repairs.h5.all')}
            </Link>
          </span>
        }
      >
        {open.data.items.length === 0 ? (
          <List.Item>
            <span style={{ color: 'var(--adm-color-weak)' }}>{t('repairs.h5.noOpen')}</span>
          </List.Item>
        ) : (
          open.data.items.map((o) => (
            <List.Item key={o.id} extra={<StatusBadge status={o.status} />} description={o.placeLabel ?? o.compoundName} onClick={() => navigate(`/services/repairs/${o.id}`)}>
              {t(`repairs.category.${o.category}`)}
            </List.Item>
          ))
        )}
      </List>
    </section>
  );
}
