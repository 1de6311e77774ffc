import { Button, Card, Dialog, DotLoading, ErrorBlock, Form, Input, Selector, Space, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VEHICLE_KINDS } from '#server/modules/devices/contract.ts';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate } from '../../../../shared/format.ts';
import { type MyRoom, useAddVehicle, useMyVehicles, useRemoveVehicle } from '../api.ts';
import '../i18n.ts';

const STATUS_COLOR = { pending: 'warning', approved: 'success', rejected: 'danger', removed: 'default' } as const;
const big = { minHeight: 52, fontSize: '1.15em' };

/** 我的车辆 (H5): the vehicles of my rooms and their review; the owner or tenant adds one (pending until the property company approves) or removes it. */
export function MyVehiclesH5Page() {
  const { t } = useTranslation();
  const q = useMyVehicles();
  const remove = useRemoveVehicle();
  const [adding, setAdding] = useState(false);
  const onRemove = async (id: string, plate: string) => {
    if (!(await Dialog.confirm({ content: t('devicesVisitors.h5.removeConfirm', { plate }), confirmText: t('devicesVisitors.h5.remove'), cancelText: t('common.cancel') }))) return;
    try {
      await remove.mutateAsync(id);
      Toast.show({ icon: 'success', content: t('devicesVisitors.h5.removed') });
    } catch (err) {
      Toast.show({ content: (err as Error).message });
    }
  };
  if (q.isPending)
    return (
      <>
        <BackTitle fallback="/services">{t('devicesVisitors.h5.vehiclesTitle')}</BackTitle>
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      </>
    );
  if (q.isError)
    return (
      <>
        <BackTitle fallback="/services">{t('devicesVisitors.h5.vehiclesTitle')}</BackTitle>
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      </>
    );
  const rooms = q.data.rooms.filter((r) => r.mayRegisterVehicles);
  return (
    <>
      <BackTitle fallback="/services">{t('devicesVisitors.h5.vehiclesTitle')}</BackTitle>
      <div className="gz-padded">
        {q.data.items.length === 0 ? (
          <ErrorBlock status="empty" fullPage={false} title={t('devicesVisitors.h5.noVehicles')} description={rooms.length ? t('devicesVisitors.h5.noVehiclesHint') : undefined} />
        ) : (
          q.data.items.map((v) => (
            <Card key={v.id} title={<span style={{ fontSize: '1.2em', letterSpacing: 1 }}>{v.plate}</span>} extra={<Tag color={STATUS_COLOR[v.status]}>{t(`devicesVisitors.vehicleStatus.${v.status}`)}</Tag>} style={{ marginBottom: 12 }} data-testid="my-vehicle">
              <div style={{ display: 'grid', gap: 6, fontSize: '1.05em' }}>
                <div>
                  {v.compoundName} {v.roomLabel} · {t(`devicesVisitors.kind.${v.kind}`)}
                </div>
                {v.note && <div>{v.note}</div>}
                <div style={{ color: 'var(--adm-color-weak)' }}>{t('devicesVisitors.h5.addedOn', { date: formatDate(v.createdAt) })}</div>
                {v.status === 'rejected' && v.reviewNote && <div style={{ color: 'var(--adm-color-danger)' }}>{t('devicesVisitors.h5.rejectedBecause', { note: v.reviewNote })}</div>}
                {v.mayRemove && (
                  <Button size="small" fill="outline" color="danger" style={{ width: 'fit-content' }} onClick={() => void onRemove(v.id, v.plate)}>
                    {t('devicesVisitors.h5.remove')}
                  </Button>
                )}
              </div>
            </Card>
          ))
        )}
        {rooms.length === 0 ? (
          <p style={{ color: 'var(--adm-color-weak)' }}>{t('devicesVisitors.h5.noVehicleRoom')}</p>
        ) : adding ? (
          <AddVehicleForm rooms={rooms} onDone={() => setAdding(false)} />
        ) : (
          <Button block color="primary" style={big} onClick={() => setAdding(true)}>
            {t('devicesVisitors.h5.addVehicle')}
          </Button>
        )}
      </div>
    </>
  );
}

function AddVehicleForm({ rooms, onDone }: { rooms: MyRoom[]; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddVehicle();
  const [roomId, setRoomId] = useState(rooms[0]!.roomId);
  const [plate, setPlate] = useState('');
  const [kind, setKind] = useState<string>('car');
  const [note, setNote] = useState('');
  const normalised = plate.replace(/[\s·.]/g, '').toUpperCase();
  const valid = /^[A-Z0-9\u4e00-\u9fa5]{5,10}$/.test(normalised);
  const submit = async () => {
    try {
      await add.mutateAsync({ roomId, plate: normalised, kind, note: note.trim() });
      Toast.show({ icon: 'success', content: t('devicesVisitors.h5.added') });
      onDone();
    } catch (err) {
      Toast.show({ content: (err as Error).message });
    }
  };
  return (
    <Card title={t('devicesVisitors.h5.addVehicle')}>
      <Form
        layout="vertical"
        footer={
          <Space block direction="vertical">
            <Button block color="primary" style={big} loading={add.isPending} disabled={!valid} onClick={() => void submit()}>
              {t('devicesVisitors.h5.submitVehicle')}
            </Button>
            <Button block style={big} onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Space>
        }
      >
        {rooms.length > 1 && (
          <Form.Item label={t('devicesVisitors.h5.room')}>
            <Selector columns={1} options={rooms.map((r) => ({ value: r.roomId, label: `${r.compoundName} ${r.roomLabel}` }))} value={[roomId]} onChange={(v) => v[0] && setRoomId(v[0])} />
          </Form.Item>
        )}
        <Form.Item label={t('devicesVisitors.h5.plate')} required help={t('devicesVisitors.h5.plateHint')}>
          <Input value={plate} onChange={setPlate} placeholder="冀A12345" maxLength={12} aria-label={t('devicesVisitors.h5.plate')} />
        </Form.Item>
        <Form.Item label={t('devicesVisitors.h5.kind')}>
          <Selector columns={2} options={VEHICLE_KINDS.map((k) => ({ value: k, label: t(`devicesVisitors.kind.${k}`) }))} value={[kind]} onChange={(v) => v[0] && setKind(v[0])} />
        </Form.Item>
        <Form.Item label={t('devicesVisitors.h5.note')}>
          <Input value={note} onChange={setNote} maxLength={100} placeholder={t('devicesVisitors.h5.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Card>
  );
}
