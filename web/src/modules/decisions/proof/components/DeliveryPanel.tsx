import { DownloadOutlined, PictureOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Progress, Row, Select, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { FilterBar } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListTable } from '../../../../workbench/components/ListTable.tsx';
import type { Decision } from '../../api.ts';
import { type DeliveryRow, deliveryXlsxUrl, proofFileUrl, useAddPosting, useAddReceipt, useDelivery } from '../api.ts';
import '../i18n.ts';
import { FileField } from './FileField.tsx';
import { usePanelList } from './panel-list.ts';

const WAYS = ['sms', 'inbox', 'materials', 'receipt'] as const;
/** A share in percent to one decimal, rounded down: 4 of 563 reads 0.7%, not 0%, and nothing short of all reads 100%. */
const pct = (part: number, whole: number) => (whole ? Math.floor((part * 1000) / whole) / 10 : 0);
/** A day as the server takes it: YYYY-MM-DD. */
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * 送达情况: the proof that each owner on the roll was notified — each way the decision reached them (SMS delivered,
 * in-app message opened, materials read, a signed paper receipt) — by building, with the owners not reached yet
 * first, and the public postings (photo and date). A decision is annulled when notice cannot be shown.
 */
export function DeliveryPanel({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const list = usePanelList<'q' | 'building' | 'unreached'>(10, { unreached: 'true' });
  const delivery = useDelivery(d.id, list.query);
  const data = delivery.data;
  const [receiptFor, setReceiptFor] = useState<DeliveryRow | null>(null);
  const [posting, setPosting] = useState(false);
  const totals = data?.totals;
  const at = (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">—</Typography.Text>);

  const columns: TableColumnsType<DeliveryRow> = [
    { title: t('decisionsProof.delivery.entryNo'), dataIndex: 'entryNo', width: 80, sorter: true },
    {
      title: t('decisionsProof.delivery.owner'),
      key: 'owner',
      render: (_, r) => (
        <>
          <div>{r.label}</div>
          <Typography.Text type="secondary" ellipsis={{ tooltip: (r.rooms ?? []).join(t('decisions.sep')) }} style={{ maxWidth: 200 }}>
            {(r.rooms ?? []).join(t('decisions.sep'))}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('decisionsProof.delivery.reachedLabel'),
      key: 'reached',
      render: (_, r) => (r.reached ? <Tag color="success">{t('decisionsProof.delivery.reached')}</Tag> : <Tag color="warning">{t('decisionsProof.delivery.unreached')}</Tag>),
    },
    { title: t('decisionsProof.delivery.way.sms'), key: 'sms', render: (_, r) => at(r.sms) },
    { title: t('decisionsProof.delivery.way.inbox'), key: 'inbox', render: (_, r) => at(r.inbox) },
    { title: t('decisionsProof.delivery.way.materials'), key: 'materials', render: (_, r) => at(r.materials) },
    {
      title: t('decisionsProof.delivery.way.receipt'),
      key: 'receipt',
      render: (_, r) =>
        r.receipt ? (
          <Typography.Link href={proofFileUrl(d.id, r.receipt.id)} target="_blank" rel="noopener">
            {t('decisionsProof.delivery.signedOn', { date: formatDate(r.receipt.signedOn) })}
          </Typography.Link>
        ) : d.can.organise ? (
          <Button size="small" icon={<UploadOutlined />} onClick={() => setReceiptFor(r)}>
            {t('decisionsProof.delivery.addReceipt')}
          </Button>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <Card
        title={t('decisionsProof.delivery.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={deliveryXlsxUrl(d.id, list.filters.building)} download>
            {t('decisionsProof.delivery.export')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('decisionsProof.delivery.intro')}</Typography.Paragraph>
        <Row gutter={[32, 16]} style={{ marginBottom: 16 }}>
          {totals && (
            <Col xs={24} xl={9}>
              <Statistic title={t('decisionsProof.delivery.reachedTotal')} value={totals.reached} suffix={`/ ${totals.heads}`} />
              <Progress percent={pct(totals.reached, totals.heads)} style={{ marginBottom: 16 }} />
              <Row gutter={[16, 16]}>
                {WAYS.map((w) => (
                  <Col key={w} span={12}>
                    <Statistic title={t(`decisionsProof.delivery.way.${w}`)} value={totals[w]} />
                  </Col>
                ))}
              </Row>
            </Col>
          )}
          {(data?.buildings.length ?? 0) > 0 && (
            <Col xs={24} xl={15}>
              <Table
                size="small"
                rowKey="building"
                pagination={false}
                scroll={{ y: 260 }}
                dataSource={data?.buildings}
                onRow={(b) => ({ onClick: () => list.setFilters({ building: b.building }), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('decisionsProof.delivery.building'), dataIndex: 'building' },
                  { title: t('decisionsProof.delivery.heads'), dataIndex: 'heads', align: 'right', width: 70 },
                  { title: t('decisionsProof.delivery.reachedHeads'), dataIndex: 'reached', align: 'right', width: 80 },
                  {
                    title: t('decisionsProof.delivery.progress'),
                    key: 'progress',
                    width: '45%',
                    render: (_, b) => <Progress percent={pct(b.reached, b.heads)} size="small" style={{ margin: 0 }} />,
                  },
                ]}
              />
            </Col>
          )}
        </Row>
        <FilterBar list={list} search={{ label: t('decisionsProof.delivery.search'), width: 220 }}>
          <Select
            allowClear
            aria-label={t('decisionsProof.delivery.building')}
            placeholder={t('decisionsProof.delivery.allBuildings')}
            value={list.filters.building}
            onChange={(v?: string) => list.setFilters({ building: v })}
            options={(data?.buildings ?? []).map((b) => ({ value: b.building, label: b.building }))}
            style={{ width: 150 }}
          />
          <Checkbox checked={list.filters.unreached === 'true'} onChange={(e) => list.setFilters({ unreached: e.target.checked ? 'true' : undefined })}>
            {t('decisionsProof.delivery.onlyUnreached')}
          </Checkbox>
        </FilterBar>
        <ListTable
          query={delivery}
          list={list}
          columns={columns}
          rowKey="entryId"
          emptyText={list.filters.unreached === 'true' && !list.filters.q && !list.filters.building ? t('decisionsProof.delivery.allReached') : t('common.noMatch')}
        />
      </Card>
      <Card
        title={t('decisionsProof.posting.title')}
        extra={
          d.can.organise && (
            <Button icon={<PlusOutlined />} onClick={() => setPosting(true)}>
              {t('decisionsProof.posting.add')}
            </Button>
          )
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data?.postings ?? []}
          locale={{ emptyText: t('decisionsProof.posting.none') }}
          columns={[
            { title: t('decisionsProof.posting.postedOn'), dataIndex: 'postedOn', width: 120, render: (v: string) => formatDate(v) },
            { title: t('decisionsProof.posting.location'), dataIndex: 'location' },
            {
              title: t('decisionsProof.posting.recorded'),
              key: 'recorded',
              render: (_, p) => (
                <>
                  {p.recordedBy} <Typography.Text type="secondary">{formatDateTime(p.recordedAt)}</Typography.Text>
                </>
              ),
            },
            {
              title: t('decisionsProof.posting.photo'),
              key: 'photo',
              width: 110,
              render: (_, p) => (
                <Button type="link" size="small" icon={<PictureOutlined />} href={proofFileUrl(d.id, p.id)} target="_blank" rel="noopener">
                  {t('decisionsProof.posting.viewPhoto')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <ReceiptModal decision={d} row={receiptFor} onClose={() => setReceiptFor(null)} />
      <PostingModal decision={d} open={posting} onClose={() => setPosting(false)} />
    </>
  );
}

/** 上传签收回执: the date the owner signed the paper notice, and its scan. */
function ReceiptModal({ decision: d, row, onClose }: { decision: Decision; row: DeliveryRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddReceipt(d.id);
  return (
    <FormModal<{ signedOn: Dayjs; scan: File }>
      title={t('decisionsProof.delivery.receiptTitle', { owner: row ? `${row.entryNo} ${row.label}` : '' })}
      open={!!row}
      onClose={onClose}
      okText={t('decisionsProof.delivery.addReceipt')}
      initialValues={{ signedOn: dayjs() }}
      submit={async (v) => {
        await add.mutateAsync({ entryId: row!.entryId, signedOn: day(v.signedOn), scan: v.scan });
        void message.success(t('decisionsProof.delivery.receiptAdded'));
      }}
    >
      {row && <Typography.Paragraph type="secondary">{(row.rooms ?? []).join(t('decisions.sep'))}</Typography.Paragraph>}
      <Form.Item name="signedOn" label={t('decisionsProof.delivery.signedOnLabel')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(v) => v.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="scan" label={t('decisionsProof.delivery.scan')} extra={t('decisionsProof.file.hint')} rules={[{ required: true, message: t('decisionsProof.delivery.scanRequired') }]}>
        <FileField label={t('decisionsProof.delivery.scanUpload')} />
      </Form.Item>
    </FormModal>
  );
}

/** 公告张贴: where and when the notice was posted, with a photo of it in place. */
function PostingModal({ decision: d, open, onClose }: { decision: Decision; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddPosting(d.id);
  return (
    <FormModal<{ postedOn: Dayjs; location: string; photo: File }>
      title={t('decisionsProof.posting.add')}
      open={open}
      onClose={onClose}
      okText={t('common.save')}
      initialValues={{ postedOn: dayjs() }}
      submit={async (v) => {
        await add.mutateAsync({ postedOn: day(v.postedOn), location: v.location.trim(), photo: v.photo });
        void message.success(t('decisionsProof.posting.added'));
      }}
    >
      <Form.Item name="postedOn" label={t('decisionsProof.posting.postedOn')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(v) => v.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="location" label={t('decisionsProof.posting.location')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input maxLength={100} placeholder={t('decisionsProof.posting.locationPlaceholder')} />
      </Form.Item>
      <Form.Item name="photo" label={t('decisionsProof.posting.photo')} extra={t('decisionsProof.file.hint')} rules={[{ required: true, message: t('decisionsProof.posting.photoRequired') }]}>
        <FileField label={t('decisionsProof.posting.photoUpload')} />
      </Form.Item>
    </FormModal>
  );
}
