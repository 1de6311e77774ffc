import { TreeSelect } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../../workbench/components/RemoteSelect.tsx';
import { fetchChildren, type PlaceKind, type PlaceNode, usePlaceRoots, usePlaceSearch } from '../api.ts';

/** Places above a building: where people, organisations and the workbench scope are anchored. */
export const AREA_KINDS: readonly PlaceKind[] = ['city', 'district', 'street', 'community', 'grid', 'compound'];

/** A loaded place; its title is drawn at render time so it follows a language switch. */
interface LoadedNode {
  id: string;
  pId: string | null;
  name: string;
  kind: PlaceKind | null;
  isLeaf: boolean;
  /** Stands for the children beyond the first page, which this picker does not load. */
  more?: number;
}

interface Props {
  id?: string;
  value?: string | null;
  /** The id and display name of the chosen place, or null when cleared. */
  onChange?: (id: string | null, name: string | null) => void;
  /** Kinds shown in the tree; the deepest one is never expanded. */
  kinds?: readonly PlaceKind[];
  /** Label for a value chosen before this tree loaded it (e.g. a remembered scope). */
  valueLabel?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

const CHILD_PAGE = 200;

/**
 * A place picker that loads the tree level by level, starting at the top of the user's scope; typing a
 * name searches the whole scope instead (翠湖苑 is found without opening street → community → grid),
 * each result shown with the places above it so that namesakes can be told apart.
 */
export function PlaceTreeSelect({ id, value, onChange, kinds = AREA_KINDS, valueLabel, placeholder, allowClear, style, ...aria }: Props) {
  const { t } = useTranslation();
  const roots = usePlaceRoots();
  const [loaded, setLoaded] = useState<LoadedNode[]>([]);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = usePlaceSearch(q, kinds);
  const searching = text.trim().length > 0;
  // Names of places picked from a search, which the tree may not have loaded.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const deepest = kinds[kinds.length - 1];

  const toNode = (p: Pick<PlaceNode, 'id' | 'kind' | 'name' | 'childCount'>, pId: string | null): LoadedNode => ({
    id: p.id,
    pId,
    name: p.name,
    kind: p.kind,
    isLeaf: p.kind === deepest || !p.childCount,
  });
  const nodes = [...(roots.data ?? []).map((p) => toNode(p, null)), ...loaded];
  const titleOf = (n: LoadedNode): ReactNode =>
    n.more ? (
      t('place.moreChildren', { count: n.more })
    ) : (
      <span data-kind={n.kind}>
        {n.name} <span className="gz-muted">{t(`place.kind.${n.kind}`)}</span>
      </span>
    );
  type TreeNode = { id: string; pId: string | null; value: string; title: ReactNode; isLeaf: boolean; disabled?: boolean };
  const treeData: TreeNode[] = searching
    ? (found.data?.items ?? []).map((p) => ({
        id: p.id,
        pId: null,
        value: p.id,
        isLeaf: true,
        title: (
          <span data-kind={p.kind}>
            {p.name} <span className="gz-muted">{t(`place.kind.${p.kind}`)}</span>
            {p.within.length > 0 && <span className="gz-muted"> · {p.within.slice(-3).join(' / ')}</span>}
          </span>
        ),
      }))
    : nodes.map((n) => ({ id: n.id, pId: n.pId, value: n.id, title: titleOf(n), isLeaf: n.isLeaf, disabled: !!n.more }));

  const loadData = async (node: { value?: unknown }) => {
    const parentId = String(node.value);
    if (loaded.some((n) => n.pId === parentId)) return;
    const page = await fetchChildren(parentId, { page: 1, pageSize: CHILD_PAGE });
    const children = page.items.filter((c) => kinds.includes(c.kind)).map((c) => toNode(c, parentId));
    if (page.total > CHILD_PAGE) {
      children.push({ id: `${parentId}:more`, pId: parentId, name: '', kind: null, isLeaf: true, more: page.total - CHILD_PAGE });
    }
    setLoaded((prev) => [...prev, ...children]);
  };

  const labelOf = (placeId: string) =>
    nodes.find((x) => x.id === placeId)?.name ?? found.data?.items.find((x) => x.id === placeId)?.name ?? picked[placeId] ?? valueLabel ?? placeId;

  return (
    <TreeSelect
      id={id}
      {...aria}
      style={style}
      showSearch={{ searchValue: text, onSearch: setText, filterTreeNode: false, autoClearSearchValue: true }}
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      loading={roots.isPending || (searching && found.isFetching)}
      labelInValue
      value={value ? { value, label: labelOf(value) } : undefined}
      onChange={(v: { value: string; label?: ReactNode } | undefined) => {
        const name = v ? labelOf(v.value) : null;
        if (v && name) setPicked((prev) => ({ ...prev, [v.value]: name }));
        setText('');
        onChange?.(v?.value ?? null, name);
      }}
      placeholder={placeholder ?? t('place.pick')}
      allowClear={allowClear}
      popupMatchSelectWidth={false}
      notFoundContent={
        searching
          ? found.isError
            ? found.error.message
            : q !== text.trim() || found.isFetching
              ? t('common.loading')
              : t('common.noMatch')
          : roots.isError
            ? roots.error.message
            : t('common.empty')
      }
    />
  );
}
