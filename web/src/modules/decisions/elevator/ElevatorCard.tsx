import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Flex, Form, Input, List, Popconfirm, Select, Space, Switch, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AFFECTED_IMPACTS, floorsOf, formatYuan, yuanToFen } from '#server/modules/decisions/contract.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import type { Decision } from '../api.ts';
import { MAX_SCAN_BYTES, SCAN_TYPES } from '../paper/api.ts';
import {
  type AffectedOwner,
  agreementFileUrl,
  type Elevator,
  sharesXlsxUrl,
  useElevator,
  useMarkAffected,
  usePatchElevator,
  useRecordAgreement,
  useRecordObjection,
  useRemoveAffected,
} from './api.ts';
import { CoefficientsField } from './CoefficientsField.tsx';
import { SharesTable } from './SharesTable.tsx';
import './i18n.ts';

/** The elevator retrofit on its decision's page: cost and table, every room's share, the affected owners, the outcome. */
export function ElevatorCard({ decision: d }: { decision: Decision }) {
  const elevator = useElevator(d.id, d.kind === 'elevator');
  if (d.kind !== 'elevator') return null;
  return <QueryView query={elevator}>{(e) => <ElevatorView id={d.id} e={e} />}</QueryView>;
}

function ElevatorView({ id, e }: { id: string; e: Elevator }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Flex vertical gap={16} style={{ marginTop: 16 }}>
      {e.judgement && <Judgement e={e} />}
      <Card
        title={t('decisionsElevator.card.title')}
        extra={
          <Space>
            {e.can.edit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('decisionsElevator.card.edit')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={sharesXlsxUrl(id)} download>
              {t('decisionsElevator.card.export')}
            </Button>
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('decisionsElevator.card.cost')}>¥{formatYuan(e.costFen)}</Descriptions.Item>
          <Descriptions.Item label={t('decisionsElevator.card.method')}>{e.byArea ? t('decisionsElevator.card.byArea') : t('decisionsElevator.card.byCoefficient')}</Descriptions.Item>
          <Descriptions.Item label={t('decisionsElevator.card.affectedRule')}>{t(`decisionsElevator.card.rule.${e.affectedRule}`)}</Descriptions.Item>
        </Descriptions>
        <SharesTable rows={e.shares} showArea={e.byArea} />
        <Typography.Text strong>{t('decisionsElevator.card.sum', { sum: formatYuan(e.sumFen) })}</Typography.Text>
      </Card>
      <AffectedCard id={id} e={e} />
      {editing && <EditModal id={id} e={e} onClose={() => setEditing(false)} />}
    </Flex>
  );
}

function Judgement({ e }: { e: Elevator }) {
  const { t } = useTranslation();
  const j = e.judgement!;
  return (
    <Alert
      type={j.passed ? 'success' : j.reason === 'OBJECTION_UNSETTLED' ? 'warning' : 'error'}
      showIcon
      title={`${t('decisionsElevator.judgement.title')}：${j.passed ? t('decisionsElevator.judgement.passed') : t(`decisionsElevator.judgement.reason.${j.reason}`)}`}
      description={
        <>
          {j.notConsenting.length > 0 && <div>{t('decisionsElevator.judgement.notConsenting', { owners: j.notConsenting.join('、') })}</div>}
          {j.unsettled.length > 0 && <div>{t('decisionsElevator.judgement.unsettled', { owners: j.unsettled.join('、') })}</div>}
        </>
      }
    />
  );
}

/** A draft's cost, table and area switch changed; the server shares the cost again. */
function EditModal({ id, e, onClose }: { id: string; e: Elevator; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const patch = usePatchElevator(id);
  const floors = useMemo(() => floorsOf(e.shares), [e.shares]);
  const perFloor = useMemo(() => new Map(floors.map((f) => [f, e.shares.filter((s) => s.floor === f).length])), [floors, e.shares]);
  return (
    <FormModal<{ cost: string; byArea: boolean; coefficients: Record<string, number> }>
      title={t('decisionsElevator.card.editTitle')}
      open
      onClose={onClose}
      width={760}
      initialValues={{ cost: formatYuan(e.costFen).replace(/,/g, ''), byArea: e.byArea, coefficients: e.coefficients }}
      fieldForCode={{ COEFFICIENTS_FLOORS: 'coefficients', COEFFICIENTS_RANGE: 'coefficients', COEFFICIENTS_NOT_RISING: 'coefficients', COST_WEIGHTS_ZERO: 'coefficients' }}
      submit={async (v) => {
        await patch.mutateAsync({ costFen: yuanToFen(v.cost)!, byArea: v.byArea, coefficients: v.coefficients });
        void message.success(t('decisionsElevator.card.saved'));
      }}
    >
      <Form.Item
        name="cost"
        label={t('decisionsElevator.create.cost')}
        rules={[{ validator: async (_, v: string | undefined) => (v && (yuanToFen(v) ?? 0) > 0 ? undefined : Promise.reject(new Error(t('decisionsElevator.create.costRequired')))) }]}
      >
        <Input prefix="¥" inputMode="decimal" style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item name="byArea" label={t('decisionsElevator.create.byArea')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="coefficients" label={t('decisionsElevator.create.coefficients')} extra={t('decisionsElevator.create.coefficientsHint')}>
        <CoefficientsField floors={floors} roomsPerFloor={perFloor} />
      </Form.Item>
    </FormModal>
  );
}

type Dialog = { kind: 'add' } | { kind: 'objection'; a: AffectedOwner } | { kind: 'agreement'; a: AffectedOwner } | null;

function AffectedCard({ id, e }: { id: string; e: Elevator }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useRemoveAffected(id);
  return (
    <Card
      title={t('decisionsElevator.affected.title')}
      extra={
        e.can.markAffected && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
            {t('decisionsElevator.affected.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t(`decisionsElevator.card.rule.${e.affectedRule}`)}</Typography.Paragraph>
      <List
        dataSource={e.affected}
        locale={{ emptyText: t('decisionsElevator.affected.empty') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              e.can.recordObjection && !a.settledAt && (
                <Button key="o" size="small" onClick={() => setDialog({ kind: 'objection', a })}>
                  {t('decisionsElevator.affected.recordObjection')}
                </Button>
              ),
              e.can.recordAgreement && a.objection && !a.settledAt && (
                <Button key="g" size="small" type="primary" onClick={() => setDialog({ kind: 'agreement', a })}>
                  {t('decisionsElevator.affected.recordAgreement')}
                </Button>
              ),
              a.agreement?.file && (
                <Button key="f" size="small" type="link" href={agreementFileUrl(id, a.id)} target="_blank" rel="noopener">
                  {t('decisionsElevator.affected.viewFile')}
                </Button>
              ),
              e.can.markAffected && (
                <Popconfirm key="r" title={t('decisionsElevator.affected.removeConfirm')} onConfirm={() => remove.mutateAsync(a.id)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('decisionsElevator.affected.remove')} />
                </Popconfirm>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{a.roomLabel}</span>
                  {a.ownerLabel && <Typography.Text type="secondary">{a.ownerLabel}</Typography.Text>}
                  {a.impact.map((i) => (
                    <Tag key={i}>{t(`decisionsElevator.impact.${i}`)}</Tag>
                  ))}
                  {a.settledAt && a.agreement ? (
                    <Tag color="green">{t('decisionsElevator.affected.settled', { amount: formatYuan(a.agreement.amountFen), date: a.agreement.signedOn })}</Tag>
                  ) : a.objection ? (
                    <Tag color="orange">{t('decisionsElevator.affected.unsettled')}</Tag>
                  ) : null}
                </Space>
              }
              description={
                <>
                  {a.note && <div>{a.note}</div>}
                  {a.objection && (
                    <div>
                      {t('decisionsElevator.affected.objection')}：{a.objection}
                    </div>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      {dialog?.kind === 'add' && <AddAffectedModal id={id} e={e} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'objection' && <ObjectionModal id={id} a={dialog.a} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'agreement' && <AgreementModal id={id} a={dialog.a} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function AddAffectedModal({ id, e, onClose }: { id: string; e: Elevator; onClose: () => void }) {
  const { t } = useTranslation();
  const mark = useMarkAffected(id);
  const taken = new Set(e.affected.map((a) => a.roomId));
  return (
    <FormModal<{ roomId: string; impact: string[]; note?: string }>
      title={t('decisionsElevator.affected.add')}
      open
      onClose={onClose}
      initialValues={{ impact: ['light'] }}
      fieldForCode={{ ROOM_NOT_IN_STAIRWELL: 'roomId', AFFECTED_EXISTS: 'roomId' }}
      submit={async (v) => void (await mark.mutateAsync({ roomId: v.roomId, impact: v.impact, note: v.note?.trim() || undefined }))}
    >
      <Form.Item name="roomId" label={t('decisionsElevator.affected.room')} rules={[{ required: true, message: t('decisionsElevator.affected.roomRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={[...e.shares].sort((a, b) => a.floor - b.floor).filter((s) => !taken.has(s.roomId)).map((s) => ({ value: s.roomId, label: s.roomLabel }))}
        />
      </Form.Item>
      <Form.Item name="impact" label={t('decisionsElevator.affected.impact')} rules={[{ required: true, type: 'array', min: 1, message: t('decisionsElevator.affected.impactRequired') }]}>
        <Checkbox.Group options={AFFECTED_IMPACTS.map((i) => ({ value: i, label: t(`decisionsElevator.impact.${i}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('decisionsElevator.affected.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

function ObjectionModal({ id, a, onClose }: { id: string; a: AffectedOwner; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordObjection(id);
  return (
    <FormModal<{ text: string }>
      title={`${t('decisionsElevator.affected.recordObjection')} · ${a.roomLabel}`}
      open
      onClose={onClose}
      initialValues={{ text: a.objection ?? '' }}
      submit={async (v) => void (await record.mutateAsync({ affectedId: a.id, text: v.text }))}
    >
      <Form.Item name="text" label={t('decisionsElevator.affected.objectionText')} rules={[{ required: true, whitespace: true, message: t('decisionsElevator.affected.objectionRequired') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

function AgreementModal({ id, a, onClose }: { id: string; a: AffectedOwner; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordAgreement(id);
  const [file, setFile] = useState<File | null>(null);
  return (
    <FormModal<{ amount: string; signedOn: { format: (f: string) => string }; note?: string }>
      title={`${t('decisionsElevator.affected.recordAgreement')} · ${a.roomLabel}`}
      open
      onClose={onClose}
      submit={async (v) => {
        const form = new FormData();
        form.set('amountFen', String(yuanToFen(v.amount)));
        form.set('signedOn', v.signedOn.format('YYYY-MM-DD'));
        if (v.note?.trim()) form.set('note', v.note.trim());
        if (file) form.set('file', file);
        await record.mutateAsync({ affectedId: a.id, form });
        void message.success(t('decisionsElevator.affected.saved'));
      }}
    >
      <Form.Item
        name="amount"
        label={t('decisionsElevator.affected.amount')}
        rules={[{ validator: async (_, v: string | undefined) => (v !== undefined && yuanToFen(v) !== null ? undefined : Promise.reject(new Error(t('decisionsElevator.affected.amountRequired')))) }]}
      >
        <Input prefix="¥" inputMode="decimal" style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item name="signedOn" label={t('decisionsElevator.affected.signedOn')} rules={[{ required: true, message: t('decisionsElevator.affected.signedOnRequired') }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('decisionsElevator.affected.agreementNote')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('decisionsElevator.affected.file')}>
        <Upload
          accept={SCAN_TYPES.join(',')}
          maxCount={1}
          beforeUpload={(f) => {
            if (f.size > MAX_SCAN_BYTES) return Upload.LIST_IGNORE;
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button icon={<UploadOutlined />}>{t('decisionsElevator.affected.pickFile')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
