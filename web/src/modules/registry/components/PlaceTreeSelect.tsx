import { TreeSelect } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchChildren, type PlaceKind, type PlaceNode, usePlaceRoots } from '../api.ts';

/** Places above a building: where people, organisations and the workbench scope are anchored. */
export const AREA_KINDS: readonly PlaceKind[] = ['city', 'district', 'street', 'community', 'grid', 'compound'];

interface TreeNode {
  id: string;
  pId: string | null;
  value: string;
  name: string;
  title: ReactNode;
  isLeaf: boolean;
  disabled?: boolean;
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
  const [loaded, setLoaded] = useState<TreeNode[]>([]);
  const deepest = kinds[kinds.length - 1];

  const toNode = (p: Pick<PlaceNode, 'id' | 'kind' | 'name' | 'childCount'>, pId: string | null): TreeNode => ({
    id: p.id,
    pId,
    value: p.id,
    name: p.name,
    title: (
      <span data-kind={p.kind}>
        {p.name} <span className="gz-muted">{t(`place.kind.${p.kind}`)}</span>
      </span>
    ),
    isLeaf: p.kind === deepest || !p.childCount,
  });
  const rootNodes = (roots.data ?? []).map((p) => toNode(p, null));
  const treeData = [...rootNodes, ...loaded];

  const loadData = async (node: { value?: unknown }) => {
    const parentId = String(node.value);
    if (loaded.some((n) => n.pId === parentId)) return;
    const page = await fetchChildren(parentId, { page: 1, pageSize: CHILD_PAGE });
    const nodes = page.items.filter((c) => kinds.includes(c.kind)).map((c) => toNode(c, parentId));
    if (page.total > CHILD_PAGE) {
      const more = t('place.moreChildren', { count: page.total - CHILD_PAGE });
      nodes.push({ id: `${parentId}:more`, pId: parentId, value: `${parentId}:more`, name: more, title: more, isLeaf: true, disabled: true });
    }
    setLoaded((prev) => [...prev, ...nodes]);
  };

  const labelOf = (placeId: string) => treeData.find((x) => x.id === placeId)?.name ?? valueLabel ?? placeId;

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
