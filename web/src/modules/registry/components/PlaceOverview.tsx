import { Card, Col, Descriptions, Flex, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatRatio } from '../../../shared/format.ts';
import type { Place } from '../api.ts';

/** The facts of a place: a room's area and use, a compound's management, and counts beneath it. */
export function PlaceOverview({ place }: { place: Place }) {
  if (!place.room && !place.compound && !place.stats) return null;
  return (
    <Flex vertical gap={16}>
      {place.room && <RoomFacts room={place.room} />}
      {place.compound && <CompoundFacts compound={place.compound} />}
      {place.stats && <PlaceStats stats={place.stats} />}
    </Flex>
  );
}

function RoomFacts({ room }: { room: NonNullable<Place['room']> }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Descriptions
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'area', label: t('room.area'), children: `${room.area} m²` },
          { key: 'source', label: t('room.areaSource'), children: t(`room.source.${room.areaSource}`) },
          { key: 'use', label: t('room.use'), children: t(`room.useKind.${room.use}`) },
          { key: 'floor', label: t('room.floor'), children: room.floor ?? '—' },
          { key: 'delivered', label: t('room.deliveredOn'), children: room.deliveredOn ?? t('room.deliveredUnknown') },
        ]}
      />
    </Card>
  );
}

function CompoundFacts({ compound }: { compound: NonNullable<Place['compound']> }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Descriptions
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'mode', label: t('compound.managementMode'), children: t(`compound.mode.${compound.managementMode}`) },
          {
            key: 'company',
            label: t('compound.propertyCompany'),
            children: compound.propertyCompanyId ? (
              <Link to={`/registry/organisations/${compound.propertyCompanyId}`}>{compound.propertyCompanyName}</Link>
            ) : (
              t('compound.noCompany')
            ),
          },
          { key: 'address', label: t('compound.address'), children: compound.address || '—' },
        ]}
      />
    </Card>
  );
}

function PlaceStats({ stats }: { stats: NonNullable<Place['stats']> }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'rooms', title: t('stats.rooms'), value: stats.rooms },
    { key: 'area', title: t('stats.area'), value: stats.area, suffix: 'm²' },
    { key: 'owned', title: t('stats.roomsWithOwner'), value: stats.roomsWithOwner },
    { key: 'rate', title: t('stats.ownerRate'), value: formatRatio(stats.roomsWithOwner, stats.rooms) },
  ];
  return (
    <Row gutter={[16, 16]}>
      {figures.map((f) => (
        <Col key={f.key} xs={12} lg={6}>
          <Card>
            <Statistic title={f.title} value={f.value} suffix={f.suffix} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
