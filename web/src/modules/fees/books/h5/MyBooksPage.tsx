import { DotLoading, ErrorBlock, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { useMyStatements, yuan } from '../api.ts';

/** 账目公开: the published monthly statements of the compounds I own a room in, newest month first. */
export function MyBooksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const statements = useMyStatements({ page: 1, pageSize: 60 });
  return (
    <>
      <BackTitle fallback="/">{t('feesBooks.h5.title')}</BackTitle>
      <p style={{ margin: '8px 16px', color: 'var(--adm-color-weak)' }}>{t('feesBooks.h5.intro')}</p>
      {statements.isPending ? (
        <DotLoading />
      ) : statements.isError ? (
        <ErrorBlock status="default" title={t('feesBooks.h5.loadFailed')} />
      ) : statements.data.items.length === 0 ? (
        <ErrorBlock status="empty" title={t('feesBooks.h5.none')} />
      ) : (
        <List>
          {statements.data.items.map((s) => (
            <List.Item
              key={s.id}
              onClick={() => void navigate(`/fees/books/${s.id}`)}
              description={`${t('feesBooks.h5.income')} ¥${yuan(s.incomeFen)} · ${t('feesBooks.h5.expense')} ¥${yuan(s.expenseFen)}`}
              extra={`${t('feesBooks.h5.balance')} ¥${yuan(s.balanceFen)}`}
            >
              {s.compoundName} · {t('feesBooks.h5.month', { month: s.month })}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
