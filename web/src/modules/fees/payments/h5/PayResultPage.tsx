import { Button, DotLoading, Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { useMyPayOrder, yuan } from '../api.ts';

/** Back from the cashier: polls the order until the gateway's notification is booked, then the receipt. */
export function PayResultPage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const order = useMyPayOrder(orderId);
  const o = order.data;
  return (
    <>
      <BackTitle fallback="/">{t('feesPayments.h5.resultTitle')}</BackTitle>
      {!o ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : o.status === 'paid' ? (
        <Result
          status="success"
          title={t('feesPayments.h5.paid')}
          description={
            <>
              <p>{t('feesPayments.h5.paidAmount', { amount: yuan(o.amountFen) })}</p>
              <p>{t('feesPayments.h5.receiptNo', { no: o.receiptNo })}</p>
              {o.receiptId && <Link to={`/fees/receipts/${o.receiptId}`}>{t('feesPayments.h5.seeReceipt')}</Link>}
            </>
          }
        />
      ) : o.status === 'created' ? (
        <Result
          status="waiting"
          title={t('feesPayments.h5.waiting')}
          description={
            <>
              <p>{t('feesPayments.h5.waitingHelp')}</p>
              {o.payUrl && (
                <Link to={o.payUrl.replace(/^\/h5/, '')}>
                  <Button size="small">{t('feesPayments.h5.payAgain')}</Button>
                </Link>
              )}
            </>
          }
        />
      ) : (
        <Result status="warning" title={t('feesPayments.h5.flagged')} description={t('feesPayments.h5.flaggedHelp')} />
      )}
    </>
  );
}
