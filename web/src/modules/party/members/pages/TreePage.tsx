import { App, Button, Card, Empty, Select, Space, Table, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../../shared/api.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type TreeNode, useLinkHost, useMemberOrganisations, useTree } from '../api.ts';

/** 党组织: the street's party organisation tree with members and hosts, and the workplace organisations with their employed members. */
export function TreePage() {
  const { t } = useTranslation();
  const tree = useTree();
  const [linking, setLinking] = useState<TreeNode | null>(null);
  return (
    <>
      <PageHeader title={t('partyMembers.tree.title')} extra={<Link to="/party/coverage"><Button>{t('partyMembers.coverage.title')}</Button></Link>} />
      <QueryView query={tree}>
        {(data) => (
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Card title={t('partyMembers.tree.orgTree')}>
              <Typography.Paragraph type="secondary">{t('partyMembers.tree.intro')}</Typography.Paragraph>
              {data.roots.length === 0 ? (
                <Empty description={t('partyMembers.tree.empty')} />
              ) : (
                <Tree defaultExpandAll selectable={false} treeData={nodes(data.roots, t, setLinking)} />
              )}
            </Card>
            <Card title={t('partyMembers.tree.workplace')}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.workplaceOrgs}
                locale={{ emptyText: t('partyMembers.tree.noWorkplace') }}
                columns={[
                  { title: t('partyMembers.col.workplaceOrg'), dataIndex: 'name', render: (v: string, r) => <Link to={`/party/members?workplaceOrgId=${r.id}`}>{v}</Link> },
                  { title: t('partyMembers.tree.employed'), dataIndex: 'employedMembers', align: 'right' },
                  { title: t('partyMembers.tree.reported'), dataIndex: 'reported', align: 'right' },
                ]}
              />
            </Card>
          </Space>
        )}
      </QueryView>
      {linking && <HostModal node={linking} onClose={() => setLinking(null)} />}
    </>
  );
}

function nodes(list: TreeNode[], t: TFunction, link: (n: TreeNode) => void): TreeDataNode[] {
  return list.map((n) => ({
    key: n.id,
    title: (
      <Space size={6} wrap>
        <Link to={`/party/members?branchId=${n.id}`}>{n.name}</Link>
        {n.level && <Tag>{t(`partyMembers.level.${n.level}`)}</Tag>}
        <span>{t('partyMembers.tree.members', { count: n.members })}</span>
        {n.host && <Tag color="blue">{t('partyMembers.tree.host', { name: n.host.name })}</Tag>}
        {n.canLinkHost && (
          <Button size="small" type="link" onClick={() => link(n)}>
            {n.host ? t('partyMembers.tree.changeHost') : t('partyMembers.tree.linkHost')}
          </Button>
        )}
      </Space>
    ),
    children: nodes(n.children, t, link),
  }));
}

function HostModal({ node, onClose }: { node: TreeNode; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const orgs = useMemberOrganisations();
  const link = useLinkHost();
  const [host, setHost] = useState<string | null>(node.host?.id ?? null);
  const save = () =>
    modal.confirm({
      title: t('partyMembers.tree.hostConfirm', { name: node.name }),
      onOk: async () => {
        try {
          await link.mutateAsync({ branchId: node.id, hostOrgId: host });
          void message.success(t('partyMembers.page.saved'));
          onClose();
        } catch (e) {
          void message.error(e instanceof ApiError ? e.message : String(e));
        }
      },
    });
  return (
    <Card title={t('partyMembers.tree.hostTitle', { name: node.name })} style={{ marginTop: 16 }} extra={<Button onClick={onClose}>{t('common.cancel')}</Button>}>
      <Space wrap>
        <Select
          allowClear
          style={{ width: 280 }}
          aria-label={t('partyMembers.tree.hostCompany')}
          placeholder={t('partyMembers.tree.hostCompany')}
          value={host ?? undefined}
          onChange={(v?: string) => setHost(v ?? null)}
          options={(orgs.data?.companies ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Button type="primary" loading={link.isPending} onClick={save}>
          {t('common.save')}
        </Button>
      </Space>
    </Card>
  );
}
