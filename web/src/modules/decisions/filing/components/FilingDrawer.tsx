import { CheckOutlined, DownloadOutlined, FileTextOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type FilingDetail, minutesUrl, packageUrl, useAcknowledgeFiling, useFiling, useReturnFiling } from '../api.ts';
import { DueDate, FilingStatusTag, FilingTimeline, HashText } from './labels.tsx';

/** The package as the server built it (gongzhi.decision-filing/1): read loosely, shown as it is. */
interface Member {
  candidateId: string;
  name: string;
  roomLabel: string;
  partyMember: boolean;
  status: 'elected' | 'alternate';
  rank: number;
  vetting: { department: string; verdict: 'approve' | 'reject' | 'return'; reasonCode: string; note: string; byName: string; at: string }[];
}
interface Package {
  result: { items?: { passed: boolean }[] } | null;
  roll: { totals: { heads: number; areaCenti: number }; hash: string | null };
  rules: { version?: number | null; title?: string | null } | null;
  evidenceBundleHash: string | null;
  minutes: { name: string; sha256: string };
  members: Member[] | null;
}

/** 备案详情: the package (result, roll snapshot, rules, bundle hash, minutes, members with their vetting), the history, and the office's acknowledge / return. */
export function FilingDrawer({ filingId, onClose }: { filingId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const filing = useFiling(filingId);
  return (
    <Drawer title={t('decisionsFiling.detail.title')} open={!!filingId} onClose={onClose} size="large" destroyOnHidden>
      {filingId && <QueryView query={filing}>{(f) => <FilingView filing={f} />}</QueryView>}
    </Drawer>
  );
}

function FilingView({ filing: f }: { filing: FilingDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const acknowledge = useAcknowledgeFiling();
  const returnFiling = useReturnFiling();
  const [returning, setReturning] = useState(false);
  const pkg = f.package as Package | null;
  const onAcknowledge = () =>
    modal.confirm({
      title: t('decisionsFiling.review.ackTitle'),
      content: t('decisionsFiling.review.ackBody', { title: f.title }),
      okText: t('decisionsFiling.review.acknowledge'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await acknowledge.mutateAsync({ filingId: f.id });
          void message.success(t('decisionsFiling.review.acknowledged'));
        } catch (err) {
          void message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  const items = pkg?.result?.items ?? [];
  return (
    <Flex vertical gap={16}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('decisionsFiling.field.decision')}>
          <Link to={`/decisions/${f.decisionId}`}>{f.title}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('decisionsFiling.field.place')}>{f.placeLabel}</Descriptions.Item>
        <Descriptions.Item label={t('decisionsFiling.field.office')}>{t(`decisionsFiling.office.${f.office}`)}</Descriptions.Item>
        <Descriptions.Item label={t('decisionsFiling.field.status')}>
          <FilingStatusTag status={f.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('decisionsFiling.field.dueOn')}>
          <DueDate dueOn={f.dueOn} overdue={f.overdue} />
        </Descriptions.Item>
        {f.submittedAt && (
          <Descriptions.Item label={t('decisionsFiling.field.submittedAt')}>
            {formatDateTime(f.submittedAt)} · {f.submittedByName} · v{f.version}
          </Descriptions.Item>
        )}
        {f.note ? <Descriptions.Item label={t('decisionsFiling.field.note')}>{f.note}</Descriptions.Item> : null}
        <Descriptions.Item label={t('decisionsFiling.field.packageHash')}>
          <HashText hash={f.packageHash} />
        </Descriptions.Item>
      </Descriptions>
      {(f.can.acknowledge || f.can.return) && (
        <Flex gap={8}>
          <Button type="primary" icon={<CheckOutlined />} onClick={onAcknowledge}>
            {t('decisionsFiling.review.acknowledge')}
          </Button>
          <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
            {t('decisionsFiling.review.return')}
          </Button>
        </Flex>
      )}
      <Typography.Title level={5}>{t('decisionsFiling.detail.package')}</Typography.Title>
      {pkg ? (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('decisionsFiling.detail.result')}>{t('decisionsFiling.detail.items', { passed: items.filter((i) => i.passed).length, all: items.length })}</Descriptions.Item>
            <Descriptions.Item label={t('decisionsFiling.detail.roll')}>
              {t('decisionsFiling.detail.rollTotals', { heads: pkg.roll.totals.heads, area: (pkg.roll.totals.areaCenti / 100).toFixed(2) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('decisionsFiling.detail.rollHash')}>
              <HashText hash={pkg.roll.hash} />
            </Descriptions.Item>
            <Descriptions.Item label={t('decisionsFiling.detail.rules')}>
              {pkg.rules?.version ? t('decisionsFiling.detail.rulesVersion', { version: pkg.rules.version, title: pkg.rules.title ?? '' }) : t('decisionsFiling.detail.rulesDefault')}
            </Descriptions.Item>
            <Descriptions.Item label={t('decisionsFiling.detail.bundleHash')}>
              <HashText hash={pkg.evidenceBundleHash} />
            </Descriptions.Item>
            <Descriptions.Item label={t('decisionsFiling.field.minutes')}>
              <Flex gap={8} align="center" wrap>
                <Button size="small" icon={<FileTextOutlined />} href={minutesUrl(f.id)} target="_blank" rel="noopener">
                  {pkg.minutes.name}
                </Button>
                <HashText hash={pkg.minutes.sha256} />
              </Flex>
            </Descriptions.Item>
          </Descriptions>
          {pkg.members && (
            <>
              <Typography.Title level={5}>{t('decisionsFiling.detail.members')}</Typography.Title>
              <Table<Member>
                size="small"
                rowKey="candidateId"
                pagination={false}
                dataSource={pkg.members}
                columns={[
                  { title: '#', key: 'rank', width: 90, render: (_, m) => `${t(`decisionsFiling.detail.memberStatus.${m.status}`)} ${m.rank}` },
                  { title: t('decisionsFiling.detail.name'), dataIndex: 'name', render: (v: string, m) => <>{v} {m.partyMember && <Tag color="red">{t('decisionsFiling.detail.party')}</Tag>}</> },
                  { title: t('decisionsFiling.detail.room'), dataIndex: 'roomLabel' },
                  {
                    title: t('decisionsFiling.detail.vetting'),
                    key: 'vetting',
                    render: (_, m) => (
                      <Flex vertical gap={2}>
                        {m.vetting.map((v, i) => (
                          <Typography.Text key={i} type={v.verdict === 'approve' ? undefined : 'warning'}>
                            {v.department}：{t(`decisionsFiling.detail.verdict.${v.verdict}`)}
                            {v.note ? `（${v.note}）` : ''} · {v.byName}
                          </Typography.Text>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
            </>
          )}
          <Button icon={<DownloadOutlined />} href={packageUrl(f.id)} download style={{ alignSelf: 'start' }}>
            {t('decisionsFiling.card.download')}
          </Button>
        </>
      ) : (
        <Typography.Text type="secondary">{t('decisionsFiling.detail.noPackage')}</Typography.Text>
      )}
      <Typography.Title level={5}>{t('decisionsFiling.card.timeline')}</Typography.Title>
      <FilingTimeline events={f.events} />
      <FormModal<{ reason: string }>
        title={t('decisionsFiling.review.returnTitle')}
        open={returning}
        onClose={() => setReturning(false)}
        okText={t('decisionsFiling.review.returnOk')}
        submit={async (v) => {
          await returnFiling.mutateAsync({ filingId: f.id, reason: v.reason.trim() });
          void message.success(t('decisionsFiling.review.returned'));
        }}
      >
        <Form.Item name="reason" label={t('decisionsFiling.review.reason')} rules={[{ required: true, whitespace: true, message: t('decisionsFiling.review.reasonRequired') }, { max: 1000 }]}>
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
