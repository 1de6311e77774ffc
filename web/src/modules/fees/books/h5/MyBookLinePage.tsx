import { DotLoading, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { useMyBookLine } from '../api.ts';

/** The way back from a question's opinion page ("关于：2026-11 账目 第 3 行") to its line on the statement. */
export function MyBookLinePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const line = useMyBookLine(id);
  if (line.isPending) return <DotLoading />;
  if (line.isError) return <ErrorBlock status="default" title={t('feesBooks.h5.loadFailed')} />;
  return <Navigate replace to={`/fees/books/${line.data.statementId}#line-${line.data.id}`} />;
}
