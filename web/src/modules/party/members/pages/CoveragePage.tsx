import { Breadcrumb, Button, Card, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type Coverage, useCoverage } from '../api.ts';

type Parts = { numerator: number; denominator: number } | null;
const rate = (p: Parts) => (p === null ? '—' : p.denominator === 0 ? '—' : `${((p.numerator / p.denominator) * 100).toFixed(1)}%（${p.numerator}/${p.denominator}）`);

/** 党建覆盖: the coverage figures of a place and of its places one level down, drillable street → communities → grids → compounds. */
export function CoveragePage() {
  const { t, i18n } = useTranslation();
  const { scope } = useScope();
  const [search, setSearch] = useSearchParams();
  const placeId = search.get('placeId') ?? scope?.id;
  const coverage = useCoverage(placeId);
  const drill = (id: string) => setSearch({ placeId: id });
  const en = i18n.language.startsWith('en');
  return (
    <>
      <PageHeader title={t('partyMembers.coverage.title')} extra={<Link to="/party/tree"><Button>{t('partyMembers.tree.title')}</Button></Link>} />
      <QueryView query={coverage}>
        {(c: Coverage) => (
          <Card
            title={
              <Breadcrumb
                items={[
                  ...(c.place.parentId && c.place.kind !== 'street' ? [{ title: <a onClick={() => drill(c.place.parentId!)}>{t('partyMembers.coverage.up')}</a> }] : []),
                  { title: c.place.name },
                ]}
              />
            }
          >
            <Typography.Paragraph type="secondary">{t('partyMembers.coverage.intro')}</Typography.Paragraph>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={c.figures}
              columns={[
                {
                  title: t('partyMembers.coverage.figure'),
                  dataIndex: 'key',
                  fixed: 'left',
                  render: (_: string, f) => (
                    <Tooltip title={en ? f.definition.en : f.definition.zh}>
                      <span>{en ? f.name.en : f.name.zh}</span>
                    </Tooltip>
                  ),
                },
                { title: c.place.name, key: 'place', render: (_, f) => <strong>{rate(f.place)}</strong> },
                ...c.children.map((ch) => ({
                  title: ch.kind === 'compound' ? ch.name : <a onClick={() => drill(ch.id)}>{ch.name}</a>,
                  key: ch.id,
                  render: (_: unknown, f: Coverage['figures'][number]) => rate((f.children as Record<string, Parts>)[ch.id] ?? null),
                })),
              ]}
            />
          </Card>
        )}
      </QueryView>
    </>
  );
}
