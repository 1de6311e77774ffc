import { Alert, App, Breadcrumb, Button, Card, DatePicker, Form, Input, Radio, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { NOTICE_CATEGORIES, type NoticeCategory } from '#server/modules/notices/contract.ts';
import { PlaceTreeSelect } from '../../registry/index.ts';
import { todayInShanghai } from '../../../shared/format.ts';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { showServerErrors } from '../../../workbench/components/server-errors.ts';
import { useScope } from '../../../workbench/scope.tsx';
import { type Notice, uploadAttachment, useCreateNotice, usePublishNotice, useNotice, useUpdateNotice } from '../api.ts';
import { NoticeAttachments, PendingAttachments } from '../components/AttachmentsField.tsx';

/** Places a notice can be posted to: anything down to a building's unit, never a single room. */
const NOTICE_PLACE_KINDS = ['city', 'district', 'street', 'community', 'grid', 'compound', 'building', 'unit'] as const;

interface Values {
  placeId: string;
  category: NoticeCategory;
  title: string;
  body: string;
  issuer?: string;
  validity: [Dayjs, Dayjs | null];
  pinned: boolean;
}

export function NewNoticePage() {
  return <NoticeEditor notice={null} />;
}

export function EditNoticePage() {
  const { id = '' } = useParams();
  const notice = useNotice(id);
  return <QueryView query={notice}>{(n) => <NoticeEditor key={n.id} notice={n} />}</QueryView>;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Writing a notice: place, category, text, signature, validity, pinning, attachments; save as draft or publish. */
function NoticeEditor({ notice }: { notice: Notice | null }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const { scope } = useScope();
  const [form] = Form.useForm<Values>();
  const [placeName, setPlaceName] = useState<string | null>(notice?.placeLabel ?? notice?.placeName ?? scope?.name ?? null);
  const [pending, setPending] = useState<File[]>([]);
  const [busy, setBusy] = useState<'draft' | 'publish' | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const create = useCreateNotice();
  const update = useUpdateNotice(notice?.id ?? '');
  const publish = usePublishNotice();
  const draft = !notice || notice.status === 'draft';

  const initial: Partial<Values> = notice
    ? {
        placeId: notice.placeId,
        category: notice.category,
        title: notice.title,
        body: notice.body,
        issuer: notice.issuer,
        validity: [dayjs(notice.validFrom), notice.validUntil ? dayjs(notice.validUntil) : null],
        pinned: notice.pinned,
      }
    : { placeId: scope?.id, category: 'announcement', body: '', validity: [dayjs(todayInShanghai()), null], pinned: false };

  const save = async (values: Values, andPublish: boolean) => {
    const body = {
      category: values.category,
      title: values.title,
      body: values.body ?? '',
      pinned: values.pinned,
      validFrom: day(values.validity[0])!,
      validUntil: day(values.validity[1]),
      ...(values.issuer?.trim() ? { issuer: values.issuer.trim() } : {}),
    };
    setBusy(andPublish ? 'publish' : 'draft');
    setBanner(null);
    try {
      let saved: Notice;
      if (notice) {
        saved = await update.mutateAsync({ ...body, ...(draft ? { placeId: values.placeId } : {}) });
      } else {
        // Attachments first, publication last: residents never see the notice without its files.
        saved = await create.mutateAsync({ ...body, placeId: values.placeId, publish: andPublish && pending.length === 0 });
        for (const file of pending) saved = await uploadAttachment(saved.id, file);
      }
      if (andPublish && saved.status === 'draft') saved = await publish.mutateAsync(saved.id);
      void message.success(andPublish ? t('notice.published') : t('notice.saved'));
      navigate(`/notices/${saved.id}`, { replace: true });
    } catch (err) {
      setBanner(showServerErrors(form, err, { PLACE_NOT_FOUND: 'placeId', PLACE_KIND_NOT_ALLOWED: 'placeId', PROPERTY_PLACE_ONLY_COMPOUND: 'placeId', VALIDITY_ORDER: 'validity' }));
    } finally {
      setBusy(null);
    }
  };

  const onPublish = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const validity = values.validity[1]
      ? t('notice.validRange', { from: day(values.validity[0]), until: day(values.validity[1]) })
      : t('notice.validFromOnly', { from: day(values.validity[0]) });
    modal.confirm({
      title: t('notice.publishTitle'),
      content: t('notice.publishConsequence', { place: placeName ?? '', validity }),
      okText: t('notice.publish'),
      cancelText: t('common.cancel'),
      onOk: () => save(values, true),
    });
  };

  const title = notice ? t('notice.edit') : t('notice.create');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        breadcrumb={
          <Breadcrumb
            items={[
              { key: 'list', title: <Link to="/notices">{t('menu.notices')}</Link> },
              ...(notice ? [{ key: 'n', title: <Link to={`/notices/${notice.id}`}>{notice.title}</Link> }] : []),
              { key: 'me', title },
            ]}
          />
        }
        title={title}
        extra={
          <>
            {draft && (
              <Button onClick={() => form.validateFields().then((v) => save(v, false))} loading={busy === 'draft'} disabled={!!busy}>
                {t('notice.saveDraft')}
              </Button>
            )}
            {draft ? (
              <Button type="primary" onClick={onPublish} loading={busy === 'publish'} disabled={!!busy}>
                {t('notice.publish')}
              </Button>
            ) : (
              <Button type="primary" onClick={() => form.validateFields().then((v) => save(v, false))} loading={busy === 'draft'}>
                {t('common.save')}
              </Button>
            )}
          </>
        }
      />
      {banner && <Alert type="error" showIcon title={banner} />}
      <Card>
        <Form<Values> form={form} layout="vertical" initialValues={initial} style={{ maxWidth: 820 }} scrollToFirstError>
          {draft ? (
            <Form.Item name="placeId" label={t('notice.place')} extra={t('notice.placeHelp')} rules={[{ required: true, message: t('validation.pickOne') }]}>
              <PlaceTreeSelect
                kinds={NOTICE_PLACE_KINDS}
                valueLabel={placeName ?? undefined}
                onChange={(_id, name) => setPlaceName(name)}
                aria-label={t('notice.place')}
                style={{ maxWidth: 420 }}
              />
            </Form.Item>
          ) : (
            <Form.Item label={t('notice.place')}>
              <Typography.Text strong>{placeName}</Typography.Text>
            </Form.Item>
          )}
          <Form.Item name="category" label={t('notice.categoryLabel')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={NOTICE_CATEGORIES.map((c) => ({ value: c, label: t(`notice.category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('notice.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input maxLength={120} showCount placeholder={t('notice.titlePlaceholder')} />
          </Form.Item>
          <Form.Item name="body" label={t('notice.body')}>
            <Input.TextArea rows={12} maxLength={20000} showCount placeholder={t('notice.bodyPlaceholder')} />
          </Form.Item>
          <Form.Item name="issuer" label={t('notice.issuer')}>
            <Input maxLength={100} placeholder={t('notice.issuerPlaceholder')} style={{ maxWidth: 420 }} />
          </Form.Item>
          <Form.Item
            name="validity"
            label={t('notice.validity')}
            rules={[{ required: true, validator: (_, v: Values['validity'] | undefined) => (v?.[0] ? Promise.resolve() : Promise.reject(new Error(t('validation.required')))) }]}
          >
            <DatePicker.RangePicker
              allowEmpty={[false, true]}
              placeholder={[t('notice.validFrom'), t('notice.untilWithdrawn')]}
              aria-label={t('notice.validity')}
            />
          </Form.Item>
          <Form.Item name="pinned" label={t('notice.pinned')} valuePropName="checked">
            <Switch aria-label={t('notice.pinned')} />
          </Form.Item>
          <Form.Item label={t('notice.attachments')}>
            {notice ? <NoticeAttachments notice={notice} /> : <PendingAttachments files={pending} onChange={setPending} />}
          </Form.Item>
        </Form>
      </Card>
    </Space>
  );
}
