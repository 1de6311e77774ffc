import { useTranslation } from 'react-i18next';
import { RemoteSelect } from '../../../workbench/components/RemoteSelect.tsx';
import { fetchOrganisations, fetchPersons, registryKeys } from '../api.ts';

interface PickerProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  valueLabel?: string;
  disabled?: boolean;
}

/** Finds a person by name, room number or phone, as the people search does. */
export function PersonSelect(props: PickerProps & { placeId?: string }) {
  const { t } = useTranslation();
  return (
    <RemoteSelect
      {...props}
      queryKey={registryKeys.persons({ picker: 1, placeId: props.placeId })}
      placeholder={t('person.searchPlaceholder')}
      search={async (q) =>
        (await fetchPersons({ q, placeId: props.placeId, pageSize: 20 })).items.map((p) => ({
          value: p.id,
          label: p.phone ? `${p.name}（${p.phone}）` : p.name,
        }))
      }
    />
  );
}

/** Finds an organisation by name, optionally of one kind (property companies, party organisations …). */
export function OrganisationSelect(props: PickerProps & { kind?: string; allowClear?: boolean }) {
  const { t } = useTranslation();
  return (
    <RemoteSelect
      {...props}
      queryKey={registryKeys.organisations({ picker: 1, kind: props.kind })}
      placeholder={t('organisation.searchPlaceholder')}
      search={async (q) =>
        (await fetchOrganisations({ q, kind: props.kind, pageSize: 20 })).items.map((o) => ({
          value: o.id,
          label: o.placeName ? `${o.name}（${o.placeName}）` : o.name,
        }))
      }
    />
  );
}
