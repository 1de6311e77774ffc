import { DownloadOutlined, FilePdfOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Flex, Row, Steps, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { type Decision, STATUSES, useDecision } from '../api.ts';
import { DecisionActions } from '../components/DecisionActions.tsx';
import { MatterText, StatusTag, ThresholdTag } from '../components/labels.tsx';
import { CanvassPanel } from '../components/CanvassPanel.tsx';
import { ObjectionsPanel } from '../components/ObjectionsPanel.tsx';
import { ProgressPanel } from '../components/ProgressPanel.tsx';
import { ResultPanel } from '../components/ResultPanel.tsx';
import { RollPanel } from '../components/RollPanel.tsx';
import { RulesSettingsTable } from '../components/RulesSettingsTable.tsx';
import { PaperPanel } from '../paper/components/PaperPanel.tsx';
import { ProofPanels } from '../proof/components/ProofPanels.tsx';
import { LedgerCard } from '../ledger/LedgerCard.tsx';
import { ElevatorCard } from '../elevator/ElevatorCard.tsx';
import { FilingCard } from '../filing/components/FilingCard.tsx';
import { ElectionCard } from '../election/components/ElectionCard.tsx';

/** One decision: where it stands, what the organiser may do next, its items, rules, roll, progress and result. */
export function DecisionPage() {
  const { id = '' } = useParams();
  const decision = useDecision(id);
  return <QueryView query={decision}>{(d) => <DecisionView decision={d} />}</QueryView>;
}

function DecisionView({ decision: d }: { decision: Decision }) {
  const { t, i18n } = useTranslation();
  const current = STATUSES.indexOf(d.status);
  const at: Record<string, string | null> = {
    draft: null,
    roll_published: d.rollPublishedAt,
    open: d.opensAt,
    closed: d.closedAt,
    published: d.publishedAt,
  };
  const counted = d.status === 'closed' || d.status === 'published';
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const rules = d.rules;

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumb items={[{ title: <Link to="/decisions">{t('menu.decisions')}</Link> }, { title: d.title }]} />}
        title={d.title}
        tags={<StatusTag status={d.status} />}
        extra={<DecisionActions decision={d} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={current}
          status={d.status === 'published' ? 'finish' : 'process'}
          items={STATUSES.map((s) => ({ title: t(`decisions.steps.${s}`), content: at[s] ? formatDateTime(at[s]) : undefined }))}
        />
        {d.pending && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            title={t('decisions.action.pending', { what: t(`decisions.action.pendingWhat.${d.pending.kind}`) })}
            description={t('decisions.action.pendingSince', { at: formatDateTime(d.pending.requestedAt) })}
            action={
              <Link to="/approvals">
                <Button size="small">{t('decisions.action.toApprovals')}</Button>
              </Link>
            }
          />
        )}
      </Card>
      {d.kind === 'election' && <ElectionCard decision={d} />}
      {counted && (
        <div style={{ marginBottom: 16 }}>
          <ResultPanel decision={d} />
        </div>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card title={t('decisions.detail.info')}>
              <Descriptions column={{ xs: 1, md: 2 }} size="middle">
                <Descriptions.Item label={t('decisions.field.place')}>{d.placeLabel}</Descriptions.Item>
                <Descriptions.Item label={t('decisions.field.organiserKind')}>{t(`decisions.organiserKind.${d.organiserKind}`)}</Descriptions.Item>
                <Descriptions.Item label={t('decisions.field.organiserAuthority')} span="filled">
                  {d.organiserAuthority}
                </Descriptions.Item>
                {d.source && (
                  <Descriptions.Item label={t('decisions.field.source')} span="filled">
                    <Link to={`/deliberation/items/${d.source.id}`}>{t('decisions.field.sourceItem', { label: d.source.label })}</Link>
                  </Descriptions.Item>
                )}
                {d.description && (
                  <Descriptions.Item label={t('decisions.field.description')} span="filled">
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.description}</Typography.Paragraph>
                  </Descriptions.Item>
                )}
                {d.objectionUntil && <Descriptions.Item label={t('decisions.field.objectionUntil')}>{formatDate(d.objectionUntil)}</Descriptions.Item>}
                {d.opensAt && <Descriptions.Item label={t('decisions.field.opensAt')}>{formatDateTime(d.opensAt)}</Descriptions.Item>}
                {d.closesAt && <Descriptions.Item label={t('decisions.field.closesAt')}>{formatDateTime(d.closesAt)}</Descriptions.Item>}
              </Descriptions>
            </Card>
            <Card title={t('decisions.detail.items')}>
              <Table
                size="small"
                rowKey="no"
                pagination={false}
                dataSource={d.items}
                columns={[
                  { title: '#', dataIndex: 'no', width: 40 },
                  { title: t('decisions.field.items'), dataIndex: 'title' },
                  { title: t('decisions.field.matter'), dataIndex: 'matter', render: (m: number) => <MatterText matter={m} /> },
                  { title: t('decisions.field.threshold'), dataIndex: 'threshold', width: 110, render: (v: 'majority' | 'three_quarters') => <ThresholdTag threshold={v} /> },
                  { title: t('decisions.field.legalBasis'), dataIndex: 'legalBasis' },
                ]}
              />
            </Card>
            <RollPanel decision={d} />
            {d.can.organise && (d.status === 'roll_published' || d.status === 'open') && <CanvassPanel decision={d} />}
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            {counted && (
              <Card title={t('decisions.detail.downloads')}>
                <Flex vertical gap={8} align="start">
                  <Button icon={<DownloadOutlined />} href={`/api/decisions/${d.id}/summary.xlsx`} download>
                    {t('decisions.detail.summaryXlsx')}
                  </Button>
                  {d.can.seeChoices && (
                    <Button icon={<DownloadOutlined />} href={`/api/decisions/${d.id}/ballots.xlsx`} download>
                      {t('decisions.detail.ballotsXlsx')}
                    </Button>
                  )}
                  {d.status === 'published' && (
                    <>
                      <Button icon={<FilePdfOutlined />} href={`/api/public/decisions.result/${d.id}/print.pdf?lang=${lang}`} target="_blank" rel="noopener">
                        {t('decisions.detail.publicPdf')}
                      </Button>
                      <Button icon={<LinkOutlined />} href={`/h5/p/decisions.result/${d.id}`} target="_blank" rel="noopener">
                        {t('decisions.detail.publicPage')}
                      </Button>
                    </>
                  )}
                </Flex>
              </Card>
            )}
            {(d.status === 'open' || counted) && <ProgressPanel decision={d} />}
            {d.status !== 'draft' && <ObjectionsPanel decision={d} />}
            <Card title={t('decisions.detail.rules')}>
              <Typography.Paragraph type="secondary">
                {t('decisions.detail.rulesLine', {
                  what: rules.frozen ? t('decisions.detail.rulesFrozen') : t('decisions.detail.rulesInForce'),
                  which: rules.version ? t('decisions.detail.rulesVersion', { version: rules.version, title: rules.title }) : t('decisions.detail.rulesDefault'),
                })}
              </Typography.Paragraph>
              <RulesSettingsTable settings={rules.settings} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {d.kind === 'elevator' && <ElevatorCard decision={d} />}
      <PaperPanel decision={d} />
      <ProofPanels decision={d} />
      <LedgerCard decision={d} />
      <FilingCard decision={d} />
    </>
  );
}
