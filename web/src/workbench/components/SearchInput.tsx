import { Input } from 'antd';
import type { ListParams } from '../../shared/list-params.ts';

interface Props<F extends string> {
  list: ListParams<F>;
  /** The filter this box sets; the free-text `q` unless told otherwise. */
  field?: F;
  label: string;
  width?: number;
}

/** A list's search box: Enter or the button searches, clearing shows everything again. */
export function SearchInput<F extends string>({ list, field = 'q' as F, label, width = 260 }: Props<F>) {
  return (
    <Input.Search
      aria-label={label}
      placeholder={label}
      allowClear
      defaultValue={list.filters[field]}
      onSearch={(text) => list.setFilters({ [field]: text.trim() } as Partial<Record<F, string>>)}
      style={{ width }}
    />
  );
}
