import { Button, Card, DotLoading, ErrorBlock, Form, NoticeBar, Selector, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate, todayInShanghai } from '../../../../shared/format.ts';
import { type Mine, useBook, useMine } from '../api.ts';
import '../i18n.ts';
import { CASE_COLOUR } from './colours.ts';

const SECTION = { fontSize: '1.15em', margin: '16px 0 8px' } as const;
const BOOKING_COLOUR = { requested: 'warning', confirmed: 'success', declined: 'default' } as const;

/** The next days a resident may book (today and the six after), as 'YYYY-MM-DD'. */
function nextDays(n: number): string[] {
  const today = todayInShanghai();
  return Array.from({ length: n }, (_, i) => new Date(Date.parse(`${today}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * 政务代办 (H5): my cases as cards (service, point, status, due day) leading to their steps; my bookings; and 预约办理 —
 * at a point of my compound or a home visit, a day of the coming week, morning or afternoon, a note. Large targets,
 * no date wheel: days and halves are buttons (elderly mode).
 */
export function AgencyH5Page() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useMine();
  const [booking, setBooking] = useState(false);

  return (
    <>
      <BackTitle fallback="/services">{t('gridAgency.h5.title')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : (
        <div className="gz-padded">
          <h2 style={SECTION}>{t('gridAgency.h5.myCases')}</h2>
          {q.data.cases.length === 0 ? (
            <p>{t('gridAgency.h5.noCases')}</p>
          ) : (
            q.data.cases.map((c) => (
              <Card
                key={c.id}
                title={c.serviceName}
                extra={<Tag color={CASE_COLOUR[c.status]}>{t(`gridAgency.status.${c.status}`)}</Tag>}
                onClick={() => void navigate(`/grid/agency/${c.id}`)}
                style={{ marginBottom: 12, cursor: 'pointer' }}
                data-testid="agency-case"
              >
                <div style={{ display: 'grid', gap: 6 }}>
                  <div>{c.pointName}</div>
                  <div>
                    {t('gridAgency.h5.due', { day: formatDate(c.dueOn) })}
                    {c.overdue && (
                      <Tag color="danger" style={{ marginLeft: 8 }}>
                        {t('gridAgency.overdue')}
                      </Tag>
                    )}
                  </div>
                  <div style={{ color: 'var(--adm-color-weak)' }}>{t('gridAgency.h5.tapForSteps')}</div>
                </div>
              </Card>
            ))
          )}
          <h2 style={SECTION}>{t('gridAgency.h5.myBookings')}</h2>
          {q.data.bookings.length === 0 ? (
            <p>{t('gridAgency.h5.noBookings')}</p>
          ) : (
            q.data.bookings.map((b) => (
              <Card key={b.id} title={`${formatDate(b.day)} ${t(`gridAgency.slot.${b.slot}`)}`} extra={<Tag color={BOOKING_COLOUR[b.status]}>{t(`gridAgency.bookingStatus.${b.status}`)}</Tag>} style={{ marginBottom: 12 }}>
                <div style={{ display: 'grid', gap: 6 }}>
                  <div>
                    {t(`gridAgency.bookingKind.${b.kind}`)} · {b.pointName}
                  </div>
                  {b.serviceName && <div>{b.serviceName}</div>}
                  {b.declineReason && <div style={{ color: 'var(--adm-color-danger)' }}>{t('gridAgency.h5.declinedBecause', { reason: b.declineReason })}</div>}
                </div>
              </Card>
            ))
          )}
          {q.data.points.length === 0 ? (
            <NoticeBar wrap color="info" content={t('gridAgency.h5.noPoint')} />
          ) : booking ? (
            <BookForm points={q.data.points} onDone={() => setBooking(false)} />
          ) : (
            <>
              <h2 style={SECTION}>{t('gridAgency.h5.points')}</h2>
              {q.data.points.map((p) => (
                <Card key={p.id} title={p.name} style={{ marginBottom: 12 }}>
                  <div style={{ display: 'grid', gap: 6 }}>
                    {p.address && <div>{p.address}</div>}
                    {p.hours && <div>{p.hours}</div>}
                    {p.phone && <a href={`tel:${p.phone}`}>{p.phone}</a>}
                    <div style={{ color: 'var(--adm-color-weak)' }}>{p.services.map((s) => s.name).join('、')}</div>
                  </div>
                </Card>
              ))}
              <Button block color="primary" size="large" onClick={() => setBooking(true)}>
                {t('gridAgency.h5.book')}
              </Button>
            </>
          )}
        </div>
      )}
    </>
  );
}

interface BookValues {
  pointId: string[];
  serviceId: string[];
  kind: ('point' | 'home')[];
  day: string[];
  slot: ('am' | 'pm')[];
  note: string;
}

/** 预约办理: every choice a large button. */
function BookForm({ points, onDone }: { points: Mine['points']; onDone: () => void }) {
  const { t } = useTranslation();
  const book = useBook();
  const [form] = Form.useForm<BookValues>();
  const [pointId, setPointId] = useState(points[0]!.id);
  const [error, setError] = useState<string | null>(null);
  const point = points.find((p) => p.id === pointId) ?? points[0]!;
  const submit = async (v: BookValues) => {
    setError(null);
    try {
      await book.mutateAsync({ pointId, serviceId: v.serviceId?.[0], kind: v.kind[0]!, day: v.day[0]!, slot: v.slot[0]!, note: v.note ?? '' });
      Toast.show({ icon: 'success', content: t('gridAgency.h5.booked') });
      onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Card title={t('gridAgency.h5.book')} style={{ marginTop: 12 }}>
      {error && <NoticeBar wrap color="alert" content={error} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ pointId: [points[0]!.id], kind: ['point'], slot: ['am'], day: [nextDays(7)[1]!] }}
        onFinish={(v) => void submit(v)}
        footer={
          <Space block direction="vertical">
            <Button block type="submit" color="primary" size="large" loading={book.isPending}>
              {t('gridAgency.h5.submitBooking')}
            </Button>
            <Button block size="large" onClick={onDone}>
              {t('gridAgency.h5.cancel')}
            </Button>
          </Space>
        }
      >
        {points.length > 1 && (
          <Form.Item name="pointId" label={t('gridAgency.col.point')}>
            <Selector columns={1} options={points.map((p) => ({ value: p.id, label: p.name }))} onChange={(v) => v[0] && setPointId(v[0])} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('gridAgency.bookings.kind')} rules={[{ required: true }]}>
          <Selector columns={2} options={(['point', 'home'] as const).map((k) => ({ value: k, label: t(`gridAgency.bookingKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="serviceId" label={t('gridAgency.h5.serviceOptional')}>
          <Selector columns={2} options={point.services.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="day" label={t('gridAgency.bookings.day')} rules={[{ required: true }]}>
          <Selector columns={2} options={nextDays(7).map((d) => ({ value: d, label: formatDate(d) }))} />
        </Form.Item>
        <Form.Item name="slot" label={t('gridAgency.h5.slot')} rules={[{ required: true }]}>
          <Selector columns={2} options={(['am', 'pm'] as const).map((s) => ({ value: s, label: t(`gridAgency.slot.${s}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('gridAgency.bookings.note')}>
          <TextArea rows={2} maxLength={200} placeholder={t('gridAgency.h5.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Card>
  );
}
