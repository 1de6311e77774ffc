import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from '../../../../workbench/components/server-errors.ts';
import { NOTE_MAX, REASON_CODES, type Verdict } from '../api.ts';
import { useReasonLabel } from './labels.tsx';
import '../i18n.ts';

export interface VerdictTarget {
  decisionId: string;
  candidateId: string;
  name: string;
  departmentId: string;
  departmentName: string;
  roomLabel?: string;
  statement?: string;
  /** The candidate's round of vetting: a corrected application is looked at again in the next. */
  round?: number;
}
interface Values {
  verdict: Verdict;
  reasonCode?: string;
  note?: string;
}

/**
 * A department's verdict on a candidate: 通过 / 不通过 / 退回, a reason from the fixed list for the last two
 * ('other' needs a note; the note reaches the candidate), then a confirmation saying what follows from it.
 */
export function VerdictModal({
  target,
  onClose,
  send,
}: {
  target: VerdictTarget;
  onClose: () => void;
  send: (body: { decisionId: string; candidateId: string; departmentId: string; verdict: Verdict; reasonCode?: string; note?: string }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const reasonLabel = useReasonLabel();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verdict = Form.useWatch('verdict', form);
  const reasonCode = Form.useWatch('reasonCode', form);

  const finish = (v: Values) =>
    modal.confirm({
      title: t('decisionsElection.queue.confirm'),
      content: t(`decisionsElection.queue.consequence.${v.verdict}`),
      okText: t('decisionsElection.queue.confirm'),
      okButtonProps: { danger: v.verdict === 'reject' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy(true);
        setBanner(null);
        try {
          await send({
            decisionId: target.decisionId,
            candidateId: target.candidateId,
            departmentId: target.departmentId,
            verdict: v.verdict,
            reasonCode: v.verdict === 'approve' ? 'ok' : v.reasonCode,
            note: v.note?.trim() || undefined,
          });
          void message.success(t('decisionsElection.queue.done'));
          onClose();
        } catch (err) {
          setBanner(showServerErrors(form, err, { REASON_REQUIRED: 'reasonCode', NOTE_REQUIRED: 'note' }));
        } finally {
          setBusy(false);
        }
      },
    });

  return (
    <Modal
      open
      title={t('decisionsElection.queue.verdictTitle', { name: target.name, department: target.departmentName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('decisionsElection.queue.vet')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      {(target.roomLabel || target.statement || target.round) && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {[target.round ? t('decisionsElection.card.round', { n: target.round }) : null, target.roomLabel, target.statement].filter(Boolean).join('\n')}
        </Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={{ verdict: 'approve' }}>
        <Form.Item name="verdict" label={t('decisionsElection.queue.verdict')} rules={[{ required: true, message: t('decisionsElection.queue.verdictRequired') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(['approve', 'reject', 'return'] as const).map((v) => ({ value: v, label: t(`decisionsElection.verdict.${v}`) }))}
            onChange={() => form.setFieldValue('reasonCode', undefined)}
          />
        </Form.Item>
        {verdict && verdict !== 'approve' && (
          <Form.Item name="reasonCode" label={t('decisionsElection.queue.reasonCode')} rules={[{ required: true, message: t('decisionsElection.queue.reasonRequired') }]}>
            <Select
              aria-label={t('decisionsElection.queue.reasonCode')}
              options={REASON_CODES[verdict].map((code) => ({ value: code, label: reasonLabel(code) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('decisionsElection.queue.note')}
          extra={verdict && verdict !== 'approve' ? t('decisionsElection.queue.noteHint') : undefined}
          rules={[{ required: reasonCode === 'other' && verdict !== 'approve', whitespace: true, message: t('decisionsElection.queue.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount />
        </Form.Item>
        {verdict && <Typography.Paragraph type={verdict === 'reject' ? 'danger' : 'secondary'}>{t(`decisionsElection.queue.consequence.${verdict}`)}</Typography.Paragraph>}
      </Form>
    </Modal>
  );
}
