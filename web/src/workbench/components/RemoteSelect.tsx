import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface RemoteOption {
  value: string;
  label: string;
}

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Names the cache entry; the search text is added to it. */
  queryKey: readonly unknown[];
  search: (text: string) => Promise<RemoteOption[]>;
  /** Label of a value already set before any search (editing an existing record). */
  valueLabel?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
}

/** The value once it has stopped changing for `ms` (a search box's text, not each keystroke). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/** A select whose options come from a server search as the user types. */
export function RemoteSelect({ id, value, onChange, queryKey, search, valueLabel, placeholder, allowClear, disabled }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useQuery({ queryKey: [...queryKey, 'search', q], queryFn: () => search(q), staleTime: 60_000 });
  const [picked, setPicked] = useState<RemoteOption | null>(null);

  const options = [...(found.data ?? [])];
  // Keep the chosen option visible with its name even when the current search does not return it.
  const current = picked?.value === value ? picked : value && valueLabel ? { value, label: valueLabel } : null;
  if (current && !options.some((o) => o.value === current.value)) options.unshift(current);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value ?? undefined}
      onChange={(v: string | undefined) => {
        setPicked(options.find((o) => o.value === v) ?? null);
        onChange?.(v ?? null);
      }}
      options={options}
      loading={found.isFetching}
      placeholder={placeholder ?? t('common.typeToSearch')}
      allowClear={allowClear}
      disabled={disabled}
      notFoundContent={found.isError ? found.error.message : t('common.noMatch')}
    />
  );
}
