import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Progress, Row, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type ElectionsReport, type ReportCompound, reportXlsxUrl, useElectionsReport } from '../api.ts';
import { shareText } from '../components/labels.tsx';
import '../i18n.ts';

/** A share as a whole percentage for a bar, from the two counts (integers only). */
const percent = (part: number, whole: number) => (whole ? Math.floor((part * 100) / whole) : 0);

/** 业委会选举统计: how many compounds have a committee, the party members' share among candidates and the elected, per compound. */
export function ElectionsReportPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const report = useElectionsReport(scope?.id);
  return (
    <>
      <PageHeader
        title={t('decisionsElection.report.title')}
        tags={<ScopeNote />}
        extra={
          <Button icon={<DownloadOutlined />} href={reportXlsxUrl(scope?.id)} download>
            {t('decisionsElection.report.export')}
          </Button>
        }
      />
      <QueryView query={report}>{(r) => <ReportView r={r} />}</QueryView>
    </>
  );
}

function ReportView({ r }: { r: ElectionsReport }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ReportCompound> = [
    { title: t('decisionsElection.report.compounds'), dataIndex: 'label', sorter: (a, b) => a.label.localeCompare(b.label, 'zh-CN') },
    {
      title: t('decisionsElection.report.hasCommittee'),
      dataIndex: 'hasCommittee',
      sorter: (a, b) => Number(b.hasCommittee) - Number(a.hasCommittee),
      render: (v: boolean) => (v ? <Tag color="success">{t('decisionsElection.report.yes')}</Tag> : <Tag>{t('decisionsElection.report.no')}</Tag>),
    },
    { title: t('decisionsElection.report.elected'), key: 'elected', align: 'right', sorter: (a, b) => a.elected - b.elected, render: (_, c) => `${c.elected} / ${c.seats}` },
    { title: t('decisionsElection.report.partyElected'), dataIndex: 'partyElected', align: 'right', sorter: (a, b) => a.partyElected - b.partyElected },
    { title: t('decisionsElection.report.candidates'), dataIndex: 'candidates', align: 'right', sorter: (a, b) => a.candidates - b.candidates },
    { title: t('decisionsElection.report.partyCandidates'), dataIndex: 'partyCandidates', align: 'right', sorter: (a, b) => a.partyCandidates - b.partyCandidates },
    {
      title: t('decisionsElection.report.chart'),
      key: 'bar',
      width: 200,
      render: (_, c) => (
        <Progress
          size="small"
          percent={percent(c.partyElected, c.elected)}
          success={{ percent: 0 }}
          aria-label={`${t('decisionsElection.report.partyElected')} ${c.partyElected}/${c.elected}`}
          format={() => `${c.partyElected}/${c.elected}`}
        />
      ),
    },
    {
      title: t('decisionsElection.report.lastElection'),
      dataIndex: 'lastElectionId',
      render: (id: string | null) => (id ? <Link to={`/decisions/${id}`}>{t('decisionsElection.report.view')}</Link> : '—'),
    },
  ];
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('decisionsElection.report.coverage')} value={t('decisionsElection.report.coverageValue', { with: r.coverage.withCommittee, all: r.coverage.compounds })} />
            <Progress percent={percent(r.coverage.withCommittee, r.coverage.compounds)} showInfo />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('decisionsElection.result.partyCandidates')} value={shareText(t, r.partyShare.candidates.party, r.partyShare.candidates.total)} />
            <Progress percent={percent(r.partyShare.candidates.party, r.partyShare.candidates.total)} showInfo={false} strokeColor="#cf1322" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('decisionsElection.result.partyElected')} value={shareText(t, r.partyShare.elected.party, r.partyShare.elected.total)} />
            <Progress percent={percent(r.partyShare.elected.party, r.partyShare.elected.total)} showInfo={false} strokeColor="#cf1322" />
          </Card>
        </Col>
      </Row>
      <Card>
        <Table<ReportCompound>
          rowKey="compoundId"
          dataSource={r.compounds}
          columns={columns}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true }}
          locale={{ emptyText: <Typography.Text type="secondary">{t('decisionsElection.report.none')}</Typography.Text> }}
        />
      </Card>
    </>
  );
}
