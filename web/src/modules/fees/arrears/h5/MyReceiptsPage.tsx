import { DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate } from '../../../../shared/format.ts';
import { useMyReceipts, yuan } from '../api.ts';

/** 我的收据: the receipts of the payments for my rooms, newest first. */
export function MyReceiptsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const receipts = useMyReceipts({ page: 1, pageSize: 100 });
  return (
    <>
      <BackTitle fallback="/">{t('feesArrears.h5.receipts')}</BackTitle>
      {receipts.isPending ? (
        <DotLoading />
      ) : receipts.isError ? (
        <ErrorBlock status="default" title={t('feesArrears.h5.loadFailed')} />
      ) : receipts.data.items.length === 0 ? (
        <ErrorBlock status="empty" title={t('feesArrears.h5.noReceipts')} description={t('feesArrears.h5.noReceiptsHelp')} />
      ) : (
        <List>
          {receipts.data.items.map((r) => (
            <List.Item
              key={r.id}
              onClick={() => void navigate(`/fees/receipts/${r.id}`)}
              description={`${r.roomLabel} · ${r.periods}`}
              extra={
                <>
                  ¥{yuan(r.amountFen)}
                  {r.status === 'voided' && (
                    <Tag color="danger" style={{ marginLeft: 6 }}>
                      {t('feesArrears.receiptStatus.voided')}
                    </Tag>
                  )}
                </>
              }
            >
              {r.no} · {formatDate(r.issuedAt)}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
