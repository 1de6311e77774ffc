import { Alert, Button, Card, Col, Empty, Flex, Form, InputNumber, Progress, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type CarPark, useLive, useLiveOne, useSetTariff, yuan } from '../api.ts';
import { mayManageParking } from '../components/shared.tsx';

const rateColor = (rate: number) => (rate >= 0.9 ? '#cf1322' : rate >= 0.7 ? '#d48806' : '#389e0d');

/** 停车实况: a card per compound (in use of capacity, refreshed every 5 s), and the sensed spaces of the chosen one (green free, red taken). */
export function ParkingLivePage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const live = useLive();
  const [chosen, setChosen] = useState<string | undefined>();
  const [tariffOf, setTariffOf] = useState<CarPark | null>(null);
  const items = live.data?.items ?? [];
  const current = chosen ?? (items.find((c) => c.sensors > 0) ?? items[0])?.placeId;

  return (
    <>
      <PageHeader title={t('devicesParking.live.title')} extra={<Typography.Text type="secondary">{t('devicesParking.live.refresh')}</Typography.Text>} />
      <QueryView query={live}>
        {() =>
          items.length === 0 ? (
            <Empty description={t('devicesParking.live.none')} />
          ) : (
            <Row gutter={[16, 16]}>
              {items.map((c) => (
                <Col key={c.placeId} xs={24} md={12} xl={8}>
                  <Card
                    size="small"
                    title={c.placeName}
                    hoverable
                    onClick={() => setChosen(c.placeId)}
                    style={c.placeId === current ? { borderColor: '#1677ff' } : undefined}
                    extra={mayManageParking(me) && (
                      <Button size="small" type="link" onClick={(e) => { e.stopPropagation(); setTariffOf(c); }}>
                        {t('devicesParking.live.tariff')}
                      </Button>
                    )}
                  >
                    <Flex align="center" gap={16}>
                      <Progress type="dashboard" size={96} percent={Math.round(c.rate * 100)} strokeColor={rateColor(c.rate)} format={(p) => `${p}%`} />
                      <Space direction="vertical" size={2}>
                        <span>{t('devicesParking.live.inUse', { inUse: c.inUse, capacity: c.capacity })}</span>
                        <span>{t('devicesParking.live.free', { free: c.free })}</span>
                        <Typography.Text type="secondary">{t('devicesParking.live.kinds', { titled: c.byKind.titled, rented: c.byKind.rented, public: c.byKind.public })}</Typography.Text>
                        <Typography.Text type="secondary">{t('devicesParking.live.sources', { inside: c.vehiclesInside, sensed: c.occupiedBySensors, sensors: c.sensors })}</Typography.Text>
                        {c.openSessions > 0 && <Tag color="blue">{t('devicesParking.live.temporary', { count: c.openSessions })}</Tag>}
                      </Space>
                    </Flex>
                  </Card>
                </Col>
              ))}
            </Row>
          )
        }
      </QueryView>
      {current && <SpacesGrid placeId={current} />}
      {tariffOf && <TariffModal park={tariffOf} onClose={() => setTariffOf(null)} />}
    </>
  );
}

/** The sensed spaces of a compound: a tile per space, green free, red taken (since when, on hover). */
function SpacesGrid({ placeId }: { placeId: string }) {
  const { t } = useTranslation();
  const one = useLiveOne(placeId);
  const d = one.data;
  return (
    <Card style={{ marginTop: 16 }} title={d ? t('devicesParking.live.grid', { place: d.placeName }) : t('devicesParking.live.gridTitle')} size="small">
      <QueryView query={one}>
        {(v) =>
          v.spaces.length === 0 ? (
            <Empty description={t('devicesParking.live.noSensors')} />
          ) : (
            <>
              <Space style={{ marginBottom: 12 }} wrap>
                <Statistic title={t('devicesParking.live.sensedFree')} value={v.spaces.filter((s) => !s.occupied).length} valueStyle={{ color: '#389e0d' }} />
                <Statistic title={t('devicesParking.live.sensedTaken')} value={v.spaces.filter((s) => s.occupied).length} valueStyle={{ color: '#cf1322' }} />
              </Space>
              <Flex wrap gap={8} role="list" aria-label={t('devicesParking.live.gridTitle')}>
                {v.spaces.map((s) => (
                  <Tooltip key={s.id} title={s.occupied ? t('devicesParking.live.takenSince', { at: formatDateTime(s.occupiedSince) }) : t('devicesParking.live.spaceFree')}>
                    <div
                      role="listitem"
                      aria-label={`${s.no} ${s.occupied ? t('devicesParking.live.spaceTaken') : t('devicesParking.live.spaceFree')}`}
                      style={{ width: 76, padding: '10px 4px', textAlign: 'center', borderRadius: 6, color: '#fff', fontWeight: 600, background: s.occupied ? '#cf1322' : '#389e0d' }}
                    >
                      {s.no}
                    </div>
                  </Tooltip>
                ))}
              </Flex>
            </>
          )
        }
      </QueryView>
    </Card>
  );
}

interface TariffValues {
  freeMinutes: number;
  hourly: number;
  dailyCap: number;
}

/** The tariff of temporary parking at a compound (fees kept on the session until the fees module takes ad-hoc charges). */
function TariffModal({ park, onClose }: { park: CarPark; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetTariff();
  return (
    <FormModal<TariffValues>
      title={t('devicesParking.tariff.title', { place: park.placeName })}
      open
      onClose={onClose}
      initialValues={{ freeMinutes: park.tariff.freeMinutes, hourly: park.tariff.hourlyFen / 100, dailyCap: park.tariff.dailyCapFen / 100 }}
      submit={(v) => save.mutateAsync({ placeId: park.placeId, freeMinutes: v.freeMinutes, hourlyFen: Math.round(v.hourly * 100), dailyCapFen: Math.round(v.dailyCap * 100) })}
    >
      <Alert type="info" showIcon message={t('devicesParking.tariff.rule')} style={{ marginBottom: 16 }} />
      <Form.Item name="freeMinutes" label={t('devicesParking.tariff.freeMinutes')} rules={[{ required: true }]}>
        <InputNumber min={0} max={1440} precision={0} addonAfter={t('devicesParking.unit.minutes')} />
      </Form.Item>
      <Form.Item name="hourly" label={t('devicesParking.tariff.hourly')} rules={[{ required: true }]}>
        <InputNumber min={0} max={1000} precision={2} addonAfter={t('devicesParking.unit.yuan')} />
      </Form.Item>
      <Form.Item name="dailyCap" label={t('devicesParking.tariff.dailyCap')} rules={[{ required: true }]}>
        <InputNumber min={0} max={10000} precision={2} addonAfter={t('devicesParking.unit.yuan')} />
      </Form.Item>
      <Typography.Text type="secondary">{t('devicesParking.tariff.current', { free: park.tariff.freeMinutes, hourly: yuan(park.tariff.hourlyFen), cap: yuan(park.tariff.dailyCapFen) })}</Typography.Text>
    </FormModal>
  );
}
