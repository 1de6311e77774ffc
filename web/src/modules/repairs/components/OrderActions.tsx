import { App, Button, Form, Input, InputNumber, Select, Switch, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS, yuanToFen } from '#server/modules/repairs/contract.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { type Action, type Order, toForm, useAssignees, useFinishOrder, useOrderAction, useSupervise } from '../api.ts';
import { PhotoPicker } from './PhotoPicker.tsx';

type Dialog = 'dispatch' | 'finish' | 'return' | 'price' | 'answer' | null;

/** The buttons for what the viewer may do next, each behind a confirmation or a small form. */
export function OrderActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const act = useOrderAction(order.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const done = (action: Action) => void message.success(t(`repairs.done.${action}`));

  const confirm = (action: 'accept' | 'start' | 'cancel') =>
    modal.confirm({
      title: t(`repairs.dialog.${action}Title`, { no: order.no }),
      content: t(`repairs.dialog.${action}Body`),
      okText: t(`repairs.action.${action}`),
      cancelText: t('common.cancel'),
      okButtonProps: action === 'cancel' ? { danger: true } : undefined,
      onOk: async () => {
        try {
          await act.mutateAsync({ action });
          done(action);
        } catch (err) {
          void message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });

  const primary: Action[] = ['accept', 'dispatch', 'start', 'finish', 'answer'];
  const buttons = order.actions.filter((a) => a !== 'rate');
  return (
    <>
      {buttons.map((a) => (
        <Button
          key={a}
          type={primary.includes(a) ? 'primary' : 'default'}
          danger={a === 'return' || a === 'cancel'}
          onClick={() => (a === 'accept' || a === 'start' || a === 'cancel' ? confirm(a) : setDialog(a as Dialog))}
        >
          {t(`repairs.action.${a}`)}
        </Button>
      ))}
      {dialog === 'dispatch' && <DispatchModal order={order} onClose={() => setDialog(null)} onDone={() => done('dispatch')} />}
      {dialog === 'finish' && <FinishModal order={order} onClose={() => setDialog(null)} onDone={() => done('finish')} />}
      {dialog === 'return' && (
        <NoteModal order={order} action="return" field="reason" onClose={() => setDialog(null)} onDone={() => done('return')} />
      )}
      {dialog === 'answer' && <NoteModal order={order} action="answer" field="note" onClose={() => setDialog(null)} onDone={() => done('answer')} />}
      {dialog === 'price' && <PriceModal order={order} onClose={() => setDialog(null)} onDone={() => done('price')} />}
    </>
  );
}

interface ModalProps {
  order: Order;
  onClose: () => void;
  onDone: () => void;
}

function DispatchModal({ order, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const act = useOrderAction(order.id);
  const staff = useAssignees(order.id, true);
  return (
    <FormModal<{ assigneeId: string; note?: string }>
      title={t('repairs.dialog.dispatchTitle')}
      open
      onClose={onClose}
      okText={t('repairs.action.dispatch')}
      initialValues={{ assigneeId: order.assignee?.id }}
      fieldForCode={{ ASSIGNEE_INVALID: 'assigneeId' }}
      submit={async (v) => {
        await act.mutateAsync({ action: 'dispatch', body: v });
        onDone();
      }}
    >
      <Form.Item name="assigneeId" label={t('repairs.dialog.assignee')} rules={[{ required: true, message: t('repairs.dialog.assigneeRequired') }]}>
        <Select
          loading={staff.isPending}
          options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.roles.map((r) => t(`repairs.role.${r}`, { defaultValue: r })).join('、')}）` }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('repairs.dialog.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function FinishModal({ order, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const finish = useFinishOrder(order.id);
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <FormModal<{ note: string }>
      title={t('repairs.dialog.finishTitle')}
      open
      onClose={onClose}
      okText={t('repairs.action.finish')}
      submit={async (v) => {
        await finish.mutateAsync(toForm({ note: v.note }, files.map((f) => f.originFileObj as File).filter(Boolean)));
        onDone();
      }}
    >
      <p>{t('repairs.dialog.finishBody')}</p>
      <Form.Item name="note" label={t('repairs.dialog.finishNote')} rules={[{ required: true, whitespace: true, message: t('repairs.dialog.finishNoteRequired') }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Form.Item label={t('repairs.dialog.finishPhotos')}>
        <PhotoPicker files={files} onChange={setFiles} max={MAX_PHOTOS} />
      </Form.Item>
    </FormModal>
  );
}

function NoteModal({ order, action, field, onClose, onDone }: ModalProps & { action: 'return' | 'answer'; field: 'reason' | 'note' }) {
  const { t } = useTranslation();
  const act = useOrderAction(order.id);
  const label = action === 'return' ? 'returnReason' : 'answerNote';
  const required = action === 'return' ? 'returnReasonRequired' : 'answerRequired';
  return (
    <FormModal<Record<string, string>>
      title={t(`repairs.dialog.${action}Title`)}
      open
      onClose={onClose}
      okText={t(`repairs.action.${action}`)}
      submit={async (v) => {
        await act.mutateAsync({ action, body: { [field]: v[field] } });
        onDone();
      }}
    >
      <p>{t(`repairs.dialog.${action}Body`)}</p>
      <Form.Item name={field} label={t(`repairs.dialog.${label}`)} rules={[{ required: true, whitespace: true, message: t(`repairs.dialog.${required}`) }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

function PriceModal({ order, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const act = useOrderAction(order.id);
  const [paid, setPaid] = useState(true);
  return (
    <FormModal<{ paid: boolean; price?: string; note?: string }>
      title={t('repairs.dialog.priceTitle')}
      open
      onClose={onClose}
      okText={t('common.save')}
      initialValues={{ paid: true, price: order.priceFen ? (order.priceFen / 100).toFixed(2) : undefined }}
      submit={async (v) => {
        const body = v.paid ? { paid: true, priceFen: yuanToFen(String(v.price)), note: v.note } : { paid: false, note: v.note };
        await act.mutateAsync({ action: 'price', body });
        onDone();
      }}
    >
      <p>{t('repairs.dialog.priceBody')}</p>
      <Form.Item name="paid" label={t('repairs.dialog.paid')} valuePropName="checked">
        <Switch onChange={setPaid} />
      </Form.Item>
      {paid && (
        <Form.Item
          name="price"
          label={t('repairs.dialog.priceYuan')}
          rules={[{ validator: async (_, v) => (yuanToFen(String(v ?? '')) ? undefined : Promise.reject(new Error(t('repairs.dialog.priceRequired')))) }]}
        >
          <InputNumber<string> stringMode min="0.01" max="1000000" step="1" precision={2} prefix="¥" style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('repairs.dialog.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

export function SuperviseModal({ escalationId, onClose, onDone }: { escalationId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const supervise = useSupervise();
  return (
    <FormModal<{ note: string }>
      title={t('repairs.dialog.superviseTitle')}
      open
      onClose={onClose}
      okText={t('repairs.detail.supervise')}
      submit={async (v) => {
        await supervise.mutateAsync({ id: escalationId, note: v.note });
        onDone();
      }}
    >
      <Form.Item name="note" label={t('repairs.dialog.superviseNote')} rules={[{ required: true, whitespace: true, message: t('repairs.dialog.superviseRequired') }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
