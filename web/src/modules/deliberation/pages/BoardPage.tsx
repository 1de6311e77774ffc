import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Empty, Flex, List, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ItemStage } from '#server/modules/deliberation/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useMe } from '../../../shared/session.ts';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type ItemRow, mayDeliberation, type PromotedOpinion, useItems, usePromotedOpinions, useTakeUp } from '../api.ts';
import { CreateItemModal } from '../components/CreateItemModal.tsx';
import { daysSince, SourceTag } from '../components/labels.tsx';

/** The columns of the board: stages 1–3, where items wait for someone to act. */
const COLUMNS: ItemStage[] = ['collecting', 'agenda', 'consulting', 'awaiting_vote'];
const PER_COLUMN = 20;

/** 议题看板: the items of my places by stage (stages 1–3), the promoted opinions to take up, and a new item. */
export function BoardPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const me = useMe().data;
  const [creating, setCreating] = useState(false);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('deliberation.board.title')}
        tags={<ScopeNote otherwise={t('deliberation.board.hint')} />}
        extra={
          mayDeliberation(me, 'propose') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('deliberation.create.button')}
            </Button>
          )
        }
      />
      <Row gutter={[12, 12]}>
        {COLUMNS.map((stage) => (
          <Col key={stage} xs={24} md={12} xl={6}>
            <StageColumn stage={stage} placeId={scope?.id} />
          </Col>
        ))}
      </Row>
      <PromotedPanel />
      <CreateItemModal open={creating} onClose={() => setCreating(false)} placeId={scope?.id} />
    </Space>
  );
}

function StageColumn({ stage, placeId }: { stage: ItemStage; placeId?: string }) {
  const { t } = useTranslation();
  const q = useItems({ stage, pageSize: PER_COLUMN, sort: 'updatedAt', order: 'desc', placeId });
  const total = q.data?.total ?? 0;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {t(`deliberation.stage.${stage}`)}
          <Badge count={total} showZero color={total ? 'blue' : 'default'} />
        </Flex>
      }
      loading={q.isPending}
      styles={{ body: { padding: 8 } }}
    >
      {q.data && q.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deliberation.board.empty')} />
      ) : (
        <Flex vertical gap={8}>
          {q.data?.items.map((i) => <ItemCard key={i.id} item={i} />)}
          {total > PER_COLUMN && <Link to={`/deliberation/items?stage=${stage}`}>{t('deliberation.board.more', { count: total })}</Link>}
        </Flex>
      )}
    </Card>
  );
}

function ItemCard({ item: i }: { item: ItemRow }) {
  const { t } = useTranslation();
  return (
    <Card size="small" hoverable>
      <Link to={`/deliberation/items/${i.id}`} aria-label={`${i.code} ${i.title}`}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {i.code}
        </Typography.Text>
        <div style={{ fontWeight: 500 }}>{i.title}</div>
      </Link>
      <Flex gap={4} wrap align="center" style={{ marginTop: 4, fontSize: 12 }}>
        <SourceTag kind={i.sourceKind} />
        <Typography.Text type="secondary">{i.placeName}</Typography.Text>
        <Typography.Text type="secondary">· {t('deliberation.board.supporters', { count: i.supporterCount })}</Typography.Text>
      </Flex>
      {/* On a line of its own: in a narrow column it would wrap with its separator in front. */}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('deliberation.board.days', { count: daysSince(i.stageSince) })}
      </Typography.Text>
    </Card>
  );
}

/** Opinions officials marked for deliberation, not yet items: "take up" makes one, with its households. */
function PromotedPanel() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const q = usePromotedOpinions();
  const takeUp = useTakeUp();
  const onTakeUp = (o: PromotedOpinion) =>
    modal.confirm({
      title: t('deliberation.promoted.takeUp'),
      content: t('deliberation.promoted.takeUpConfirm'),
      okText: t('deliberation.promoted.takeUp'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const { code } = await takeUp.mutateAsync(o.id);
        void message.success(t('deliberation.promoted.takenUp', { code }));
      },
    });
  return (
    <Card title={t('deliberation.promoted.title')} loading={q.isPending}>
      <List
        dataSource={q.data ?? []}
        locale={{ emptyText: t('deliberation.promoted.none') }}
        renderItem={(o) => (
          <List.Item
            actions={
              o.canTakeUp
                ? [
                    <Button key="take" type="link" onClick={() => onTakeUp(o)}>
                      {t('deliberation.promoted.takeUp')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={<Link to={`/opinions/${o.id}`}>{o.title}</Link>}
              description={
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                    {o.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.compoundName} · {t('deliberation.promoted.meToo', { count: o.meTooCount })} · {t('deliberation.promoted.promotedBy', { name: o.promotedByName ?? '' })} {formatDateTime(o.promotedAt)}
                    {o.promotionNote ? ` · ${o.promotionNote}` : ''}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
