import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { type DecisionFiling, MINUTES_MAX_BYTES, MINUTES_TYPES, useSubmitFiling } from '../api.ts';
import '../i18n.ts';

interface Values {
  minutes: File;
  note?: string;
}

/** The minutes: one PDF or image, checked here for a quick answer (the server checks the content again). */
function MinutesField({ id, value, onChange }: { id?: string; value?: File; onChange?: (file?: File) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      accept={MINUTES_TYPES.join(',')}
      maxCount={1}
      fileList={value ? [{ uid: '1', name: value.name, status: 'done' }] : []}
      beforeUpload={(file) => {
        if (!MINUTES_TYPES.includes(file.type)) {
          void message.error(t('decisionsFiling.submit.fileType'));
          return Upload.LIST_IGNORE;
        }
        if (file.size > MINUTES_MAX_BYTES) {
          void message.error(t('decisionsFiling.submit.fileTooLarge'));
          return Upload.LIST_IGNORE;
        }
        onChange?.(file);
        return false;
      }}
      onRemove={() => onChange?.(undefined)}
    >
      <Button id={id} icon={<UploadOutlined />}>
        {t('decisionsFiling.submit.minutesUpload')}
      </Button>
    </Upload>
  );
}

/**
 * 提交备案 (or, once returned, the corrected package): the minutes and a note, then a confirmation that says what the
 * server will put in the package before it is built and hashed.
 */
export function SubmitFilingModal({ decisionId, filing, election, onClose }: { decisionId: string; filing: DecisionFiling | null; election: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const submit = useSubmitFiling();
  if (!filing) return null;
  const office = t(`decisionsFiling.office.${filing.office}`);
  const confirmed = (v: Values) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('decisionsFiling.submit.confirmTitle'),
        content: t('decisionsFiling.submit.confirmBody', {
          version: filing.version + 1,
          file: v.minutes.name,
          members: election ? t('decisionsFiling.card.members') : '',
          office,
        }),
        okText: t('decisionsFiling.submit.ok'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  const send = async (v: Values) => {
    // Cancelling the confirmation keeps the form open: an empty message shows no banner.
    if (!(await confirmed(v))) throw new Error('');
    const done = await submit.mutateAsync({ decisionId, filingId: filing.id, note: v.note ?? '', minutes: v.minutes });
    void message.success(t('decisionsFiling.submit.done', { version: done.version }));
  };
  return (
    <FormModal<Values> title={t('decisionsFiling.submit.title', { office })} open onClose={onClose} okText={t('decisionsFiling.submit.ok')} width={560} submit={send}>
      {filing.status === 'returned' && filing.returnReason && (
        <Typography.Paragraph type="warning">
          {t('decisionsFiling.field.returnReason')}：{filing.returnReason}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="minutes"
        label={t('decisionsFiling.submit.minutes')}
        extra={t('decisionsFiling.submit.minutesHint')}
        rules={[{ required: true, message: t('decisionsFiling.submit.minutesRequired') }]}
      >
        <MinutesField />
      </Form.Item>
      <Form.Item name="note" label={t('decisionsFiling.submit.note')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('decisionsFiling.submit.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
