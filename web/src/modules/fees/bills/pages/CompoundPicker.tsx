import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PlaceTreeSelect, usePlace } from '../../../registry/index.ts';
import { useScope } from '../../../../workbench/scope.tsx';

/**
 * The compound a fees page works on, kept in the URL (`compoundId`, with its name for the label); with none chosen
 * there, the workbench's 管辖范围 when that is a compound, so a property manager scoped to one opens on it.
 */
export function useCompoundParam() {
  const [search, setSearch] = useSearchParams();
  const { scope } = useScope();
  const scoped = usePlace(scope?.id ?? '', !!scope && !search.get('compoundId'));
  const fromScope = scoped.data?.kind === 'compound' ? scope : null;
  const compoundId = search.get('compoundId') ?? fromScope?.id ?? undefined;
  const compoundName = search.get('compoundName') ?? fromScope?.name ?? undefined;
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
