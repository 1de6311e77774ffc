import { Button, DatePicker, type DatePickerRef, DotLoading, ErrorBlock, Form, ImageUploader, type ImageUploadItem, Input, Selector, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CATEGORIES, MAX_PHOTO_BYTES, MAX_PHOTOS, PERIODS, PHOTO_TYPES } from '#server/modules/repairs/contract.ts';
import { ApiError } from '../../../shared/api.ts';
import { type ReportPlace, toForm, useReportOrder, useReportPlaces } from '../api.ts';
import { BackTitle } from '../../../resident/BackTitle.tsx';
import { imageDecoded, shrinkPhoto } from '../../../shared/shrink-photo.ts';

interface Values {
  category: string[];
  placeId: string[];
  description: string;
  preferredDate?: Date;
  preferredPeriod?: string[];
  contactPhone?: string;
}

/** 我要报修: what, where, a description, photos (shrunk on the phone), when to come. */
export function ReportPage() {
  const { t } = useTranslation();
  const places = useReportPlaces();
  return (
    <>
      <BackTitle fallback="/services">{t('repairs.h5.reportTitle')}</BackTitle>
      {places.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : places.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={places.error.message} />
      ) : places.data.items.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t('h5.noRooms')} description={t('repairs.h5.noPlaces')} />
      ) : (
        <ReportForm places={places.data.items} />
      )}
    </>
  );
}

function ReportForm({ places }: { places: ReportPlace[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const report = useReportOrder();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const company = places[0]?.companyName;

  const upload = async (file: File): Promise<ImageUploadItem> => {
    const small = await shrinkPhoto(file, MAX_PHOTO_BYTES);
    if (small.size > MAX_PHOTO_BYTES) {
      Toast.show({ content: t('repairs.h5.photoTooLarge') });
      throw new Error(t('repairs.h5.photoTooLarge'));
    }
    const url = URL.createObjectURL(small);
    await imageDecoded(url);
    return { url, extra: small };
  };
  const beforeUpload = (file: File) => {
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) {
      Toast.show({ content: t('repairs.h5.photoType') });
      return null;
    }
    // The phone shrinks big photos before sending; refuse only what it cannot possibly shrink enough.
    if (file.size > 4 * MAX_PHOTO_BYTES) {
      Toast.show({ content: t('repairs.h5.photoTooLarge') });
      return null;
    }
    return file;
  };

  const submit = async (v: Values) => {
    setError(null);
    try {
      const order = await report.mutateAsync(
        toForm(
          {
            category: v.category[0],
            placeId: v.placeId[0],
            description: v.description,
            preferredDate: v.preferredDate ? dayjs(v.preferredDate).format('YYYY-MM-DD') : undefined,
            preferredPeriod: v.preferredPeriod?.[0],
            contactPhone: v.contactPhone,
          },
          photos.map((p) => p.extra as File),
        ),
      );
      Toast.show({ icon: 'success', content: t('repairs.h5.submitted') });
      navigate(`/services/repairs/${order.id}`, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ placeId: [places[0]!.id] }}
      footer={
        <>
          {error && (
            <p className="gz-form-error" role="alert">
              {error}
            </p>
          )}
          <Button block type="submit" color="primary" size="large" loading={report.isPending} loadingText={t('repairs.h5.submitting')}>
            {t('repairs.h5.submit')}
          </Button>
          {company && <p className="gz-rep-hint">{t('repairs.h5.to', { company })}</p>}
        </>
      }
    >
      <Form.Item name="category" label={t('repairs.h5.category')} rules={[{ required: true, message: t('repairs.report.categoryRequired') }]}>
        <Selector columns={3} options={CATEGORIES.map((c) => ({ value: c, label: t(`repairs.category.${c}`) }))} />
      </Form.Item>
      <Form.Item name="placeId" label={t('repairs.h5.place')} rules={[{ required: true, message: t('repairs.report.placeRequired') }]}>
        <Selector
          columns={1}
          className="gz-rep-places"
          options={places.map((p) => ({ value: p.id, label: p.label, description: t(`repairs.placeKind.${p.kind}`) }))}
        />
      </Form.Item>
      <Form.Item name="description" label={t('repairs.h5.description')} rules={[{ required: true, whitespace: true, message: t('repairs.report.descriptionRequired') }]}>
        <TextArea placeholder={t('repairs.h5.descriptionPlaceholder')} maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item label={t('repairs.h5.photos')}>
        <ImageUploader
          value={photos}
          onChange={setPhotos}
          upload={upload}
          beforeUpload={beforeUpload}
          accept={PHOTO_TYPES.join(',')}
          multiple
          maxCount={MAX_PHOTOS}
          onCountExceed={() => Toast.show({ content: t('repairs.h5.photoLimit') })}
        />
      </Form.Item>
      <Form.Item
        name="preferredDate"
        label={t('repairs.h5.preferredDate')}
        trigger="onConfirm"
        onClick={(_e, ref: RefObject<DatePickerRef>) => ref.current?.open()}
      >
        <DatePicker min={new Date()} max={dayjs().add(30, 'day').toDate()} title={t('repairs.h5.preferredDate')}>
          {(value) => (value ? dayjs(value).format('YYYY-MM-DD') : <span className="gz-rep-placeholder">{t('repairs.h5.pickDate')}</span>)}
        </DatePicker>
      </Form.Item>
      <Form.Item name="preferredPeriod" label={t('repairs.h5.preferredPeriod')}>
        <Selector columns={4} options={PERIODS.map((p) => ({ value: p, label: t(`repairs.period.${p}`) }))} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('repairs.h5.contactPhone')}>
        <Input type="tel" inputMode="tel" maxLength={20} placeholder={t('repairs.h5.contactPhonePlaceholder')} clearable />
      </Form.Item>
    </Form>
  );
}
