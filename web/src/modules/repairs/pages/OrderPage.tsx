import { App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Flex, Image, List, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useSignedIn } from '../../../shared/session.ts';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { mayRepairs } from '../access.ts';
import { type Order, useOrder, useRevealContact } from '../api.ts';
import { OrderActions, SuperviseModal } from '../components/OrderActions.tsx';
import { OrderTimeline } from '../components/OrderTimeline.tsx';
import { OverdueTag, PaidTag, Stars, StatusTag } from '../components/labels.tsx';
import { dueText, yuan } from '../format.ts';

/** One order: its facts and photos, what the viewer may do next, the escalations and the timeline. */
export function OrderPage() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  return <QueryView query={order}>{(o) => <OrderView order={o} />}</QueryView>;
}

function OrderView({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const reportPhotos = o.photos.filter((p) => p.stage === 'report');
  const finishPhotos = o.photos.filter((p) => p.stage === 'finish');
  const open = ['submitted', 'accepted', 'dispatched', 'in_progress', 'reopened'].includes(o.status);
  const deadline = (at: string, doneAt: string | null) => {
    if (doneAt) return formatDateTime(at);
    const due = dueText(t, at);
    return (
      <>
        {formatDateTime(at)}
        {open && (
          <Typography.Text type={due.late ? 'danger' : 'secondary'} style={{ marginInlineStart: 8 }}>
            {due.text}
          </Typography.Text>
        )}
      </>
    );
  };

  return (
    <>
      <PageHeader
        breadcrumb={
          <Breadcrumb
            items={[
              // Supervisors reach an order from the escalations; the company from its orders.
              mayRepairs(me, 'readOrders')
                ? { title: <Link to="/repairs/orders">{t('menu.repairOrders')}</Link> }
                : { title: <Link to="/repairs/escalations">{t('menu.repairEscalations')}</Link> },
              { title: o.no },
            ]}
          />
        }
        title={o.no}
        tags={
          <Flex gap={4}>
            <StatusTag status={o.status} />
            <OverdueTag overdue={o.overdue} />
            <PaidTag paid={o.paidService} priceFen={o.priceFen} />
          </Flex>
        }
        extra={<OrderActions order={o} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('repairs.detail.info')}>
            <Descriptions column={{ xs: 1, md: 2 }} size="middle">
              <Descriptions.Item label={t('repairs.field.category')}>{t(`repairs.category.${o.category}`)}</Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.place')}>
                {o.place.label} <Tag>{t(`repairs.placeKind.${o.place.kind}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.description')} span="filled">
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{o.description}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.contact')}>{o.contactName ?? t('repairs.none')}</Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.contactPhone')}>
                <ContactPhone order={o} />
              </Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.channel')}>{t(`repairs.channel.${o.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.reporter')}>{o.reporterName}</Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.preferred')}>
                {[o.preferredDate, o.preferredPeriod && t(`repairs.period.${o.preferredPeriod}`)].filter(Boolean).join(' ') || t('repairs.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.company')}>{o.company.name ?? t('repairs.none')}</Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.reportedAt')}>{formatDateTime(o.reportedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.assignee')}>{o.assignee?.name ?? t('repairs.unassigned')}</Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.respondBy')}>{deadline(o.respondBy, o.acceptedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('repairs.field.completeBy')}>{deadline(o.completeBy, o.finishedAt)}</Descriptions.Item>
              {o.acceptedAt && <Descriptions.Item label={t('repairs.field.acceptedAt')}>{formatDateTime(o.acceptedAt)}</Descriptions.Item>}
              {o.finishedAt && <Descriptions.Item label={t('repairs.field.finishedAt')}>{formatDateTime(o.finishedAt)}</Descriptions.Item>}
              {o.paidService && o.priceFen && <Descriptions.Item label={t('repairs.field.price')}>¥{yuan(o.priceFen)}</Descriptions.Item>}
              {o.finishNote && (
                <Descriptions.Item label={t('repairs.field.finishNote')} span={2}>
                  {o.finishNote}
                </Descriptions.Item>
              )}
              {o.returnReason && (
                <Descriptions.Item label={t('repairs.field.returnReason')} span={2}>
                  {o.returnReason}
                </Descriptions.Item>
              )}
              {o.rating && (
                <Descriptions.Item label={t('repairs.field.rating')} span={2}>
                  <Stars rating={o.rating} /> {o.ratingComment}
                </Descriptions.Item>
              )}
              {o.closedAt && (
                <Descriptions.Item label={t('repairs.field.closedAt')} span={2}>
                  {formatDateTime(o.closedAt)} {o.closeReason && (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {t(`repairs.closeReason.${o.closeReason}`)}
                    </Typography.Text>
                  )}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card title={t('repairs.photos')} style={{ marginTop: 16 }}>
            <Photos title={t('repairs.reportPhotos')} photos={reportPhotos} />
            {(finishPhotos.length > 0 || o.finishedAt) && <Photos title={t('repairs.finishPhotos')} photos={finishPhotos} />}
          </Card>
          {o.escalations.length > 0 && <Escalations order={o} />}
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('repairs.timeline')}>
            <OrderTimeline events={o.events} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function Photos({ title, photos }: { title: string; photos: Order['photos'] }) {
  const { t } = useTranslation();
  return (
    <section aria-label={title} className="gz-rep-photos">
      <Typography.Text type="secondary">{title}</Typography.Text>
      {photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('repairs.noPhotos')} style={{ margin: '8px 0' }} />
      ) : (
        <Image.PreviewGroup>
          <Flex gap={8} wrap style={{ marginTop: 8 }}>
            {photos.map((p, i) => (
              <Image key={p.id} src={p.url} width={104} height={104} style={{ objectFit: 'cover', borderRadius: 6 }} alt={`${title} ${i + 1}`} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </section>
  );
}

function ContactPhone({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const reveal = useRevealContact(order.id);
  if (!order.contactPhone) return <>{t('repairs.none')}</>;
  if (reveal.data?.phone) return <Typography.Text copyable>{reveal.data.phone}</Typography.Text>;
  return (
    <>
      {order.contactPhone}
      {order.can.revealContact && (
        <Button
          type="link"
          size="small"
          onClick={() =>
            modal.confirm({
              title: t('repairs.detail.revealConfirm'),
              content: t('repairs.detail.revealBody'),
              okText: t('repairs.detail.revealPhone'),
              cancelText: t('common.cancel'),
              onOk: async () => {
                await reveal.mutateAsync();
                void message.info(t('repairs.detail.revealed'));
              },
            })
          }
        >
          {t('repairs.detail.revealPhone')}
        </Button>
      )}
    </>
  );
}

function Escalations({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [supervising, setSupervising] = useState<string | null>(null);
  return (
    <Card title={t('repairs.detail.escalations')} style={{ marginTop: 16 }}>
      <List
        dataSource={order.escalations}
        renderItem={(e) => (
          <List.Item
            actions={
              order.can.supervise
                ? [
                    <Button key="s" size="small" onClick={() => setSupervising(e.id)}>
                      {t('repairs.detail.supervise')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <>
                  <Tag color="red">{t(`repairs.escalationKind.${e.kind}`)}</Tag>
                  {t('repairs.escalations.dueAt')} {formatDateTime(e.dueAt)} · {t('repairs.escalations.escalatedAt')} {formatDateTime(e.escalatedAt)}
                </>
              }
              description={
                e.supervisedAt
                  ? t('repairs.detail.supervised', { name: e.supervisorName, at: formatDateTime(e.supervisedAt), note: e.supervisionNote })
                  : t('repairs.detail.notSupervised')
              }
            />
          </List.Item>
        )}
      />
      {supervising && (
        <SuperviseModal
          escalationId={supervising}
          onClose={() => setSupervising(null)}
          onDone={() => void message.success(t('repairs.done.supervise'))}
        />
      )}
    </Card>
  );
}
