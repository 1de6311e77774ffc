import { Breadcrumb, Space } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../workbench/components/QueryView.tsx';
import { type Place, usePlace } from '../api.ts';
import { KindTag } from '../components/labels.tsx';
import { PlaceActions } from '../components/PlaceActions.tsx';
import { PlaceChildrenTable } from '../components/PlaceChildrenTable.tsx';
import { PlaceOverview } from '../components/PlaceOverview.tsx';
import { RoomHouseholds } from '../components/RoomHouseholds.tsx';
import { UnitRoomsTable } from '../components/UnitRoomsTable.tsx';
import { workbenchModules } from '../../../workbench/modules.ts';

/** Buttons other modules add to a place's page (activation: slips and room codes). */
const placeActions = workbenchModules.flatMap((m) => m.placeActions ?? []);

function PlaceBreadcrumb({ place }: { place: Place }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      items={[
        { key: 'tree', title: <Link to="/registry/places">{t('menu.places')}</Link> },
        ...place.breadcrumb.map((b) => ({
          key: b.id,
          title: b.id === place.id ? b.name : <Link to={`/registry/places/${b.id}`}>{b.name}</Link>,
        })),
      ]}
    />
  );
}

/** Compound → building → unit → room: one page whose body follows the kind of place. */
export function PlacePage() {
  const { id = '' } = useParams();
  const place = usePlace(id);
  return (
    <QueryView query={place}>
      {(p) => (
        <Space key={p.id} orientation="vertical" size={16} style={{ width: '100%' }}>
          <PageHeader
            breadcrumb={<PlaceBreadcrumb place={p} />}
            title={
              p.kind === 'room'
                ? p.breadcrumb
                    .slice(-4)
                    .map((b) => b.name)
                    .join(' / ') || p.name
                : p.name
            }
            tags={<KindTag kind={p.kind} />}
            extra={
              <>
                <PlaceActions place={p} />
                <Suspense>
                  {placeActions.map((Action, i) => (
                    <Action key={i} placeId={p.id} kind={p.kind} />
                  ))}
                </Suspense>
              </>
            }
          />
          <PlaceOverview place={p} />
          {p.kind === 'room' ? (
            <RoomHouseholds roomId={p.id} />
          ) : p.kind === 'unit' ? (
            <UnitRoomsTable unitId={p.id} />
          ) : (
            <PlaceChildrenTable parent={p} />
          )}
        </Space>
      )}
    </QueryView>
  );
}
