import { DotLoading, ErrorBlock, List, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { useMyStation } from '../api.ts';
import '../i18n.ts';

/** 红色驿站 (H5): the station of the resident's compound — where, when, what it offers, whom to call — and this week's duty. */
export function StationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useMyStation(id);
  return (
    <>
      <BackTitle fallback="/">{t('partyStations.h5.detail')}</BackTitle>
      {q.isLoading ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : !q.data ? (
        <ErrorBlock status="empty" title={t('partyStations.h5.notFound')} description={q.error?.message} />
      ) : (
        <>
          <List header={q.data.station.name}>
            <List.Item extra={q.data.station.compoundName}>{q.data.station.address}</List.Item>
            <List.Item description={q.data.station.hoursText}>
              {q.data.station.hoursToday.length ? `${t('partyStations.h5.today')} ${q.data.station.hoursToday.join('，')}` : t('partyStations.h5.closedToday')}
            </List.Item>
            <List.Item title={t('partyStations.h5.services')}>
              <Space wrap>
                {q.data.station.services.map((x) => (
                  <Tag key={x} color="danger" fill="outline">
                    {x}
                  </Tag>
                ))}
              </Space>
            </List.Item>
            <List.Item>
              <a href={`tel:${q.data.station.phone.replace(/[^0-9+]/g, '')}`}>
                {t('partyStations.h5.call')} {q.data.station.phone}
              </a>
            </List.Item>
          </List>
          <List header={t('partyStations.h5.roster')}>
            {q.data.shifts.length === 0 && <List.Item>{t('partyStations.h5.noRoster')}</List.Item>}
            {q.data.shifts.map((s) => (
              <List.Item key={s.id} description={s.dutyRole}>
                {s.day.slice(5)} {s.starts}–{s.ends} {s.personName}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </>
  );
}
