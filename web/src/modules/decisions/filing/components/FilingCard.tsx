import { DownloadOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { PublicPageButton } from '../../../../workbench/components/PublicPageButton.tsx';
import type { Decision } from '../../api.ts';
import { type DecisionFiling, minutesUrl, packageUrl, useDecisionFilings } from '../api.ts';
import { DueDate, FilingStatusTag, FilingTimeline, HashText } from './labels.tsx';
import { SubmitFilingModal } from './SubmitFilingModal.tsx';

/**
 * 备案 on the decision page, once the result is published and the rules file it: per receiving office its status,
 * the due day (red once overdue), the last package's hash, submit or resubmit with the minutes, and the history.
 */
export function FilingCard({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const filings = useDecisionFilings(d.id, d.status === 'published');
  const [submitting, setSubmitting] = useState<DecisionFiling | null>(null);
  const items = filings.data?.items ?? [];
  if (d.status !== 'published' || items.length === 0) return null;
  const election = d.kind === 'election';
  const mayResubmit = (f: DecisionFiling) => filings.data?.can.submit && (f.status === 'pending' || f.status === 'returned');
  return (
    <Card
      title={t('decisionsFiling.card.title')}
      style={{ marginBottom: 16 }}
      extra={
        filings.data?.compoundId &&
        items.some((f) => f.status === 'acknowledged') && <PublicPageButton pageKey="decisions.filings" id={filings.data.compoundId} hint={t('decisionsFiling.card.publicHint')} />
      }
    >
      <Typography.Paragraph type="secondary">{t('decisionsFiling.card.intro', { members: election ? t('decisionsFiling.card.members') : '' })}</Typography.Paragraph>
      <Flex vertical gap={16}>
        {items.map((f) => (
          <Card
            key={f.id}
            type="inner"
            title={
              <Flex gap={8} align="center" wrap>
                {t(`decisionsFiling.office.${f.office}`)}
                <FilingStatusTag status={f.status} />
              </Flex>
            }
            extra={
              <Flex gap={8}>
                {mayResubmit(f) && (
                  <Button type="primary" size="small" icon={<UploadOutlined />} onClick={() => setSubmitting(f)}>
                    {f.status === 'returned' ? t('decisionsFiling.card.resubmit') : t('decisionsFiling.card.submit')}
                  </Button>
                )}
                <Link to={`/filings/${f.id}`}>{t('decisionsFiling.card.open')}</Link>
              </Flex>
            }
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('decisionsFiling.field.dueOn')}>
                {f.status === 'acknowledged' || f.status === 'submitted' ? f.dueOn : <DueDate dueOn={f.dueOn} overdue={f.overdue} />}
              </Descriptions.Item>
              <Descriptions.Item label={t('decisionsFiling.field.version')}>{f.version || '—'}</Descriptions.Item>
              {f.acknowledgedAt && <Descriptions.Item label={t('decisionsFiling.field.acknowledgedAt')}>{formatDateTime(f.acknowledgedAt)}</Descriptions.Item>}
              {f.status === 'returned' && f.returnReason && (
                <Descriptions.Item label={t('decisionsFiling.field.returnReason')} span="filled">
                  <Typography.Text type="warning">{f.returnReason}</Typography.Text>
                </Descriptions.Item>
              )}
              {f.packageHash && (
                <Descriptions.Item label={t('decisionsFiling.field.packageHash')} span="filled">
                  <HashText hash={f.packageHash} />
                </Descriptions.Item>
              )}
            </Descriptions>
            {f.version > 0 && (
              <Flex gap={8} style={{ marginBottom: 8 }}>
                <Button size="small" icon={<DownloadOutlined />} href={packageUrl(f.id)} download>
                  {t('decisionsFiling.card.download')}
                </Button>
                <Button size="small" icon={<FileTextOutlined />} href={minutesUrl(f.id)} target="_blank" rel="noopener">
                  {t('decisionsFiling.card.minutes')}
                </Button>
              </Flex>
            )}
            <Collapse size="small" items={[{ key: 'timeline', label: `${t('decisionsFiling.card.timeline')} (${f.events.length})`, children: <FilingTimeline events={f.events} /> }]} />
          </Card>
        ))}
      </Flex>
      <SubmitFilingModal decisionId={d.id} filing={submitting} election={election} onClose={() => setSubmitting(null)} />
    </Card>
  );
}
