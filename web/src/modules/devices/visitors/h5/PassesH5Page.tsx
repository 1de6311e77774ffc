import { Button, DotLoading, ErrorBlock, InfiniteScroll, List, Tabs, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PASS_STATES } from '#server/modules/devices/contract.ts';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { useMyPasses } from '../api.ts';
import '../i18n.ts';

export const PASS_TAG = { upcoming: 'primary', used: 'success', expired: 'default', cancelled: 'warning' } as const;

/** 访客通行 (H5): my visitor passes by state (upcoming / used / expired / cancelled), and 邀请访客. */
export function PassesH5Page() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<string>('upcoming');
  const [pageSize, setPageSize] = useState(20);
  const q = useMyPasses({ state, pageSize });
  return (
    <>
      <BackTitle fallback="/services">{t('devicesVisitors.h5.passesTitle')}</BackTitle>
      <div className="gz-padded">
        <Button block color="primary" style={{ minHeight: 52, fontSize: '1.15em' }} onClick={() => void navigate('/devices/passes/new')}>
          {t('devicesVisitors.h5.invite')}
        </Button>
      </div>
      <Tabs
        activeKey={state}
        onChange={(k) => {
          setState(k);
          setPageSize(20);
        }}
      >
        {PASS_STATES.map((s) => (
          <Tabs.Tab key={s} title={t(`devicesVisitors.passState.${s}`)} />
        ))}
      </Tabs>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : q.data.items.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t(`devicesVisitors.h5.noPasses.${state}`)} />
      ) : (
        <>
          <List>
            {q.data.items.map((p) => (
              <List.Item
                key={p.id}
                arrowIcon
                data-testid="my-pass"
                onClick={() => void navigate(`/devices/passes/${p.id}`)}
                description={
                  <div style={{ display: 'grid', gap: 2 }}>
                    <span>
                      {formatDateTime(p.validFrom)} – {formatDateTime(p.validTo)}
                    </span>
                    <span>{[p.plate, p.purpose].filter(Boolean).join(' · ')}</span>
                  </div>
                }
                extra={<Tag color={PASS_TAG[p.state]}>{t(`devicesVisitors.passState.${p.state}`)}</Tag>}
              >
                <span style={{ fontSize: '1.1em' }}>{p.visitorName}</span>
              </List.Item>
            ))}
          </List>
          <InfiniteScroll hasMore={q.data.items.length < q.data.total} loadMore={async () => setPageSize((n) => n + 20)} />
        </>
      )}
    </>
  );
}
