import { List, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResidentHome } from '../../../../resident/home.ts';
import type { MyStation } from '../api.ts';

interface Slice {
  partyStations?: MyStation[];
}

/** For the resident home: 红色驿站 of their compound — address, today's hours, services and a phone link; tap for the roster. */
export function StationsHomeSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = useResidentHome<Slice>();
  const stations = home.data?.partyStations ?? [];
  if (stations.length === 0) return null;
  return (
    <section aria-label={t('partyStations.h5.section')}>
      <List header={t('partyStations.h5.section')}>
        {stations.map((s) => (
          <List.Item
            key={s.id}
            data-testid="home-station"
            onClick={() => navigate(`/party/stations/${s.id}`)}
            description={
              <Space direction="vertical" style={{ '--gap': '4px' }}>
                <span>{s.address}</span>
                <span>{s.hoursToday.length ? `${t('partyStations.h5.today')} ${s.hoursToday.join('，')}` : t('partyStations.h5.closedToday')}</span>
                <Space wrap>
                  {s.services.map((x) => (
                    <Tag key={x} color="danger" fill="outline">
                      {x}
                    </Tag>
                  ))}
                </Space>
                <a href={`tel:${s.phone.replace(/[^0-9+]/g, '')}`} onClick={(e) => e.stopPropagation()}>
                  {t('partyStations.h5.call')} {s.phone}
                </a>
              </Space>
            }
          >
            {s.name}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
