import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PlaceTreeSelect } from '../../../registry/index.ts';

/** The compound a fees page works on, kept in the URL (`compoundId`, with its name for the label). */
export function useCompoundParam() {
  const [search, setSearch] = useSearchParams();
  const compoundId = search.get('compoundId') ?? undefined;
  const compoundName = search.get('compoundName') ?? undefined;
  const set = (id: string | null, name: string | null) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of [['compoundId', id], ['compoundName', name]] as const) v ? next.set(k, v) : next.delete(k);
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  return { compoundId, compoundName, set };
}

/** The picker of that compound, above a fees page. */
export function CompoundPicker({ value }: { value: ReturnType<typeof useCompoundParam> }) {
  const { t } = useTranslation();
  return (
    <PlaceTreeSelect
      aria-label={t('feesBills.compound')}
      value={value.compoundId ?? null}
      valueLabel={value.compoundName}
      placeholder={t('feesBills.chooseCompound')}
      onChange={(id, name) => value.set(id, name)}
      style={{ minWidth: 260 }}
    />
  );
}
