import { Button, Card, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { type LoanJson, useLoanStep } from '../api.ts';
import { confirmThen } from './confirm.ts';

const COLOR: Record<LoanJson['status'], string> = { requested: 'warning', declined: 'default', cancelled: 'default', lent: 'primary', returned: 'success' };

/**
 * One loan as its owner or borrower sees it: the status (逾期 in red past the due day), the other side (masked; their
 * phone while lent), the timeline, and the steps open to the viewer, each confirmed first (确定).
 */
export function LoanCard({ loan, titleLink = true }: { loan: LoanJson; titleLink?: boolean }) {
  const { t } = useTranslation();
  const step = useLoanStep();
  const go = (s: 'lend' | 'decline' | 'cancel' | 'return', content: string) => void confirmThen(t, content, () => step.mutateAsync({ id: loan.id, step: s }));
  const title = titleLink ? <Link to={`/volunteers/lending/${loan.listingId}`}>{loan.title}</Link> : loan.title;
  return (
    <Card
      title={title}
      extra={
        <Space>
          <Tag color={COLOR[loan.status]} fill="outline" style={{ fontSize: 'var(--adm-font-size-6)' }}>
            {t(`volLending.status.${loan.status}`)}
          </Tag>
          {loan.overdue && (
            <Tag color="danger" style={{ fontSize: 'var(--adm-font-size-6)' }}>
              {t('volLending.status.overdue')}
            </Tag>
          )}
        </Space>
      }
      data-testid="lending-loan"
    >
      <Space direction="vertical" block style={{ '--gap': '6px' }}>
        <div>{loan.asOwner ? t('volLending.h5.borrower', { name: loan.borrowerName }) : t('volLending.h5.owner', { name: loan.ownerName })}</div>
        {loan.note && <div style={{ color: 'var(--adm-color-weak)' }}>{t('volLending.h5.note', { note: loan.note })}</div>}
        {loan.dueOn && loan.status === 'lent' && (
          <div style={{ color: loan.overdue ? 'var(--adm-color-danger)' : undefined }}>
            {t('volLending.h5.dueOn', { date: formatDate(loan.dueOn) })}
            {loan.overdue && ` · ${t('volLending.h5.overdueDays', { days: loan.overdueDays })}`}
          </div>
        )}
        {loan.contactPhone && (
          <div>
            {t('volLending.h5.contact', { phone: '' })}
            <a href={`tel:${loan.contactPhone}`}>{loan.contactPhone}</a>
          </div>
        )}
        {loan.declineReason && <div>{t('volLending.h5.declineReason', { reason: loan.declineReason })}</div>}
        <ol style={{ margin: 0, paddingLeft: 20, color: 'var(--adm-color-weak)' }}>
          {loan.timeline.map((s) => (
            <li key={s.step + s.at}>
              {formatDateTime(s.at)} {t(`volLending.h5.timeline.${s.step}`)}
            </li>
          ))}
        </ol>
        {loan.asOwner && loan.status === 'requested' && (
          <Space wrap>
            <Button color="primary" size="middle" loading={step.isPending} onClick={() => go('lend', t('volLending.h5.lendConfirm', { title: loan.title, name: loan.borrowerName }))}>
              {t('volLending.h5.lend')}
            </Button>
            <Button size="middle" loading={step.isPending} onClick={() => go('decline', t('volLending.h5.declineConfirm', { title: loan.title, name: loan.borrowerName }))}>
              {t('volLending.h5.decline')}
            </Button>
          </Space>
        )}
        {loan.asOwner && loan.status === 'lent' && (
          <Button color="primary" size="middle" loading={step.isPending} onClick={() => go('return', t('volLending.h5.returnConfirm', { title: loan.title }))}>
            {t('volLending.h5.confirmReturn')}
          </Button>
        )}
        {!loan.asOwner && loan.status === 'requested' && (
          <Button size="middle" loading={step.isPending} onClick={() => go('cancel', t('volLending.h5.cancelConfirm', { title: loan.title }))}>
            {t('volLending.h5.cancelRequest')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
