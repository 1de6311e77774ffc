import { Alert, App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { showServerErrors } from '../../../workbench/components/server-errors.ts';
import { useScope } from '../../../workbench/scope.tsx';
import { type PlaceSettings, type SettingsBody, usePutSettings, useSettings } from '../api.ts';

/** The fields and their ranges, as the table checks them (dlb_settings). */
const FIELDS: { key: keyof SettingsBody; min: number; max: number }[] = [
  { key: 'supportThreshold', min: 1, max: 10000 },
  { key: 'ratingDays', min: 1, max: 90 },
  { key: 'minRatings', min: 1, max: 10000 },
  { key: 'reopenBelowCenti', min: 100, max: 500 },
  { key: 'poorSharePercent', min: 1, max: 100 },
  { key: 'poorScoreMax', min: 1, max: 4 },
  { key: 'maxReopens', min: 0, max: 10 },
];

/** 议事设置: the procedure's thresholds at the chosen place (its own, inherited, or the defaults). */
export function SettingsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const settings = useSettings(scope?.id);
  return (
    <>
      <PageHeader title={t('deliberation.settings.title')} tags={<ScopeNote />} />
      {!scope ? <Alert type="info" showIcon title={t('deliberation.settings.pick')} /> : <QueryView query={settings}>{(s) => <SettingsForm key={s.placeId} settings={s} />}</QueryView>}
    </>
  );
}

function SettingsForm({ settings: s }: { settings: PlaceSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsBody>();
  const put = usePutSettings(s.placeId);
  useEffect(() => form.setFieldsValue(s.settings), [form, s.settings]);
  const onFinish = async (v: SettingsBody) => {
    try {
      await put.mutateAsync(v);
      void message.success(t('deliberation.settings.saved'));
    } catch (err) {
      const banner = showServerErrors(form, err);
      if (banner) void message.error(banner);
    }
  };
  return (
    <Card>
      <Typography.Paragraph type="secondary">
        {s.own ? t('deliberation.settings.own') : s.inheritedFrom ? t('deliberation.settings.inherited', { name: s.inheritedFrom.name ?? '' }) : t('deliberation.settings.defaults')}
        {!s.can.configure && ` · ${t('deliberation.settings.readOnly')}`}
      </Typography.Paragraph>
      <Form<SettingsBody> form={form} layout="vertical" initialValues={s.settings} onFinish={onFinish} disabled={!s.can.configure} style={{ maxWidth: 480 }}>
        {FIELDS.map((f) => (
          <Form.Item key={f.key} name={f.key} label={t(`deliberation.settings.${f.key}`)} rules={[{ required: true, type: 'integer', min: f.min, max: f.max, message: `${f.min}–${f.max}` }]}>
            <InputNumber min={f.min} max={f.max} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ))}
        {s.can.configure && (
          <Space>
            <Button type="primary" htmlType="submit" loading={put.isPending}>
              {t('deliberation.settings.save')}
            </Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}
