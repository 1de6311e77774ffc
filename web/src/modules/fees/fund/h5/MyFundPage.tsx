import { DotLoading, ErrorBlock, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate } from '../../../../shared/format.ts';
import { useMyFund, yuan } from '../api.ts';

/** 维修资金: for each compound where I own a room, its published quarters, newest first. */
export function MyFundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fund = useMyFund();
  return (
    <>
      <BackTitle fallback="/">{t('feesFund.h5.title')}</BackTitle>
      {fund.isPending ? (
        <DotLoading />
      ) : fund.isError ? (
        <ErrorBlock status="default" title={t('feesFund.h5.loadFailed')} />
      ) : fund.data.compounds.length === 0 ? (
        <ErrorBlock status="empty" title={t('feesFund.h5.notOwner')} description={t('feesFund.h5.notOwnerHelp')} />
      ) : (
        fund.data.compounds.map((c) => (
          <List key={c.compoundId} header={c.name}>
            {c.publications.length === 0 ? (
              <List.Item>{t('feesFund.h5.nothingYet')}</List.Item>
            ) : (
              c.publications.map((p) => (
                <List.Item
                  key={p.id}
                  onClick={() => void navigate(`/fees/fund/${p.id}`)}
                  description={t('feesFund.h5.line', { raised: yuan(p.raisedFen), used: yuan(p.usedFen), day: formatDate(p.publishedAt) })}
                  extra={`¥${yuan(p.closingFen)}`}
                >
                  {t('feesFund.h5.quarter', { quarter: p.quarter })}
                </List.Item>
              ))
            )}
          </List>
        ))
      )}
      <p style={{ padding: '12px 16px', color: '#888', fontSize: 'var(--gz-font-small, 13px)' }}>{t('feesFund.h5.about')}</p>
    </>
  );
}
