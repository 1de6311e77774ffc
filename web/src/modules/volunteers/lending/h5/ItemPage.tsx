import { Button, Card, Dialog, ErrorBlock, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate } from '../../../../shared/format.ts';
import { type ItemJson, useItem, useRequestLoan } from '../api.ts';
import { LoanCard } from './LoanCard.tsx';
import { Loaded } from '../../../../resident/Loaded.tsx';

/** A tool or book of my compound: what it is, whether it is free; 申请借用 (confirmed: 确定) → 已申请; my loans of it, or for its owner every request. */
export function ItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useItem(id);
  return (
    <>
      <BackTitle fallback="/volunteers/lending">{item.data?.title ?? t('volLending.h5.title')}</BackTitle>
      <Loaded q={item}>{(d) => <Item d={d} />}</Loaded>
    </>
  );
}

function Item({ d }: { d: ItemJson }) {
  const { t } = useTranslation();
  const ask = useRequestLoan(d.id);
  const [note, setNote] = useState('');
  const open = d.myLoans.find((l) => l.status === 'requested' || l.status === 'lent');
  const onAsk = async () => {
    const ok = await Dialog.confirm({
      content: (
        <Space direction="vertical" block>
          <div>{t('volLending.h5.requestConfirm', { title: d.title })}</div>
          <TextArea placeholder={t('volLending.h5.requestNote')} maxLength={200} rows={2} onChange={setNote} />
        </Space>
      ),
      confirmText: t('volLending.h5.ok'),
      cancelText: t('volLending.h5.cancel'),
    });
    if (!ok) return;
    try {
      await ask.mutateAsync(note.trim());
      Toast.show({ icon: 'success', content: t('volLending.h5.requestSent') });
    } catch (e) {
      Toast.show({ icon: 'fail', content: (e as Error).message });
    }
  };
  return (
    <Space direction="vertical" block style={{ padding: 12 }}>
      <Card title={d.title}>
        <Space wrap style={{ marginBottom: 6 }}>
          <Tag color="primary" fill="outline">
            {t(`volLending.kind.${d.kind}`)}
          </Tag>
          {d.available ? <Tag color="success">{t('volLending.h5.available')}</Tag> : <Tag color="warning">{t('volLending.h5.lentUntil', { date: formatDate(d.dueOn) })}</Tag>}
        </Space>
        {d.author && <div>{t('volLending.h5.byAuthor', { author: d.author })}</div>}
        <div>
          {t('volLending.h5.owner', { name: d.ownerName })} · {t('volLending.h5.loanDays', { days: d.loanDays })} · {d.compoundName}
        </div>
        {d.body && <p style={{ whiteSpace: 'pre-wrap' }}>{d.body}</p>}
        {d.photoIds.map((p) => (
          <img key={p} src={`/api/volunteers/photos/${p}`} alt={d.title} style={{ maxWidth: '100%', borderRadius: 4, marginTop: 6 }} />
        ))}
        {!d.mine && (
          <div style={{ marginTop: 12 }}>
            {open?.status === 'requested' ? (
              <Tag color="warning" style={{ fontSize: 'var(--adm-font-size-7)', padding: '6px 10px' }}>
                {t('volLending.h5.requested')}
              </Tag>
            ) : open?.status === 'lent' ? (
              <div>{t('volLending.h5.borrowing', { date: formatDate(open.dueOn) })}</div>
            ) : (
              <Button block color="primary" size="large" disabled={!d.available} loading={ask.isPending} onClick={() => void onAsk()}>
                {d.available ? t('volLending.h5.request') : t('volLending.h5.lentUntil', { date: formatDate(d.dueOn) })}
              </Button>
            )}
          </div>
        )}
      </Card>
      {d.mine ? (
        <>
          <h2 style={{ fontSize: 'var(--adm-font-size-8)', margin: '8px 0 0' }}>{t('volLending.h5.requests')}</h2>
          {d.requests.length === 0 ? <ErrorBlock status="empty" fullPage={false} title={t('volLending.h5.noRequests')} /> : d.requests.map((l) => <LoanCard key={l.id} loan={l} titleLink={false} />)}
        </>
      ) : (
        d.myLoans.length > 0 && (
          <>
            <h2 style={{ fontSize: 'var(--adm-font-size-8)', margin: '8px 0 0' }}>{t('volLending.h5.myLoans')}</h2>
            {d.myLoans.map((l) => (
              <LoanCard key={l.id} loan={l} titleLink={false} />
            ))}
          </>
        )
      )}
    </Space>
  );
}
