import { Alert, App, Button, Card, Form, Input, Space, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { NOTICE_TEXT_MAX, NOTICE_TITLE_MAX } from '#server/modules/supervision/contract.ts';
import { todayInShanghai } from '../../../../shared/format.ts';
import { PlaceTreeSelect } from '../../../registry/index.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { showServerErrors } from '../../../../workbench/components/server-errors.ts';
import { toForm, useIssueNotice, usePrefill } from '../api.ts';
import { blobsOf, EvidencePicker } from '../components/EvidencePicker.tsx';

interface Values {
  placeId: string;
  title: string;
  description: string;
  deadline: string;
}
const PLACE_KINDS = ['street', 'community', 'grid', 'compound', 'building', 'unit', 'room'] as const;

/**
 * 下发整改通知单: the place (a compound or a place in it), the problem, the deadline and evidence. Opened from an
 * inspection finding (`?inspectionId=&indicatorId=`), the form is filled from it and the finding's photos go with it.
 */
export function NewNoticePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const source = { inspectionId: params.get('inspectionId'), indicatorId: params.get('indicatorId') };
  const prefill = usePrefill(source);
  const issue = useIssueNotice();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  const [placeName, setPlaceName] = useState<string | undefined>();

  useEffect(() => {
    if (!prefill.data) return;
    form.setFieldsValue({ placeId: prefill.data.placeId, title: prefill.data.title, description: prefill.data.description });
    setPlaceName(prefill.data.placeName);
  }, [prefill.data, form]);

  const submit = async (v: Values) => {
    setBanner(null);
    try {
      const fields = { ...v, inspectionId: prefill.data?.inspectionId, indicatorId: prefill.data?.indicatorId };
      const made = await issue.mutateAsync(toForm(fields, blobsOf(files)));
      void message.success(t('supervisionRectification.form.issued', { no: made.no }));
      navigate(`/supervision/notices/${made.id}`);
    } catch (err) {
      setBanner(showServerErrors(form, err));
    }
  };

  return (
    <>
      <PageHeader title={t('supervisionRectification.form.title')} />
      <Card style={{ maxWidth: 760 }}>
        {prefill.data && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('supervisionRectification.form.fromFinding', { count: prefill.data.files.length })}
          />
        )}
        {prefill.isError && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('supervisionRectification.form.findingMissing')} />}
        {banner && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={banner} />}
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ deadline: '' }}>
          <Form.Item name="placeId" label={t('supervisionRectification.form.place')} extra={t('supervisionRectification.form.placeHelp')} rules={[{ required: true, message: t('supervisionRectification.form.placeRequired') }]}>
            <PlaceTreeSelect kinds={PLACE_KINDS} valueLabel={placeName} aria-label={t('supervisionRectification.form.place')} onChange={(id, name) => { form.setFieldValue('placeId', id); setPlaceName(name ?? undefined); }} />
          </Form.Item>
          <Form.Item name="title" label={t('supervisionRectification.form.problem')} rules={[{ required: true, whitespace: true, message: t('supervisionRectification.form.problemRequired') }]}>
            <Input maxLength={NOTICE_TITLE_MAX} showCount />
          </Form.Item>
          <Form.Item name="description" label={t('supervisionRectification.form.description')} rules={[{ required: true, whitespace: true, message: t('supervisionRectification.form.descriptionRequired') }]}>
            <Input.TextArea rows={5} maxLength={NOTICE_TEXT_MAX} showCount />
          </Form.Item>
          <Form.Item name="deadline" label={t('supervisionRectification.form.deadline')} extra={t('supervisionRectification.form.deadlineHelp')} rules={[{ required: true, message: t('supervisionRectification.form.deadlineRequired') }]}>
            <Input type="date" min={todayInShanghai()} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label={t('supervisionRectification.form.evidence')} extra={t('supervisionRectification.form.evidenceHelp')}>
            <EvidencePicker files={files} onChange={setFiles} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={issue.isPending}>
              {t('supervisionRectification.form.submit')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
