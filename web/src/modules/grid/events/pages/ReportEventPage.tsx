import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EVENT_CATEGORIES, EVENT_CATEGORY_KEYS, EVENT_DESCRIPTION_MAX, EVENT_LOCATION_MAX, MAX_FILES } from '#server/modules/grid/contract.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { showServerErrors } from '../../../../workbench/components/server-errors.ts';
import { type ReportFields, useReport, useReportPlaces } from '../api.ts';

interface Values {
  placeId: string;
  location?: string;
  category: ReportFields['category'];
  description: string;
  urgency: 'normal' | 'urgent';
}

/**
 * 上报事件: where (a compound I may report at, or one of its buildings), the location in it, the category (with the
 * body it goes to by default), a description, urgency and photos. One column, so it works on a phone (390 px) too.
 * A patrol's events come here with ?patrolId=.
 */
export function ReportEventPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const patrolId = search.get('patrolId') ?? undefined;
  const places = useReportPlaces();
  const report = useReport();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  const category = Form.useWatch('category', form);

  return (
    <>
      <PageHeader title={t('gridEvents.form.title')} extra={<Link to="/grid/events">{t('gridEvents.page.back')}</Link>} />
      <QueryView query={places}>
        {(list) => {
          const options = list.flatMap((c) => [
            ...(c.atCompound ? [{ value: c.id, label: t('gridEvents.form.wholeCompound', { name: c.name }) }] : []),
            ...c.buildings.map((b) => ({ value: b.id, label: `${c.name} ${b.name}` })),
          ]);
          if (!options.length) return <Alert type="info" showIcon title={t('gridEvents.form.noPlaces')} />;
          return (
            <Card style={{ maxWidth: 640 }}>
              {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} />}
              <Form<Values>
                form={form}
                layout="vertical"
                initialValues={{ placeId: options[0]!.value, urgency: 'normal' }}
                scrollToFirstError
                onFinish={async (v) => {
                  setBanner(null);
                  try {
                    const r = await report.mutateAsync({
                      fields: { placeId: v.placeId, location: v.location, category: v.category, description: v.description, urgency: v.urgency, patrolId },
                      photos: files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f),
                    });
                    void message.success(t('gridEvents.form.saved'));
                    void navigate(`/grid/events/${r.id}`);
                  } catch (err) {
                    setBanner(showServerErrors(form, err, { PLACE_NOT_FOUND: 'placeId', EVENT_PLACE_KIND: 'placeId' }));
                  }
                }}
              >
                <Form.Item name="placeId" label={t('gridEvents.form.place')} rules={[{ required: true }]}>
                  <Select showSearch optionFilterProp="label" placeholder={t('gridEvents.form.placePlaceholder')} options={options} />
                </Form.Item>
                <Form.Item name="location" label={t('gridEvents.form.location')} rules={[{ max: EVENT_LOCATION_MAX }]}>
                  <Input maxLength={EVENT_LOCATION_MAX} placeholder={t('gridEvents.form.locationPlaceholder')} />
                </Form.Item>
                <Form.Item
                  name="category"
                  label={t('gridEvents.form.category')}
                  rules={[{ required: true }]}
                  extra={category ? t('gridEvents.form.defaultBody', { body: t(`gridEvents.body.${EVENT_CATEGORIES[category as keyof typeof EVENT_CATEGORIES]}`) }) : undefined}
                >
                  <Select options={EVENT_CATEGORY_KEYS.map((c) => ({ value: c, label: t(`gridEvents.category.${c}`) }))} />
                </Form.Item>
                <Form.Item name="description" label={t('gridEvents.form.description')} rules={[{ required: true, whitespace: true, max: EVENT_DESCRIPTION_MAX }]}>
                  <Input.TextArea rows={4} maxLength={EVENT_DESCRIPTION_MAX} placeholder={t('gridEvents.form.descriptionPlaceholder')} />
                </Form.Item>
                <Form.Item name="urgency" label={t('gridEvents.form.urgency')}>
                  <Radio.Group optionType="button" options={[{ value: 'normal', label: t('gridEvents.urgency.normal') }, { value: 'urgent', label: t('gridEvents.urgency.urgent') }]} />
                </Form.Item>
                <Form.Item label={t('gridEvents.form.photos')} extra={t('gridEvents.form.photosHint')}>
                  <Upload
                    listType="picture"
                    accept="image/jpeg,image/png,image/webp"
                    multiple
                    maxCount={MAX_FILES}
                    fileList={files}
                    beforeUpload={() => false}
                    onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}
                  >
                    <Button icon={<UploadOutlined />}>{t('gridEvents.form.photos')}</Button>
                  </Upload>
                </Form.Item>
                <Button type="primary" htmlType="submit" size="large" block loading={report.isPending}>
                  {t('gridEvents.form.submit')}
                </Button>
              </Form>
            </Card>
          );
        }}
      </QueryView>
    </>
  );
}
