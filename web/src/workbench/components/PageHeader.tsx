import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useScope } from '../scope.tsx';

/** A page's h1 with its tags and actions; the breadcrumb, if any, sits above it. */
export function PageHeader({
  title,
  tags,
  extra,
  breadcrumb,
}: {
  title: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
  breadcrumb?: ReactNode;
}) {
  return (
    <div className="gz-page-head">
      {breadcrumb}
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: breadcrumb ? 8 : 0 }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {tags}
        </Flex>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
    </div>
  );
}

/** A list page's note of the workbench scope it shows ("范围：阳光花园"), or `otherwise` while none is chosen. */
export function ScopeNote({ otherwise }: { otherwise?: string }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const text = scope ? t('scope.within', { name: scope.name }) : otherwise;
  return text ? <Typography.Text type="secondary">{text}</Typography.Text> : null;
}
