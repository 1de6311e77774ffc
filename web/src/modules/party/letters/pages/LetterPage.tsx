import { DownloadOutlined, SendOutlined, AuditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Row, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { base, download, type Letter, type LetterLine, useLetter, useRequestApproval, useSendLetter } from '../api.ts';
import { KindTag, StatusTag } from '../components/labels.tsx';

/** 函件详情: a letter with its lines and totals (or a 函告's facts), its timeline, sending and the downloads. */
export function LetterPage() {
  const { id } = useParams<{ id: string }>();
  const letter = useLetter(id!);
  const { t } = useTranslation();
  return (
    <QueryView query={letter}>
      {(l) => (
        <>
          <PageHeader
            title={l.subject}
            tags={
              <>
                <KindTag kind={l.kind} />
                <StatusTag status={l.status} />
              </>
            }
            breadcrumb={<Link to="/party/letters">{t('partyLetters.page.title')}</Link>}
            extra={<Actions l={l} />}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Card title={t('partyLetters.detail.letter')}>
                <Descriptions column={{ xs: 1, md: 2 }} size="small">
                  <Descriptions.Item label={t('partyLetters.col.organisation')}>{l.organisationName}</Descriptions.Item>
                  <Descriptions.Item label={t('partyLetters.col.community')}>{l.communityName}</Descriptions.Item>
                  {l.year !== null && <Descriptions.Item label={t('partyLetters.col.year')}>{l.year}</Descriptions.Item>}
                  {l.memberName && <Descriptions.Item label={t('partyLetters.col.member')}>{l.memberName}</Descriptions.Item>}
                  <Descriptions.Item label={t('partyLetters.detail.signatory')}>{l.communityPartyOrg}</Descriptions.Item>
                  <Descriptions.Item label={t('partyLetters.col.sentAt')}>{l.sentAt ? formatDate(l.sentAt) : t('partyLetters.detail.notSent')}</Descriptions.Item>
                </Descriptions>
              </Card>
              {l.kind === 'annual' ? <LinesCard l={l} /> : <FactsCard l={l} />}
            </Col>
            <Col xs={24} lg={8}>
              <Card title={t('partyLetters.detail.timeline')}>
                <Timeline
                  items={l.timeline.map((e) => ({
                    color: e.event === 'rejected' ? 'red' : e.event === 'sent' || e.event === 'approved' ? 'green' : 'blue',
                    children: (
                      <>
                        <div>{t(`partyLetters.event.${e.event}`)}</div>
                        <Typography.Text type="secondary">
                          {formatDateTime(e.at)}
                          {e.by ? ` · ${e.by}` : ''}
                        </Typography.Text>
                        {e.note && <div>{e.note}</div>}
                      </>
                    ),
                  }))}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </QueryView>
  );
}

function Actions({ l }: { l: Letter }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const send = useSendLetter(l.id);
  const ask = useRequestApproval(l.id);
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null);
  const fileBase = l.kind === 'annual' ? `${l.communityName}-${l.organisationName}-${l.year}` : `${l.communityName}-${t('partyLetters.kind.admonition')}-${l.memberName ?? ''}`;
  const get = async (kind: 'pdf' | 'xlsx') => {
    setBusy(kind);
    try {
      await download(`${base}/${l.id}/letter.${kind}`, {}, `${fileBase}.${kind}`);
    } catch {
      message.error(t('partyLetters.detail.downloadFailed'));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button icon={<DownloadOutlined />} loading={busy === 'pdf'} onClick={() => void get('pdf')}>
        {t('partyLetters.detail.pdf')}
      </Button>
      {l.kind === 'annual' && (
        <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => void get('xlsx')}>
          {t('partyLetters.detail.xlsx')}
        </Button>
      )}
      {l.can.send && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          onClick={() =>
            modal.confirm({
              title: t('partyLetters.detail.sendAsk'),
              content: t('partyLetters.detail.sendBody', { organisation: l.organisationName, n: l.totals?.members ?? 0, hours: l.totals?.hours ?? '0.0' }),
              okText: t('partyLetters.detail.sendOk'),
              cancelText: t('common.cancel'),
              onOk: async () => {
                await send.mutateAsync(undefined);
                message.success(t('partyLetters.detail.sent'));
              },
            })
          }
        >
          {t('partyLetters.detail.send')}
        </Button>
      )}
      {l.can.requestApproval && (
        <Button
          type="primary"
          icon={<AuditOutlined />}
          onClick={() =>
            modal.confirm({
              title: t('partyLetters.detail.approvalAsk'),
              content: t('partyLetters.detail.approvalBody'),
              okText: t('partyLetters.detail.approvalOk'),
              cancelText: t('common.cancel'),
              onOk: async () => {
                await ask.mutateAsync(undefined);
                message.success(t('partyLetters.detail.approvalSent'));
              },
            })
          }
        >
          {t('partyLetters.detail.requestApproval')}
        </Button>
      )}
    </>
  );
}

function LinesCard({ l }: { l: Letter }) {
  const { t } = useTranslation();
  return (
    <Card title={l.status === 'sent' ? t('partyLetters.detail.linesSent') : t('partyLetters.detail.linesDraft')} style={{ marginTop: 16 }}>
      <Table<LetterLine>
        rowKey="memberId"
        size="small"
        pagination={false}
        dataSource={l.lines}
        locale={{ emptyText: <Empty description={t('partyLetters.detail.noLines')} /> }}
        columns={[
          { title: t('partyLetters.line.index'), key: 'i', width: 60, render: (_, __, i) => i + 1 },
          { title: t('partyLetters.line.name'), dataIndex: 'name' },
          { title: t('partyLetters.line.hours'), dataIndex: 'hours', align: 'right' },
          { title: t('partyLetters.line.points'), dataIndex: 'points', align: 'right' },
          { title: t('partyLetters.line.posts'), key: 'posts', render: (_, r) => r.posts.join('、') || '—' },
        ]}
        summary={() =>
          l.totals ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1}>
                <strong>{t('partyLetters.line.total', { n: l.totals.members })}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong>{l.totals.hours}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <strong>{l.totals.points}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}

function FactsCard({ l }: { l: Letter }) {
  const { t } = useTranslation();
  return (
    <Card title={t('partyLetters.detail.facts')} style={{ marginTop: 16 }}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{l.facts}</Typography.Paragraph>
      {l.status === 'pending_approval' && <Typography.Text type="secondary">{t('partyLetters.detail.awaitingApproval')}</Typography.Text>}
    </Card>
  );
}
