import { Alert, Card, Empty, Spin, Tree } from 'antd';
import { type Key, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../workbench/components/ErrorState.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { fetchChildren, type PlaceKind, usePlace, usePlaceRoots } from '../api.ts';
import { KindTag } from '../components/labels.tsx';

interface Node {
  key: string;
  title: ReactNode;
  isLeaf: boolean;
  children?: Node[];
}

const TREE_PAGE = 200;

function NodeTitle({ id, name, kind, childCount }: { id: string; name: string; kind: PlaceKind; childCount: number | null }) {
  const { t } = useTranslation();
  return (
    <span data-kind={kind} data-place-id={id} data-children={childCount ?? 0}>
      {name} <KindTag kind={kind} />
      {kind !== 'room' && !!childCount && <span className="gz-muted">{t('place.childCount', { count: childCount })}</span>}
    </span>
  );
}

const toNode = (p: { id: string; name: string; kind: PlaceKind; childCount: number | null }): Node => ({
  key: p.id,
  title: <NodeTitle {...p} />,
  isLeaf: p.kind === 'room' || !p.childCount,
});

function attach(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: attach(n.children, key, children) } : n));
}

/** The place tree, loaded level by level from the top of the scope; choosing a place opens it. */
export function PlaceTreePage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  return (
    <>
      <PageHeader title={t('place.treeTitle')} />
      <Card>
        <Alert type="info" showIcon title={t('place.treeHint')} style={{ marginBottom: 16 }} />
        {scope ? <ScopedTree placeId={scope.id} /> : <RootsTree />}
      </Card>
    </>
  );
}

function RootsTree() {
  const { t } = useTranslation();
  const roots = usePlaceRoots();
  if (roots.isPending) return <Spin />;
  if (roots.isError) return <ErrorState error={roots.error} onRetry={() => void roots.refetch()} />;
  if (roots.data.length === 0) return <Empty description={t('place.noScope')} />;
  return <LazyTree key="roots" initial={roots.data.map(toNode)} />;
}

function ScopedTree({ placeId }: { placeId: string }) {
  const place = usePlace(placeId);
  if (place.isPending) return <Spin />;
  if (place.isError) return <ErrorState error={place.error} onRetry={() => void place.refetch()} />;
  const p = place.data;
  return <LazyTree key={p.id} initial={[toNode({ ...p, childCount: p.kind === 'room' ? 0 : 1 })]} />;
}

function LazyTree({ initial }: { initial: Node[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [nodes, setNodes] = useState(initial);
  const [failed, setFailed] = useState<string | null>(null);

  const loadData = async ({ key }: { key: Key }) => {
    try {
      const page = await fetchChildren(String(key), { page: 1, pageSize: TREE_PAGE });
      const children = page.items.map(toNode);
      if (page.total > TREE_PAGE) {
        children.push({
          key: `${String(key)}:more`,
          title: <Link to={`/registry/places/${String(key)}`}>{t('place.moreChildren', { count: page.total - TREE_PAGE })}</Link>,
          isLeaf: true,
        });
      }
      setNodes((prev) => attach(prev, String(key), children));
    } catch (err) {
      setFailed(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <>
      {failed && <Alert type="error" showIcon title={failed} closable={{ onClose: () => setFailed(null) }} style={{ marginBottom: 12 }} />}
      <Tree<Node>
        aria-label={t('place.treeTitle')}
        treeData={nodes}
        loadData={loadData}
        showLine
        blockNode
        onSelect={(keys) => {
          const key = keys[0];
          if (key && !String(key).endsWith(':more')) navigate(`/registry/places/${String(key)}`);
        }}
      />
    </>
  );
}
