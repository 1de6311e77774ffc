import { CheckOutlined, CloseOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, List, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { REASON_MAX } from '#server/modules/deliberation/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { type Item, useAccept, useItem, useItems, useMerge, useReject } from '../api.ts';
import { SourceTag, StageSteps, StageTag } from '../components/labels.tsx';
import { ItemExecutionSection } from '../execution/ItemExecutionSection.tsx';
import { ItemMeetingsSection } from '../meetings/ItemMeetingsSection.tsx';
import { ItemSurveysSection } from '../components/ItemSurveysSection.tsx';

export function ItemPage() {
  const { id = '' } = useParams();
  const item = useItem(id);
  return <QueryView query={item}>{(i) => <ItemView key={i.id} item={i} />}</QueryView>;
}

type Dialog = 'merge' | 'reject' | null;

function ItemView({ item: i }: { item: Item }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const accept = useAccept(i.id);
  const reject = useReject(i.id);
  const merge = useMerge(i.id);
  const onAccept = () =>
    modal.confirm({
      title: t('deliberation.action.accept'),
      content: t('deliberation.action.acceptConfirm'),
      okText: t('deliberation.action.accept'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await accept.mutateAsync(undefined);
        void message.success(t('deliberation.action.accepted'));
      },
    });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        breadcrumb={<Breadcrumb items={[{ key: 'board', title: <Link to="/deliberation/board">{t('deliberation.menu.board')}</Link> }, { key: 'me', title: i.code }]} />}
        title={`${i.code} ${i.title}`}
        tags={
          <>
            <StageTag stage={i.stage} />
            <SourceTag kind={i.sourceKind} />
            {!i.isPublic && <Tag>{t('deliberation.item.notPublic')}</Tag>}
          </>
        }
        extra={
          <>
            {i.can.accept && (
              <Button type="primary" icon={<CheckOutlined />} onClick={onAccept}>
                {t('deliberation.action.accept')}
              </Button>
            )}
            {i.can.merge && (
              <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')}>
                {t('deliberation.action.merge')}
              </Button>
            )}
            {i.can.reject && (
              <Button danger icon={<CloseOutlined />} onClick={() => setDialog('reject')}>
                {t('deliberation.action.reject')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <StageSteps stage={i.stage} />
      </Card>
      {i.rejectedReason && <Alert type="warning" showIcon title={`${t('deliberation.item.rejectedReason')}：${i.rejectedReason}`} />}
      {i.mergedInto && (
        <Alert type="info" showIcon title={<Link to={`/deliberation/items/${i.mergedInto.id}`}>{t('deliberation.item.mergedInto', { code: i.mergedInto.code })}</Link>} />
      )}
      <Card title={t('deliberation.item.detail')}>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'place', label: t('deliberation.field.place'), children: i.placeName },
            { key: 'supporters', label: t('deliberation.field.supporters'), children: t('deliberation.item.supporters', { count: i.supporterCount }) },
            ...(i.stage === 'collecting' ? [{ key: 'threshold', label: '', children: t('deliberation.item.threshold', { count: i.supportThreshold }) }] : []),
            { key: 'created', label: t('deliberation.field.createdAt'), children: formatDateTime(i.createdAt) },
            { key: 'listed', label: t('deliberation.item.listedAt'), children: formatDateTime(i.listedAt) },
          ]}
        />
        {i.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16, marginBottom: 0 }}>{i.description}</Typography.Paragraph>}
      </Card>
      <Card title={t('deliberation.item.sources')}>
        <List
          dataSource={i.sources}
          renderItem={(s) => (
            <List.Item
              actions={s.kind === 'opinion' && s.refId ? [<Link key="open" to={`/opinions/${s.refId}`}>{t('deliberation.item.openOpinion')}</Link>] : []}
            >
              <Space wrap>
                <SourceTag kind={s.kind} />
                {s.label}
                {s.originalItemId !== i.id && s.originalCode && <Typography.Text type="secondary">{t('deliberation.item.originalItem', { code: s.originalCode })}</Typography.Text>}
                <Typography.Text type="secondary">{formatDateTime(s.addedAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
        {i.mergedFrom.length > 0 && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            {t('deliberation.item.mergedFrom')}：
            {i.mergedFrom.map((m) => (
              <Link key={m.id} to={`/deliberation/items/${m.id}`} style={{ marginInlineStart: 8 }}>
                {m.code}
              </Link>
            ))}
          </Typography.Paragraph>
        )}
      </Card>
      {(i.decisionText || i.decision) && (
        <Card title={t('deliberation.item.decision')}>
          <Descriptions
            column={1}
            items={[
              ...(i.decisionText ? [{ key: 'text', label: t('deliberation.item.decisionText'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.decisionText}</span> }] : []),
              ...(i.decision
                ? [
                    {
                      key: 'vote',
                      label: t('deliberation.item.vote'),
                      children: (
                        <Space wrap>
                          <Link to={`/decisions/${i.decision.id}`}>{i.decision.title}</Link>
                          <Tag>{t(`decisions.status.${i.decision.status}`, { defaultValue: i.decision.status })}</Tag>
                          <Tag color={i.decision.outcome === 'passed' ? 'green' : i.decision.outcome === 'failed' ? 'red' : 'default'}>{t(`deliberation.vote.${i.decision.outcome}`)}</Tag>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      <ItemSurveysSection itemId={i.id} title={i.title} />
      <ItemMeetingsSection itemId={i.id} />
      <ItemExecutionSection itemId={i.id} stage={i.stage} />
      <Card title={t('deliberation.item.timeline')}>
        <Timeline
          items={i.events.map((e) => ({
            color: e.kind === 'rejected' || e.kind === 'vote_failed' ? 'red' : e.to !== e.from ? 'blue' : 'gray',
            content: (
              <>
                {formatDateTime(e.at)}　{t(`deliberation.event.${e.kind}`, { defaultValue: t('deliberation.event.other') })} · {e.actorName}
                {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
              </>
            ),
          }))}
        />
      </Card>

      <FormModal<{ itemIds: string[] }>
        title={t('deliberation.action.merge')}
        open={dialog === 'merge'}
        onClose={() => setDialog(null)}
        okText={t('deliberation.action.merge')}
        width={640}
        submit={async (v) => {
          await merge.mutateAsync(v.itemIds);
          void message.success(t('deliberation.action.merged'));
        }}
      >
        <Alert type="info" showIcon title={t('deliberation.action.mergeHint')} style={{ marginBottom: 16 }} />
        <Form.Item name="itemIds" label={t('deliberation.action.mergePick')} rules={[{ required: true, message: t('validation.required') }]}>
          <MergeCandidates item={i} />
        </Form.Item>
      </FormModal>

      <FormModal<{ reason: string }>
        title={t('deliberation.action.reject')}
        open={dialog === 'reject'}
        onClose={() => setDialog(null)}
        okText={t('deliberation.action.reject')}
        submit={async (v) => {
          await reject.mutateAsync(v.reason);
          void message.success(t('deliberation.action.rejected'));
        }}
      >
        <Form.Item name="reason" label={t('deliberation.action.rejectReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

/** Items that may be merged into this one: not yet decided, under its place. */
function MergeCandidates({ item, value, onChange }: { item: Item; value?: string[]; onChange?: (v: string[]) => void }) {
  const q = useItems({ stage: 'collecting,agenda', placeId: item.placeId, pageSize: 200, sort: 'updatedAt', order: 'desc' });
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={q.isPending}
      optionFilterProp="label"
      options={(q.data?.items ?? []).filter((c) => c.id !== item.id).map((c) => ({ value: c.id, label: `${c.code} ${c.title}（${c.supporterCount}）` }))}
    />
  );
}
