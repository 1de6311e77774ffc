import { App, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX } from '#server/modules/supervision/contract.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { useDecideRepair } from '../api.ts';
import { signedPoints } from './labels.tsx';

interface Target {
  id: string;
  companyName: string;
  recordLabel: string;
  pointsCenti: number;
}

/**
 * The street's decision on a repair application, with a reason. Approving asks once more: the record stops
 * counting from now on and the company's score rises at once.
 */
export function DecideRepairModal({ repair, onClose }: { repair: Target; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const decide = useDecideRepair(repair.id);
  const confirmApprove = () =>
    new Promise<boolean>((resolve) =>
      modal.confirm({
        title: t('supervisionCredit.decide.confirmTitle'),
        content: t('supervisionCredit.decide.confirmBody', { company: repair.companyName, record: repair.recordLabel, points: signedPoints(repair.pointsCenti) }),
        okText: t('supervisionCredit.decide.approve'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );
  return (
    <FormModal<{ decision: 'approve' | 'reject'; reason: string }>
      title={t('supervisionCredit.decide.title', { company: repair.companyName })}
      open
      onClose={onClose}
      initialValues={{ decision: 'approve' }}
      okText={t('supervisionCredit.decide.submit')}
      submit={async (v) => {
        if (v.decision === 'approve' && !(await confirmApprove())) throw new Error(t('supervisionCredit.decide.notConfirmed'));
        return decide.mutateAsync(v);
      }}
    >
      <p>{t('supervisionCredit.decide.body', { record: repair.recordLabel, points: signedPoints(repair.pointsCenti) })}</p>
      <Form.Item name="decision" label={t('supervisionCredit.decide.decision')}>
        <Radio.Group
          options={[
            { value: 'approve', label: t('supervisionCredit.decide.approve') },
            { value: 'reject', label: t('supervisionCredit.decide.reject') },
          ]}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('supervisionCredit.decide.reason')} rules={[{ required: true, whitespace: true, message: t('supervisionCredit.decide.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount />
      </Form.Item>
    </FormModal>
  );
}
