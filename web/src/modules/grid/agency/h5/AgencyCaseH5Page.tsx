import { DotLoading, ErrorBlock, List, NoticeBar, Steps, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { type MyCase, useMyCase } from '../api.ts';
import { CASE_COLOUR } from './colours.ts';
import '../i18n.ts';

const ORDER = ['accepted', 'sent', 'result', 'completed'] as const;

/**
 * A case of mine (H5): the steps (受理 → 转报 → 出结果 → 办结, or 撤回) with their times, the due day, the result, and
 * the documents handed in by label (their content is not shown here; 「已按规定删除」 once deleted).
 */
export function AgencyCaseH5Page() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useMyCase(id);
  return (
    <>
      <BackTitle fallback="/grid/agency">{t('gridAgency.h5.caseTitle')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : (
        <CaseView c={q.data} />
      )}
    </>
  );
}

function CaseView({ c }: { c: MyCase }) {
  const { t } = useTranslation();
  const at = (step: string) => c.steps.find((s) => s.step === step);
  const withdrawn = c.status === 'withdrawn';
  const reached = withdrawn ? ORDER.filter((s) => at(s)) : ORDER.slice(0, ORDER.indexOf(c.status as (typeof ORDER)[number]) + 1);
  const current = Math.max(0, reached.length - 1);
  return (
    <div className="gz-padded">
      <h2 style={{ fontSize: '1.3em', margin: '12px 0 4px' }}>{c.serviceName}</h2>
      <p style={{ margin: '0 0 8px' }}>
        <Tag color={CASE_COLOUR[c.status]}>{t(`gridAgency.status.${c.status}`)}</Tag> {c.overdue && <Tag color="danger">{t('gridAgency.overdue')}</Tag>}
      </p>
      {withdrawn && c.withdrawReason && <NoticeBar wrap color="alert" content={t('gridAgency.h5.withdrawnBecause', { reason: c.withdrawReason })} />}
      <Steps direction="vertical" current={current}>
        {ORDER.map((s, i) => {
          const step = at(s);
          const description = step ? [formatDateTime(step.at), step.note].filter(Boolean).join(' · ') : s === 'completed' ? t('gridAgency.h5.dueBy', { day: formatDate(c.dueOn) }) : '';
          return <Steps.Step key={s} title={t(`gridAgency.h5.step.${s}`)} description={description} status={step ? (withdrawn && i === current ? 'error' : 'finish') : 'wait'} />;
        })}
      </Steps>
      {c.outcome && (
        <NoticeBar wrap color={c.outcome === 'success' ? 'success' : 'alert'} content={`${t(`gridAgency.outcome.${c.outcome}`)}${c.refusalReason ? `：${c.refusalReason}` : ''}`} />
      )}
      <List header={t('gridAgency.h5.facts')}>
        <List.Item extra={c.no}>{t('gridAgency.col.no')}</List.Item>
        <List.Item extra={c.pointName}>{t('gridAgency.col.point')}</List.Item>
        {c.pointPhone && (
          <List.Item extra={<a href={`tel:${c.pointPhone}`}>{c.pointPhone}</a>}>{t('gridAgency.points.phone')}</List.Item>
        )}
        <List.Item extra={formatDate(c.dueOn)}>{t('gridAgency.col.dueOn')}</List.Item>
        {c.idNumberMasked && <List.Item extra={c.idNumberMasked}>{t('gridAgency.detail.idNumber')}</List.Item>}
        {c.handedOverOn && <List.Item extra={`${formatDate(c.handedOverOn)} ${c.handover ? t(`gridAgency.handover.${c.handover}`) : ''}`}>{t('gridAgency.detail.handedOver')}</List.Item>}
      </List>
      <List header={t('gridAgency.detail.documents')}>
        {c.documents.length === 0 ? (
          <List.Item>{t('gridAgency.detail.noDocuments')}</List.Item>
        ) : (
          c.documents.map((d, i) => (
            <List.Item key={`${d.label}-${i}`} extra={d.purged ? t('gridAgency.documentsPurged') : t('gridAgency.detail.handedIn')}>
              {d.label}
            </List.Item>
          ))
        )}
      </List>
    </div>
  );
}
