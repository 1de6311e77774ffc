import { EditOutlined, PrinterOutlined, PushpinOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Form, Input, Row, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { PublicPageButton } from '../../../workbench/components/PublicPageButton.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { type Notice, pdfUrl, usePublishNotice, useNotice, useUpdateNotice, useWithdrawNotice } from '../api.ts';
import { NoticeAttachments } from '../components/AttachmentsField.tsx';
import { CategoryTag, NoticeStatusTag, PinnedMark, ReadProgress, validityText } from '../components/labels.tsx';

export function NoticePage() {
  const { id = '' } = useParams();
  const notice = useNotice(id);
  return <QueryView query={notice}>{(n) => <NoticeView key={n.id} notice={n} />}</QueryView>;
}

/** One notice for its publisher: text, attachments, who reads it, and what can be done with it. */
function NoticeView({ notice: n }: { notice: Notice }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [withdrawing, setWithdrawing] = useState(false);
  const publish = usePublishNotice();
  const update = useUpdateNotice(n.id);
  const withdraw = useWithdrawNotice(n.id);
  const validity = validityText(t, n);

  const onPublish = () =>
    modal.confirm({
      title: t('notice.publishTitle'),
      content: t('notice.publishConsequence', { place: n.placeLabel ?? n.placeName, validity }),
      okText: t('notice.publish'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await publish.mutateAsync(n.id);
        void message.success(t('notice.published'));
      },
    });
  const onPin = async () => {
    await update.mutateAsync({ pinned: !n.pinned });
    void message.success(n.pinned ? t('notice.unpinnedDone') : t('notice.pinnedDone'));
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        breadcrumb={<Breadcrumb items={[{ key: 'list', title: <Link to="/notices">{t('menu.notices')}</Link> }, { key: 'me', title: n.title }]} />}
        title={
          <>
            {n.pinned && <PinnedMark />}
            {n.title}
          </>
        }
        tags={
          <>
            <CategoryTag category={n.category} />
            <NoticeStatusTag status={n.effectiveStatus} />
          </>
        }
        extra={
          <>
            <Tooltip title={t('notice.printHint')}>
              <Button icon={<PrinterOutlined />} href={pdfUrl(n.id)} target="_blank">
                {t('notice.print')}
              </Button>
            </Tooltip>
            {/* A notice in force has a public page: what its printed QR code opens, without signing in. */}
            <PublicPageButton pageKey="notices.notice" id={n.id} disabled={n.effectiveStatus !== 'active'} hint={n.effectiveStatus !== 'active' ? t('publicPage.unavailable') : undefined} />
            {n.can.edit && (
              <Button icon={<PushpinOutlined />} onClick={onPin} loading={update.isPending}>
                {n.pinned ? t('notice.unpin') : t('notice.pin')}
              </Button>
            )}
            {n.can.edit && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/notices/${n.id}/edit`)}>
                {t('common.edit')}
              </Button>
            )}
            {n.can.withdraw && (
              <Button danger icon={<RollbackOutlined />} onClick={() => setWithdrawing(true)}>
                {t('notice.withdraw')}
              </Button>
            )}
            {n.can.publish && (
              <Button type="primary" icon={<SendOutlined />} onClick={onPublish}>
                {t('notice.publish')}
              </Button>
            )}
          </>
        }
      />
      {n.status === 'draft' && <Alert type="info" showIcon title={t('notice.draftHint')} />}
      {n.status === 'withdrawn' && (
        <Alert type="warning" showIcon title={t('notice.withdrawnBanner', { name: n.withdrawnByName ?? '', at: formatDateTime(n.withdrawnAt), reason: n.withdrawReason ?? '' })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('notice.content')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.8 }}>{n.body || '—'}</Typography.Paragraph>
              <Typography.Paragraph style={{ textAlign: 'right', marginBottom: 0 }}>{n.issuer}</Typography.Paragraph>
            </Card>
            <Card title={t('notice.attachments')}>
              <NoticeAttachments notice={n} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('notice.reads')}>
              <ReadProgress notice={n} />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                {t('notice.readHint')}
              </Typography.Paragraph>
            </Card>
            <Card title={t('notice.basics')}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'place', label: t('notice.place'), children: n.placeLabel ?? n.placeName },
                  { key: 'validity', label: t('notice.validity'), children: validity },
                  { key: 'kind', label: t('notice.publisher'), children: `${n.publishedByName ?? n.createdByName} · ${n.publisherKind === 'property' ? t('notice.propertyKind') : t('notice.officialKind')}` },
                  { key: 'published', label: t('notice.publishedAt'), children: n.publishedAt ? formatDateTime(n.publishedAt) : '—' },
                  { key: 'created', label: t('notice.createdBy'), children: `${n.createdByName} · ${formatDateTime(n.createdAt)}` },
                ]}
              />
            </Card>
          </Space>
        </Col>
      </Row>
      <FormModal<{ reason: string }>
        title={t('notice.withdrawTitle')}
        open={withdrawing}
        onClose={() => setWithdrawing(false)}
        okText={t('notice.withdraw')}
        submit={async (v) => {
          await withdraw.mutateAsync(v.reason);
          void message.success(t('notice.withdrawn'));
        }}
      >
        <Alert type="warning" showIcon title={t('notice.withdrawConsequence')} style={{ marginBottom: 16 }} />
        <Form.Item name="reason" label={t('notice.withdrawReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
