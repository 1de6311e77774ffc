import { Card, ErrorBlock, List, Selector, Space, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { useMyService } from '../api.ts';
import { hours } from '../components/labels.tsx';
import { Loaded } from '../../../../resident/Loaded.tsx';

/** 我的服务 (H5): my totals per year (hours, points, posts), a year's claims and service records. */
export function MyServiceH5Page() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number>();
  const q = useMyService(year);
  return (
    <>
      <BackTitle fallback="/party/reporting">{t('partyReporting.h5.serviceTitle')}</BackTitle>
      <Loaded q={q}>
        {(d) => (
          <Space direction="vertical" block style={{ padding: 12 }}>
            {d.totals.length === 0 ? (
              <ErrorBlock status="empty" fullPage={false} title={t('partyReporting.h5.noService')} />
            ) : (
              d.totals.map((x) => (
                <Card key={x.year} title={t('partyReporting.h5.yearTotals', { year: x.year })} data-testid="party-service-totals">
                  <div style={{ fontSize: 'var(--adm-font-size-9)' }}>{t('partyReporting.h5.totals', { hours: hours(x.minutes), points: x.points })}</div>
                  <div style={{ color: 'var(--adm-color-weak)' }}>{x.posts.join('、')}</div>
                </Card>
              ))
            )}
            <Selector
              columns={3}
              value={[d.year]}
              onChange={(v) => v[0] && setYear(v[0])}
              options={[...new Set([d.year, ...d.totals.map((x) => x.year)])].sort((a, b) => b - a).map((y) => ({ label: String(y), value: y }))}
            />
            <List header={t('partyReporting.h5.myClaims', { year: d.year })}>
              {d.claims.length === 0 && <List.Item>{t('partyReporting.page.noClaims')}</List.Item>}
              {d.claims.map((c) => (
                <List.Item key={c.id} description={c.projectTitle} extra={<Tag color={c.status === 'active' ? 'success' : 'default'}>{t(`partyReporting.claimStatus.${c.status}`)}</Tag>}>
                  {c.postTitle ?? c.projectTitle}
                </List.Item>
              ))}
            </List>
            <List header={t('partyReporting.h5.records', { year: d.year })}>
              {d.records.length === 0 && <List.Item>{t('partyReporting.page.noServices')}</List.Item>}
              {d.records.map((r) => (
                <List.Item key={r.id} description={`${r.postTitle ?? r.projectTitle} ${r.note}`} extra={t('partyReporting.h5.recordPoints', { points: r.points })}>
                  {t('partyReporting.h5.recordLine', { day: r.servedOn, minutes: r.minutes })}
                </List.Item>
              ))}
            </List>
          </Space>
        )}
      </Loaded>
    </>
  );
}
