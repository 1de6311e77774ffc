import { App, Button, Card, DatePicker, Descriptions, Form, Input, Popconfirm, Select, Space, Table, type TableColumnsType, Tag, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Shift, type StationRow, useAddShift, useRemoveShift, useStation } from '../api.ts';
import { StationFormModal } from '../components/StationFormModal.tsx';

const ROLES = ['驿站站长', '党员志愿者', '楼门长', '网格员', '社区工作者'];
const hoursText = (s: StationRow['hours'], t: (k: string) => string) =>
  s.map((h) => `${h.days.map((d) => t(`partyStations.weekday.${d}`)).join('、')} ${h.opens}–${h.closes}`).join('；');

/** One 红色驿站: its details, and the duty roster of a week (previous/next), with shifts added and removed. */
export function StationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const [week, setWeek] = useState<string | undefined>(undefined);
  const station = useStation(id, week);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const add = useAddShift(id);
  const remove = useRemoveShift(id);
  const shift = (days: number) => setWeek(dayjs(station.data?.days[0]).add(days, 'day').format('YYYY-MM-DD'));

  return (
    <QueryView query={station}>
      {({ station: s, days, shifts }) => {
        const columns: TableColumnsType<string> = [
          { title: t('partyStations.roster.day'), key: 'day', width: 140, render: (d: string) => `${d.slice(5)} ${t(`partyStations.weekday.${((dayjs(d).day() + 6) % 7) + 1}`)}` },
          {
            title: t('partyStations.roster.person'),
            key: 'shifts',
            render: (d: string) => {
              const mine = shifts.filter((x) => x.day === d);
              if (!mine.length) return <span style={{ color: '#999' }}>{t('partyStations.roster.empty')}</span>;
              return (
                <Space wrap>
                  {mine.map((x: Shift) => (
                    <Tag key={x.id} color="red">
                      {x.starts}–{x.ends} {x.personName}
                      {x.dutyRole ? `（${x.dutyRole}）` : ''}
                      {s.canManage && (
                        <Popconfirm
                          title={t('partyStations.roster.removeConfirm')}
                          okText={t('partyStations.roster.removeOk')}
                          onConfirm={async () => {
                            await remove.mutateAsync(x.id);
                            void message.success(t('partyStations.roster.removed'));
                          }}
                        >
                          <Button type="link" size="small" danger>
                            {t('partyStations.roster.remove')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Tag>
                  ))}
                </Space>
              );
            },
          },
        ];
        return (
          <>
            <PageHeader
              title={s.name}
              tags={<Tag color={s.status === 'open' ? 'red' : 'default'}>{t(`partyStations.status.${s.status}`)}</Tag>}
              extra={
                <Space>
                  <Link to="/party/stations">{t('partyStations.page.back')}</Link>
                  {s.canManage && <Button onClick={() => setEditing(true)}>{t('partyStations.page.edit')}</Button>}
                </Space>
              }
            />
            <Card style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('partyStations.col.compound')}>{s.compoundName}</Descriptions.Item>
                <Descriptions.Item label={t('partyStations.col.address')}>{s.address}</Descriptions.Item>
                <Descriptions.Item label={t('partyStations.col.hours')}>{hoursText(s.hours, t)}</Descriptions.Item>
                <Descriptions.Item label={t('partyStations.col.phone')}>{s.phone}</Descriptions.Item>
                <Descriptions.Item label={t('partyStations.col.services')} span={2}>
                  {s.services.map((x) => (
                    <Tag key={x}>{x}</Tag>
                  ))}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card
              title={`${t('partyStations.roster.title')} · ${t('partyStations.roster.weekOf', { from: days[0], to: days[6] })}`}
              extra={
                <Space wrap>
                  <Button onClick={() => shift(-7)}>{t('partyStations.roster.prevWeek')}</Button>
                  <Button onClick={() => setWeek(undefined)}>{t('partyStations.roster.thisWeek')}</Button>
                  <Button onClick={() => shift(7)}>{t('partyStations.roster.nextWeek')}</Button>
                  {s.canManage && (
                    <Button type="primary" onClick={() => setAdding(true)}>
                      {t('partyStations.roster.add')}
                    </Button>
                  )}
                </Space>
              }
            >
              <Table rowKey={(d) => d} size="small" pagination={false} columns={columns} dataSource={days} scroll={{ x: 'max-content' }} />
            </Card>
            {editing && <StationFormModal open station={{ ...s, hoursText: '' }} onClose={() => setEditing(false)} />}
            {adding && (
              <FormModal<{ day: Dayjs; span: [Dayjs, Dayjs]; personName: string; dutyRole?: string }>
                title={t('partyStations.roster.add')}
                open
                onClose={() => setAdding(false)}
                initialValues={{ day: dayjs(days[0]), span: [dayjs('2000-01-01T09:00'), dayjs('2000-01-01T12:00')], dutyRole: '党员志愿者' }}
                fieldForCode={{ SHIFT_TIME_INVALID: 'span' }}
                okText={t('partyStations.form.save')}
                submit={(v) => add.mutateAsync({ day: v.day.format('YYYY-MM-DD'), starts: v.span[0].format('HH:mm'), ends: v.span[1].format('HH:mm'), personName: v.personName, dutyRole: v.dutyRole ?? '' })}
              >
                <Form.Item name="day" label={t('partyStations.roster.day')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="span" label={`${t('partyStations.roster.starts')} – ${t('partyStations.roster.ends')}`} rules={[{ required: true }]}>
                  <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
                </Form.Item>
                <Form.Item name="personName" label={t('partyStations.roster.person')} rules={[{ required: true, max: 50 }]}>
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item name="dutyRole" label={t('partyStations.roster.role')}>
                  <Select options={ROLES.map((r) => ({ value: r, label: r }))} allowClear />
                </Form.Item>
              </FormModal>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
