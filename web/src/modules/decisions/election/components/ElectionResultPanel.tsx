import { Alert, App, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { m2 } from '../../components/labels.tsx';
import { type Election, type ResultCandidate, useStartByElection, useStartRunoff } from '../api.ts';
import { LotsModal } from './LotsModal.tsx';
import { shareText } from './labels.tsx';
import '../i18n.ts';

/**
 * 选举结果 after the count: the elected by rank with their heads and area, the alternates, the rest; a tie
 * straddling the last seat with what the rules say to do (抽签 or 另行投票); the seats left empty with 发起补选;
 * the party members' share among the candidates and the elected.
 */
export function ElectionResultPanel({ decisionId, election: e }: { decisionId: string; election: Election }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const runoff = useStartRunoff(decisionId);
  const byElection = useStartByElection(decisionId);
  const [drawing, setDrawing] = useState(false);
  const r = e.result;
  if (!r) return null;
  const all = [...r.elected, ...r.alternates, ...r.notElected];
  const tied = r.tie ? r.tie.nos.map((no) => all.find((c) => c.no === no)).filter((c): c is ResultCandidate => !!c) : [];
  const names = tied.map((c) => c.name).join('、');

  const columns = [
    { title: t('decisionsElection.field.rank'), dataIndex: 'rank', width: 70 },
    { title: t('decisionsElection.field.no'), dataIndex: 'no', width: 70 },
    {
      title: t('decisionsElection.field.name'),
      dataIndex: 'name',
      render: (name: string, c: ResultCandidate) => (
        <span>
          {name} {c.partyMember && <Tag color="red">{t('decisionsElection.card.party')}</Tag>}
        </span>
      ),
    },
    { title: t('decisionsElection.field.heads'), dataIndex: 'forHeads', align: 'right' as const },
    { title: t('decisionsElection.field.area'), dataIndex: 'forAreaCenti', align: 'right' as const, render: (v: number) => m2(v) },
  ];
  const section = (title: string, rows: ResultCandidate[]) => (
    <>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {title}（{rows.length}）
      </Typography.Title>
      {rows.length ? (
        <Table size="small" rowKey="candidateId" pagination={false} dataSource={rows} columns={columns} />
      ) : (
        <Typography.Paragraph type="secondary">{t('decisionsElection.result.none')}</Typography.Paragraph>
      )}
    </>
  );

  const startRunoff = () =>
    modal.confirm({
      title: t('decisionsElection.result.runoffTitle'),
      content: t('decisionsElection.result.runoffText', { names, seats: r.tie?.seatsLeft ?? 0 }),
      okText: t('decisionsElection.result.runoff'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const { id } = await runoff.mutateAsync();
        void message.success(t('decisionsElection.result.runoffDone'));
        navigate(`/decisions/${id}`);
      },
    });
  const startByElection = () =>
    modal.confirm({
      title: t('decisionsElection.result.byElectionTitle'),
      content: t('decisionsElection.result.byElectionText', { n: r.vacancies }),
      okText: t('decisionsElection.result.byElection'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const { id } = await byElection.mutateAsync();
        void message.success(t('decisionsElection.result.byElectionDone'));
        navigate(`/decisions/${id}`);
      },
    });

  return (
    <Card title={t('decisionsElection.result.title')} style={{ marginBottom: 16 }}>
      <Flex vertical gap={12}>
        {r.tie && (
          <Alert
            type={r.tie.settled ? 'info' : 'warning'}
            showIcon
            title={t('decisionsElection.result.tie', { from: r.elected.length + 1, n: tied.length, names, seats: r.tie.seatsLeft })}
            description={
              r.tie.settled
                ? t(r.tie.settled === 'lots' ? 'decisionsElection.result.tieSettledLots' : 'decisionsElection.result.tieSettledRunoff')
                : t(e.tieBreak === 'lots' ? 'decisionsElection.result.tieLots' : 'decisionsElection.result.tieRunoff')
            }
            action={
              !r.tie.settled &&
              (e.tieBreak === 'lots'
                ? e.can.drawLots && (
                    <Button size="small" type="primary" onClick={() => setDrawing(true)}>
                      {t('decisionsElection.result.drawLots')}
                    </Button>
                  )
                : e.can.runoff && (
                    <Button size="small" type="primary" loading={runoff.isPending} onClick={startRunoff}>
                      {t('decisionsElection.result.runoff')}
                    </Button>
                  ))
            }
          />
        )}
        {r.vacancies > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('decisionsElection.result.vacancies', { n: r.vacancies })}
            action={
              e.can.byElection && (
                <Button size="small" type="primary" loading={byElection.isPending} onClick={startByElection}>
                  {t('decisionsElection.result.byElection')}
                </Button>
              )
            }
          />
        )}
        <Typography.Text type="secondary">{t('decisionsElection.result.passRule')}</Typography.Text>
        <div>
          {section(t('decisionsElection.result.elected'), r.elected)}
          {section(t('decisionsElection.result.alternates'), r.alternates)}
          {section(t('decisionsElection.result.notElected'), r.notElected)}
        </div>
        <Descriptions size="small" title={t('decisionsElection.result.partyShare')} column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('decisionsElection.result.partyCandidates')}>{shareText(t, r.partyShare.candidates.party, r.partyShare.candidates.total)}</Descriptions.Item>
          <Descriptions.Item label={t('decisionsElection.result.partyElected')}>{shareText(t, r.partyShare.elected.party, r.partyShare.elected.total)}</Descriptions.Item>
        </Descriptions>
      </Flex>
      {drawing && r.tie && <LotsModal decisionId={decisionId} tied={tied} seatsLeft={r.tie.seatsLeft} open onClose={() => setDrawing(false)} />}
    </Card>
  );
}
