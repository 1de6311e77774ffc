import { UndoOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListParams } from '../../shared/list-params.ts';
import { SearchInput } from './SearchInput.tsx';

/** A drop-down that sets one filter of the list. */
export interface SelectFilter<F extends string> {
  field: F;
  label: string;
  options: { value: string; label: ReactNode }[];
  width?: number;
}

/** Options from a vocabulary and its texts: `optionsOf(STATUSES, (s) => t(`repairs.status.${s}`))`. */
export const optionsOf = <V extends string>(values: readonly V[], label: (value: V) => ReactNode) => values.map((value) => ({ value, label: label(value) }));

export interface FilterBarProps<F extends string> {
  list: ListParams<F>;
  /** The free-text box: the `q` filter unless `field` names another. */
  search?: { label: string; field?: F; width?: number };
  /** Drop-downs, one filter each; a `false` entry (a filter this user does not get) is left out. */
  selects?: (SelectFilter<F> | false)[];
  /** Any other control, after the drop-downs: a check box, a segmented switch, another search box. */
  children?: ReactNode;
}

/** A switch between the states of a queue (pending, decided, all): the first option is the default, kept out of the URL. */
export function StatusSwitch<F extends string>({ list, field, label, options }: { list: ListParams<F>; field: F; label: string; options: SelectFilter<F>['options'] }) {
  const first = options[0]?.value;
  return (
    <Segmented
      aria-label={label}
      value={list.filters[field] ?? first}
      onChange={(value) => list.setFilters({ [field]: value === first ? undefined : value } as Partial<Record<F, string>>)}
      options={options}
    />
  );
}

/**
 * Every list's filter bar, the same on every page: the search box, the filters, then a reset button that
 * brings the list back as it first opens (no filter, the default order). It wraps on narrow screens.
 */
export function FilterBar<F extends string>({ list, search, selects = [], children }: FilterBarProps<F>) {
  const { t } = useTranslation();
  const changed = Object.values(list.filters).some(Boolean) || !!list.sorting.sort;
  return (
    <Flex gap={12} wrap align="center" className="gz-toolbar">
      {search && <SearchInput list={list} field={search.field} label={search.label} width={search.width} />}
      {selects.map(
        (s) =>
          s && (
            <Select
              key={s.field}
              aria-label={s.label}
              placeholder={s.label}
              allowClear
              value={list.filters[s.field]}
              onChange={(value?: string) => list.setFilters({ [s.field]: value } as Partial<Record<F, string>>)}
              options={s.options}
              style={{ width: s.width ?? 150, maxWidth: '100%' }}
            />
          ),
      )}
      {children}
      <Button icon={<UndoOutlined />} onClick={list.reset} disabled={!changed}>
        {t('common.reset')}
      </Button>
    </Flex>
  );
}
