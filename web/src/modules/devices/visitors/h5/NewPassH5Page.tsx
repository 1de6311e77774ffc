import { Button, DotLoading, ErrorBlock, Form, Input, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PASS_MAX_DAYS } from '#server/modules/devices/contract.ts';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { useCreatePass, useMyRooms } from '../api.ts';
import '../i18n.ts';

/** A local date-time for <input type="datetime-local"> (the phone's own time zone). */
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const HOUR = 3_600_000;

/** 邀请访客 (H5): the visitor's name, phone and plate (both optional), the purpose and the time window → the pass with its QR code. */
export function NewPassH5Page() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rooms = useMyRooms();
  const create = useCreatePass();
  // From this minute: a visitor invited at the gate is let in at once.
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const [roomId, setRoomId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [plate, setPlate] = useState('');
  const [purpose, setPurpose] = useState('');
  const [from, setFrom] = useState(local(start));
  const [to, setTo] = useState(local(new Date(start.getTime() + 4 * HOUR)));
  if (rooms.isPending)
    return (
      <div className="gz-center" aria-busy>
        <DotLoading color="primary" />
      </div>
    );
  if (rooms.isError) return <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={rooms.error.message} />;
  const room = roomId ?? rooms.data[0]?.roomId ?? null;
  const fromAt = new Date(from);
  const toAt = new Date(to);
  const windowOk = !Number.isNaN(fromAt.getTime()) && toAt > fromAt && toAt.getTime() - fromAt.getTime() <= PASS_MAX_DAYS * 24 * HOUR;
  const submit = async () => {
    if (!room) return;
    try {
      const pass = await create.mutateAsync({
        roomId: room,
        visitorName: name.trim(),
        ...(phone.trim() ? { visitorPhone: phone.trim() } : {}),
        ...(plate.trim() ? { plate: plate.replace(/[\s·.]/g, '').toUpperCase() } : {}),
        purpose: purpose.trim(),
        validFrom: fromAt.toISOString(),
        validTo: toAt.toISOString(),
      });
      Toast.show({ icon: 'success', content: t('devicesVisitors.h5.passCreated') });
      void navigate(`/devices/passes/${pass.id}`, { replace: true });
    } catch (err) {
      Toast.show({ content: (err as Error).message });
    }
  };
  return (
    <>
      <BackTitle fallback="/devices/passes">{t('devicesVisitors.h5.invite')}</BackTitle>
      {rooms.data.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t('devicesVisitors.h5.noRoom')} />
      ) : (
        <Form
          layout="vertical"
          footer={
            <Button block color="primary" style={{ minHeight: 52, fontSize: '1.15em' }} loading={create.isPending} disabled={!name.trim() || !windowOk} onClick={() => void submit()}>
              {t('devicesVisitors.h5.createPass')}
            </Button>
          }
        >
          {rooms.data.length > 1 && (
            <Form.Item label={t('devicesVisitors.h5.room')}>
              <Selector columns={1} options={rooms.data.map((r) => ({ value: r.roomId, label: `${r.compoundName} ${r.roomLabel}` }))} value={room ? [room] : []} onChange={(v) => v[0] && setRoomId(v[0])} />
            </Form.Item>
          )}
          <Form.Item label={t('devicesVisitors.h5.visitorName')} required>
            <Input value={name} onChange={setName} maxLength={40} aria-label={t('devicesVisitors.h5.visitorName')} />
          </Form.Item>
          <Form.Item label={t('devicesVisitors.h5.visitorPhone')} help={t('devicesVisitors.h5.visitorPhoneHint')}>
            <Input value={phone} onChange={setPhone} type="tel" maxLength={11} aria-label={t('devicesVisitors.h5.visitorPhone')} />
          </Form.Item>
          <Form.Item label={t('devicesVisitors.h5.visitorPlate')} help={t('devicesVisitors.h5.visitorPlateHint')}>
            <Input value={plate} onChange={setPlate} maxLength={12} placeholder="冀A12345" aria-label={t('devicesVisitors.h5.visitorPlate')} />
          </Form.Item>
          <Form.Item label={t('devicesVisitors.h5.purpose')}>
            <Input value={purpose} onChange={setPurpose} maxLength={100} placeholder={t('devicesVisitors.h5.purposePlaceholder')} />
          </Form.Item>
          <Form.Item label={t('devicesVisitors.h5.from')} required>
            <input className="adm-input-element" style={{ fontSize: '1.05em', padding: '6px 0', width: '100%' }} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} aria-label={t('devicesVisitors.h5.from')} />
          </Form.Item>
          <Form.Item label={t('devicesVisitors.h5.to')} required help={windowOk ? t('devicesVisitors.h5.windowHint', { days: PASS_MAX_DAYS }) : t('devicesVisitors.h5.windowInvalid', { days: PASS_MAX_DAYS })}>
            <input className="adm-input-element" style={{ fontSize: '1.05em', padding: '6px 0', width: '100%' }} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} aria-label={t('devicesVisitors.h5.to')} />
          </Form.Item>
        </Form>
      )}
    </>
  );
}
