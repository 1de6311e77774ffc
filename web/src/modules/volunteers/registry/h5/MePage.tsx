import { Button, DotLoading, ErrorBlock, Grid, List, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { type LedgerLine, useMyPoints } from '../api.ts';
import '../i18n.ts';

/** 我的志愿服务 (H5): my status, points balance, points earned, service hours, and the ledger, newest first. */
export function MePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const q = useMyPoints(page);
  if (q.isLoading)
    return (
      <div className="gz-center" aria-busy>
        <DotLoading color="primary" />
      </div>
    );
  if (q.isError) return <ErrorBlock status="default" description={q.error.message} />;
  const d = q.data!;
  const line = (l: LedgerLine) => (
    <List.Item
      key={l.id}
      description={`${formatDateTime(l.createdAt)} · ${l.placeName}${l.minutes ? ` · ${t('volRegistry.h5.lineMinutes', { minutes: l.minutes })}` : ''}`}
      extra={<span style={{ color: l.delta < 0 ? 'var(--adm-color-danger)' : 'var(--adm-color-success)', fontWeight: 600 }}>{l.delta > 0 ? `+${l.delta}` : l.delta}</span>}
    >
      {t(`volRegistry.source.${l.sourceKind}`)}
      {l.note ? ` · ${l.note}` : ''}
    </List.Item>
  );
  const pages = Math.max(1, Math.ceil(d.ledger.total / d.ledger.pageSize));
  return (
    <>
      <BackTitle fallback="/services">{t('volRegistry.h5.meTitle')}</BackTitle>
      <div className="gz-padded">
        {d.status ? <Tag color={d.status === 'approved' ? 'success' : d.status === 'pending' ? 'warning' : 'danger'}>{t(`volRegistry.h5.state.${d.status}`)}</Tag> : null}
        <Grid columns={3} gap={8} style={{ marginTop: 12, textAlign: 'center' }}>
          <Grid.Item>
            <div style={{ fontSize: 28, fontWeight: 700 }} data-testid="points-balance">
              {d.balance}
            </div>
            <div>{t('volRegistry.h5.balance')}</div>
          </Grid.Item>
          <Grid.Item>
            <div style={{ fontSize: 28, fontWeight: 700 }} data-testid="service-hours">
              {d.hours}
            </div>
            <div>{t('volRegistry.h5.hours')}</div>
          </Grid.Item>
          <Grid.Item>
            <div style={{ fontSize: 28, fontWeight: 700 }}>{d.earned}</div>
            <div>{t('volRegistry.h5.earned')}</div>
          </Grid.Item>
        </Grid>
      </div>
      <div className="gz-padded">
        {(!d.status || d.status === 'rejected') && (
          <Button block size="large" color="primary" onClick={() => navigate('/volunteers/join')}>
            {d.status === 'rejected' ? t('volRegistry.h5.again') : t('volRegistry.h5.join')}
          </Button>
        )}
        {d.status === 'pending' && (
          <Button block size="large" onClick={() => navigate('/volunteers/join')}>
            {t('volRegistry.h5.state.pending')}
          </Button>
        )}
        {d.status === 'approved' && (
          <Button block size="large" color="primary" onClick={() => navigate('/volunteers/rewards')}>
            {t('volRegistry.h5.rewards')}
          </Button>
        )}
      </div>
      <List header={t('volRegistry.h5.ledger')}>{d.ledger.items.length === 0 ? <List.Item>{t('volRegistry.h5.noLedger')}</List.Item> : d.ledger.items.map(line)}</List>
      {pages > 1 && (
        <Grid columns={2} gap={8} className="gz-padded">
          <Grid.Item>
            <Button block size="large" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('volRegistry.h5.newer')}
            </Button>
          </Grid.Item>
          <Grid.Item>
            <Button block size="large" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('volRegistry.h5.older')}
            </Button>
          </Grid.Item>
        </Grid>
      )}
    </>
  );
}
