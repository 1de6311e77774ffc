import { Alert, Card, Form, Input, Radio, Switch } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { App } from 'antd';
import { coefficientsProblem, CostWeightsZeroError, costShares, defaultCoefficients, floorsOf, TITLE_MAX, yuanToFen } from '#server/modules/decisions/contract.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { PlaceTreeSelect } from '../../registry/index.ts';
import { type StairwellRoom, useCreateElevator, useStairwellRooms } from './api.ts';
import { CoefficientsField } from './CoefficientsField.tsx';
import { SharesTable } from './SharesTable.tsx';
import './i18n.ts';

const ORGANISER_KINDS = ['owners_committee', 'preparatory_group', 'residents_committee'] as const;
const UNIT_KINDS = ['city', 'district', 'street', 'community', 'grid', 'compound', 'building', 'unit'] as const;

interface Values {
  unitId: string;
  title?: string;
  description?: string;
  organiserKind: (typeof ORGANISER_KINDS)[number];
  organiserAuthority: string;
  cost: string;
  byArea: boolean;
  coefficients: Record<string, number>;
}

/**
 * 发起加装电梯表决: a unit, the cost in yuan (sent in fen), the floor-coefficient table (proposed: the lowest floor 0,
 * rising) and the area switch, with every room's share previewed by the same function the server shares with.
 */
export function CreateElevatorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateElevator();
  const submit = async (v: Values) => {
    const { id } = await create.mutateAsync({
      unitId: v.unitId,
      title: v.title?.trim() || undefined,
      description: v.description?.trim() || undefined,
      organiserKind: v.organiserKind,
      organiserAuthority: v.organiserAuthority,
      costFen: yuanToFen(v.cost)!,
      byArea: v.byArea,
      coefficients: v.coefficients,
    });
    void message.success(t('decisionsElevator.create.created'));
    navigate(`/decisions/${id}`);
  };
  return (
    <FormModal<Values>
      title={t('decisionsElevator.create.title')}
      open={open}
      onClose={onClose}
      submit={submit}
      okText={t('decisionsElevator.create.ok')}
      width={860}
      initialValues={{ organiserKind: 'owners_committee', byArea: false, coefficients: {} }}
      fieldForCode={{
        PLACE_NOT_FOUND: 'unitId',
        NOT_A_STAIRWELL: 'unitId',
        ROOM_FLOOR_MISSING: 'unitId',
        COEFFICIENTS_FLOORS: 'coefficients',
        COEFFICIENTS_RANGE: 'coefficients',
        COEFFICIENTS_NOT_RISING: 'coefficients',
        COST_WEIGHTS_ZERO: 'coefficients',
      }}
    >
      <Form.Item name="unitId" label={t('decisionsElevator.create.unit')} extra={t('decisionsElevator.create.unitHint')} rules={[{ required: true, message: t('decisionsElevator.create.unitRequired') }]}>
        <PlaceTreeSelect kinds={UNIT_KINDS} aria-label={t('decisionsElevator.create.unit')} />
      </Form.Item>
      <Form.Item name="title" label={t('decisions.field.title')} extra={t('decisionsElevator.create.titleHint')}>
        <Input maxLength={TITLE_MAX} showCount />
      </Form.Item>
      <Form.Item name="description" label={t('decisions.field.description')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="organiserKind" label={t('decisions.field.organiserKind')} rules={[{ required: true }]}>
        <Radio.Group options={ORGANISER_KINDS.map((k) => ({ value: k, label: t(`decisions.organiserKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="organiserAuthority" label={t('decisions.field.organiserAuthority')} extra={t('decisions.create.authorityHint')} rules={[{ required: true, whitespace: true, message: t('decisions.create.authorityRequired') }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="cost"
        label={t('decisionsElevator.create.cost')}
        rules={[{ validator: async (_, v: string | undefined) => (v && (yuanToFen(v) ?? 0) > 0 ? undefined : Promise.reject(new Error(t('decisionsElevator.create.costRequired')))) }]}
      >
        <Input prefix="¥" inputMode="decimal" style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item name="byArea" label={t('decisionsElevator.create.byArea')} extra={t('decisionsElevator.create.byAreaHint')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <TableAndPreview />
    </FormModal>
  );
}

/** The coefficient table for the chosen unit's floors, proposed when the unit changes, and the live preview of the shares. */
function TableAndPreview() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const unitId = Form.useWatch('unitId', form);
  const cost = Form.useWatch('cost', form);
  const byArea = Form.useWatch('byArea', form);
  const coefficients = Form.useWatch('coefficients', form);
  const rooms = useStairwellRooms(unitId);
  const items: StairwellRoom[] = rooms.data?.items ?? [];
  const placed = items.filter((r): r is StairwellRoom & { floor: number } => r.floor !== null);
  const floorless = items.filter((r) => r.floor === null);
  const floors = useMemo(() => floorsOf(placed), [rooms.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const roomsPerFloor = useMemo(() => new Map(floors.map((f) => [f, placed.filter((r) => r.floor === f).length])), [floors]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    // A new unit: propose the usual table for its floors.
    if (rooms.data) form.setFieldValue('coefficients', defaultCoefficients(floors));
  }, [rooms.data, floors, form]);

  const preview = useMemo(() => {
    const fen = cost ? yuanToFen(cost) : null;
    if (!fen || placed.length === 0 || !coefficients) return { rows: null, problem: null };
    const problem = coefficientsProblem(floors, coefficients);
    if (problem) return { rows: null, problem };
    try {
      return { rows: costShares(fen, placed.map((r) => ({ roomId: r.roomId, label: r.label, floor: r.floor, areaCenti: r.areaCenti })), coefficients, !!byArea), problem: null };
    } catch (e) {
      if (e instanceof CostWeightsZeroError) return { rows: null, problem: 'zero' as const };
      throw e;
    }
  }, [cost, byArea, coefficients, placed, floors]);

  return (
    <>
      {rooms.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={rooms.error.message} />}
      {floorless.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('decisionsElevator.create.floorMissing', { rooms: floorless.map((r) => r.label).join('、') })} />}
      <Form.Item name="coefficients" label={t('decisionsElevator.create.coefficients')} extra={t('decisionsElevator.create.coefficientsHint')}>
        <CoefficientsField floors={floors} roomsPerFloor={roomsPerFloor} />
      </Form.Item>
      <Card size="small" title={t('decisionsElevator.create.preview')}>
        {preview.problem ? (
          <Alert type="warning" showIcon title={t(`decisionsElevator.create.problem.${preview.problem}`)} />
        ) : preview.rows ? (
          <SharesTable rows={preview.rows.map((s) => ({ roomLabel: s.label, floor: s.floor, coefficientPermille: s.coefficientPermille, areaCenti: s.areaCenti, shareFen: s.shareFen }))} showArea={!!byArea} />
        ) : (
          <span>{t('decisionsElevator.create.previewEmpty')}</span>
        )}
      </Card>
    </>
  );
}
