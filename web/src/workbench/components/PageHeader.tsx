import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

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
