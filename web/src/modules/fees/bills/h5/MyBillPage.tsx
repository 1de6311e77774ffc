import { Button, DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { ApiError } from '../../../../shared/api.ts';
import { useMyBill, yuan } from '../api.ts';
import './fees-bills-h5.css';

/** One of my bills: each line with its formula (面积 × 单价 × 月数), adjustments, what was paid, and 去缴费 while it is open. */
export function MyBillPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useMyBill(id);
  return (
    <>
      <BackTitle fallback="/fees">{t('feesBills.h5.detail')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status={q.error instanceof ApiError && q.error.status === 404 ? 'empty' : 'default'} fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : (
        <>
          <List header={`${q.data.roomLabel} · ${q.data.periodLabel}`}>
            {q.data.lines.map((l) => (
              <List.Item key={l.lineNo} description={<span className="gz-feb-formula">{l.formula}</span>} extra={<span className="gz-feb-amount">¥{yuan(l.amountFen)}</span>}>
                {l.label}
              </List.Item>
            ))}
            {q.data.adjustments
              .filter((a) => a.status === 'approved')
              .map((a) => (
                <List.Item key={a.id} description={a.reason} extra={<span className="gz-feb-amount">¥{yuan(a.deltaFen)}</span>}>
                  {t(`feesBills.detail.kind.${a.kind}`)}
                </List.Item>
              ))}
            <List.Item extra={<span className="gz-feb-amount">¥{yuan(q.data.paidFen)}</span>}>{t('feesBills.h5.paid')}</List.Item>
            <List.Item extra={<span className="gz-feb-amount gz-feb-due">¥{yuan(q.data.dueFen)}</span>}>
              {t('feesBills.h5.due')} <Tag color={q.data.status === 'open' ? 'warning' : 'success'}>{t(`feesBills.status.${q.data.status}`)}</Tag>
            </List.Item>
          </List>
          {q.data.status === 'open' && (
            <div className="gz-feb-actions">
              <Button color="primary" block size="large" onClick={() => void navigate(`/fees/pay?bills=${q.data.id}`)}>
                {t('feesBills.h5.pay')} ¥{yuan(q.data.dueFen)}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
