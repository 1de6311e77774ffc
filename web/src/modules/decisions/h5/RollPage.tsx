import { Button, DotLoading, ErrorBlock, List, SearchBar } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackTitle } from '../../../resident/BackTitle.tsx';
import { formatDate } from '../../../shared/format.ts';
import './i18n.ts';
import { useMyRoll } from './api.ts';
import { m2 } from './format.ts';

const STEP = 20;

/** 表决名册: the published roll, names masked, searchable by room, for an owner checking it before objecting. */
export function RollPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [q, setQ] = useState('');
  const [size, setSize] = useState(STEP);
  const roll = useMyRoll(id, { page: 1, pageSize: size, q });
  return (
    <>
      <BackTitle fallback={`/decisions/${id}`}>{t('decisionsH5.roll.title')}</BackTitle>
      <div className="gz-dec-search">
        <SearchBar
          placeholder={t('decisionsH5.roll.search')}
          aria-label={t('decisionsH5.roll.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setSize(STEP);
          }}
          onClear={() => setQ('')}
        />
      </div>
      {roll.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : roll.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={roll.error.message}>
          <Button color="primary" onClick={() => void roll.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorBlock>
      ) : (
        <>
          <p className="gz-padded gz-dec-hint" style={{ margin: 0, paddingBottom: 0 }}>
            {t('decisionsH5.roll.totals', { heads: roll.data.totals.heads, area: m2(roll.data.totals.areaCenti) })}
            {roll.data.objectionUntil && ` · ${t('decisionsH5.roll.until', { date: formatDate(roll.data.objectionUntil) })}`}
          </p>
          {roll.data.items.length === 0 ? (
            <ErrorBlock status="empty" fullPage={false} title={t('decisionsH5.roll.empty')} description="" />
          ) : (
            <List>
              {roll.data.items.map((e) => (
                <List.Item
                  key={e.id}
                  prefix={<span className="gz-dec-hint">{e.no}</span>}
                  description={(e.rooms ?? []).join('，')}
                  extra={`${m2(e.areaCenti)} m²`}
                >
                  {e.kind === 'developer' ? t('decisionsH5.roll.developer') : e.label}
                </List.Item>
              ))}
            </List>
          )}
          {roll.data.items.length < roll.data.total && (
            <div className="gz-padded">
              <Button block onClick={() => setSize(size + STEP)} loading={roll.isFetching}>
                {t('decisionsH5.roll.more')}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
