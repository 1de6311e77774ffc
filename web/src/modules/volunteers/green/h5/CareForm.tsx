import { Button, Form, type ImageUploadItem, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GREEN_CARE_KINDS, type GreenCareKind, MAX_PHOTOS } from '#server/modules/volunteers/contract.ts';
import { usePostCare } from '../api.ts';
import { PhotoUploader } from '../../components/PhotoUploader.tsx';

/** 记录养护: what was done (big buttons), a note, up to six photos — posted as one multipart request. */
export function CareForm({ adoptionId }: { adoptionId: string }) {
  const { t } = useTranslation();
  const post = usePostCare(adoptionId);
  const [form] = Form.useForm<{ kind: GreenCareKind[]; note?: string }>();
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { kind: GreenCareKind[]; note?: string }) => {
    setError(null);
    try {
      await post.mutateAsync({ kind: v.kind[0]!, note: v.note?.trim() ?? '', photos: photos.map((p) => p.extra as File) });
      Toast.show({ icon: 'success', content: t('volGreen.h5.posted') });
      form.resetFields();
      setPhotos([]);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      mode="card"
      footer={
        <>
          {error && (
            <p className="gz-form-error" role="alert">
              {error}
            </p>
          )}
          <Button block type="submit" color="primary" size="large" loading={post.isPending}>
            {t('volGreen.h5.post')}
          </Button>
        </>
      }
    >
      <Form.Header>{t('volGreen.h5.careTitle')}</Form.Header>
      <Form.Item name="kind" label={t('volGreen.h5.careKind')} rules={[{ required: true, message: t('volGreen.h5.careKind') }]}>
        <Selector columns={3} options={GREEN_CARE_KINDS.map((k) => ({ value: k, label: t(`volGreen.care.${k}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('volGreen.h5.careNote')}>
        <TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item label={t('volGreen.h5.photos', { max: MAX_PHOTOS })}>
        <PhotoUploader value={photos} onChange={setPhotos} invalid={t('volGreen.h5.photoType')} />
      </Form.Item>
    </Form>
  );
}
