import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { useMyPasses } from '../api.ts';
import '../i18n.ts';

/** For the resident home: my upcoming visitor passes (at most three), each leading to its QR code; nothing when there are none. */
export function PassesHomeSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useMyPasses({ state: 'upcoming', pageSize: 3 });
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <section aria-label={t('devicesVisitors.h5.homeTitle')}>
      <List header={t('devicesVisitors.h5.homeTitle')}>
        {q.data.items.map((p) => (
          <List.Item key={p.id} arrowIcon onClick={() => void navigate(`/devices/passes/${p.id}`)} description={`${formatDateTime(p.validFrom)} – ${formatDateTime(p.validTo)}`}>
            {p.visitorName}
            {p.plate ? ` · ${p.plate}` : ''}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
