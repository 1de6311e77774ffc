import { TreeSelect } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchChildren, type PlaceKind, type PlaceNode, usePlaceRoots } from '../api.ts';

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

/** A place picker that loads the tree level by level, starting at the top of the user's scope. */
export function PlaceTreeSelect({ id, value, onChange, kinds = AREA_KINDS, valueLabel, placeholder, allowClear, style, ...aria }: Props) {
  const { t } = useTranslation();
  const roots = usePlaceRoots();
  const [loaded, setLoaded] = useState<LoadedNode[]>([]);
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
  const treeData = nodes.map((n) => ({ id: n.id, pId: n.pId, value: n.id, title: titleOf(n), isLeaf: n.isLeaf, disabled: !!n.more }));

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

  const labelOf = (placeId: string) => nodes.find((x) => x.id === placeId)?.name ?? valueLabel ?? placeId;

  return (
    <TreeSelect
      id={id}
      {...aria}
      style={style}
      showSearch={false}
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      loading={roots.isPending}
      labelInValue
      value={value ? { value, label: labelOf(value) } : undefined}
      onChange={(v: { value: string; label?: ReactNode } | undefined) => onChange?.(v?.value ?? null, v ? labelOf(v.value) : null)}
      placeholder={placeholder ?? t('place.pick')}
      allowClear={allowClear}
      popupMatchSelectWidth={false}
      notFoundContent={roots.isError ? roots.error.message : t('common.empty')}
    />
  );
}
