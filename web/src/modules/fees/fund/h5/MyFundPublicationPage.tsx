import { DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate } from '../../../../shared/format.ts';
import { useMyFundPublication, yuan } from '../api.ts';

/** One quarter's publication of my compound's fund: the totals, every use with its basis, and my rooms' lines. */
export function MyFundPublicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const p = useMyFundPublication(id);
  return (
    <>
      <BackTitle fallback="/fees/fund">{t('feesFund.h5.publication')}</BackTitle>
      {p.isPending ? (
        <DotLoading />
      ) : p.isError ? (
        <ErrorBlock status="default" title={t('feesFund.h5.loadFailed')} />
      ) : (
        <>
          <List header={`${p.data.compoundName} · ${t('feesFund.h5.quarter', { quarter: p.data.quarter })}`}>
            {(
              [
                ['opening', p.data.openingFen],
                ['raised', p.data.raisedFen],
                ['interest', p.data.interestFen],
                ['used', p.data.usedFen],
                ['refunded', p.data.refundedFen],
                ['closing', p.data.closingFen],
              ] as const
            ).map(([key, fen]) => (
              <List.Item key={key} extra={`¥${yuan(fen)}`}>
                {t(`feesFund.cards.${key}`)}
              </List.Item>
            ))}
          </List>
          <List header={t('feesFund.h5.uses')}>
            {p.data.uses.length === 0 ? (
              <List.Item>{t('feesFund.h5.noUses')}</List.Item>
            ) : (
              p.data.uses.map((u) => (
                <List.Item
                  key={u.entryId}
                  extra={`¥${yuan(u.amountFen)}`}
                  description={
                    u.basis.kind === 'decision' ? (
                      <>
                        <Tag color="primary">{t('feesFund.use.kindDecision')}</Tag> {u.basis.title}
                      </>
                    ) : (
                      <>
                        <Tag color="warning">{t('feesFund.use.emergency')}</Tag> {t('feesFund.use.emergencyText', { day: u.basis.day, by: u.basis.certifiedBy, what: u.basis.what })}
                      </>
                    )
                  }
                >
                  {u.summary || t('feesFund.kind.use')} · {u.day}
                </List.Item>
              ))
            )}
          </List>
          <List header={t('feesFund.h5.myLines')}>
            {p.data.myLines.length === 0 ? (
              <List.Item>{t('feesFund.h5.noMyLines')}</List.Item>
            ) : (
              p.data.myLines.map((l) => (
                <List.Item key={l.id} extra={`${l.kind === 'use' || l.kind === 'refund' ? '-' : ''}¥${yuan(l.amountFen)}`} description={`${l.room} · ${l.summary}`}>
                  {t(`feesFund.kind.${l.kind}`)} · {l.day}
                </List.Item>
              ))
            )}
          </List>
          <p style={{ padding: '12px 16px', color: '#888' }}>{t('feesFund.h5.publishedAt', { day: formatDate(p.data.publishedAt) })}</p>
        </>
      )}
    </>
  );
}
