import { Button, DatePicker, type DatePickerRef, Form, type ImageUploadItem, Input, NoticeBar, Selector, Stepper, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { ApiError } from '../../../../shared/api.ts';
import { listingForm, useBoardCompounds, usePost } from '../api.ts';
import '../i18n.ts';
import './boards.css';
import { PhotoUploader } from '../../components/PhotoUploader.tsx';


interface Values {
  kind?: string[];
  compoundId?: string[];
  title: string;
  body?: string;
  carpoolRole?: string[];
  routeFrom?: string;
  routeTo?: string;
  departsAt?: Date;
  seats?: number;
}

/** 发布 (H5): a carpool (offer seats or seek a ride: route, time, seats) or a second-hand item with photos. */
export function PostPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const compounds = useBoardCompounds();
  const post = usePost();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form)?.[0] ?? (search.get('kind') === 'secondhand' ? 'secondhand' : 'carpool');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const list = compounds.data ?? [];
  const first = list.find((c) => c.id === search.get('compound'))?.id ?? list[0]?.id;

  const submit = async (v: Values) => {
    setError(null);
    // A field not shown (one compound only) is not in the values: fall back to what the form started with.
    const kindOf = v.kind?.[0] ?? kind;
    const carpool = kindOf === 'carpool';
    try {
      const { id } = await post.mutateAsync(
        listingForm(
          {
            compoundId: v.compoundId?.[0] ?? first,
            kind: kindOf,
            title: v.title,
            body: v.body,
            ...(carpool ? { carpoolRole: v.carpoolRole?.[0], routeFrom: v.routeFrom, routeTo: v.routeTo, departsAt: v.departsAt?.toISOString(), seats: v.seats } : {}),
          },
          carpool ? [] : photos.map((p) => p.extra as File),
        ),
      );
      Toast.show({ icon: 'success', content: t('volBoards.form.posted') });
      navigate(`/volunteers/boards/${id}`, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    }
  };

  if (!first) return <BackTitle fallback="/volunteers/boards">{t('volBoards.form.title')}</BackTitle>;
  return (
    <>
      <BackTitle fallback="/volunteers/boards">{t('volBoards.form.title')}</BackTitle>
      <NoticeBar content={t('volBoards.h5.noPayment')} color="info" wrap />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: [kind], compoundId: [first], carpoolRole: ['offer'], seats: 1 }}
        footer={
          <>
            {error && (
              <p className="gz-form-error" role="alert">
                {error}
              </p>
            )}
            <Button block type="submit" color="primary" size="large" loading={post.isPending}>
              {t('volBoards.form.submit')}
            </Button>
          </>
        }
      >
        <Form.Item name="kind" label={t('volBoards.form.kind')} rules={[{ required: true }]}>
          <Selector columns={2} options={(['carpool', 'secondhand'] as const).map((k) => ({ value: k, label: t(`volBoards.kind.${k}`) }))} />
        </Form.Item>
        {list.length > 1 && (
          <Form.Item name="compoundId" label={t('volBoards.form.compound')} rules={[{ required: true }]}>
            <Selector columns={2} options={list.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('volBoards.form.titleLabel')} rules={[{ required: true, whitespace: true, message: t('volBoards.form.titleRequired') }]}>
          <Input placeholder={t(kind === 'carpool' ? 'volBoards.form.titleCarpool' : 'volBoards.form.titleItem')} maxLength={60} clearable />
        </Form.Item>
        {kind === 'carpool' && (
          <>
            <Form.Item name="carpoolRole" label={t('volBoards.form.role')} rules={[{ required: true }]}>
              <Selector columns={2} options={(['offer', 'seek'] as const).map((r) => ({ value: r, label: t(`volBoards.carpool.role.${r}`) }))} />
            </Form.Item>
            <Form.Item name="routeFrom" label={t('volBoards.form.from')} rules={[{ required: true, whitespace: true, message: t('volBoards.form.fromRequired') }]}>
              <Input maxLength={60} clearable />
            </Form.Item>
            <Form.Item name="routeTo" label={t('volBoards.form.to')} rules={[{ required: true, whitespace: true, message: t('volBoards.form.toRequired') }]}>
              <Input maxLength={60} clearable />
            </Form.Item>
            <Form.Item
              name="departsAt"
              label={t('volBoards.form.departsAt')}
              trigger="onConfirm"
              rules={[{ required: true, message: t('volBoards.form.departsAtRequired') }]}
              onClick={(_e, ref: RefObject<DatePickerRef>) => ref.current?.open()}
            >
              <DatePicker precision="minute" min={new Date()} max={dayjs().add(60, 'day').toDate()} title={t('volBoards.form.departsAt')}>
                {(value) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : t('volBoards.form.pickTime'))}
              </DatePicker>
            </Form.Item>
            <Form.Item name="seats" label={t('volBoards.form.seats')} rules={[{ required: true }]}>
              <Stepper min={1} max={6} digits={0} />
            </Form.Item>
          </>
        )}
        <Form.Item name="body" label={t('volBoards.form.body')}>
          <TextArea maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('volBoards.form.bodyPlaceholder')} />
        </Form.Item>
        {kind !== 'carpool' && (
          <Form.Item label={t('volBoards.form.photos')}>
            <PhotoUploader value={photos} onChange={setPhotos} invalid={t('volBoards.form.photoRule')} />
          </Form.Item>
        )}
      </Form>
    </>
  );
}
