import { Input } from 'antd';
import { useEffect, useState } from 'react';
import type { ListParams } from '../../shared/list-params.ts';

interface Props<F extends string> {
  list: ListParams<F>;
  /** The filter this box sets; the free-text `q` unless told otherwise. */
  field?: F;
  label: string;
  width?: number;
}

/** A list's search box: Enter or the button searches, clearing shows everything again; it follows the URL (Back, reset). */
export function SearchInput<F extends string>({ list, field = 'q' as F, label, width = 260 }: Props<F>) {
  const searched = list.filters[field] ?? '';
  const [text, setText] = useState(searched);
  useEffect(() => setText(searched), [searched]);
  return (
    <Input.Search
      aria-label={label}
      placeholder={label}
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(value) => list.setFilters({ [field]: value.trim() } as Partial<Record<F, string>>)}
      style={{ width, maxWidth: '100%' }}
    />
  );
}
