import { Alert, Card, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { ErrorState } from '../../../workbench/components/ErrorState.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { type SandboxMessage, useSandbox } from '../api.ts';

/** 短信沙箱: what the SMS sandbox kept (sign-up codes), for development and demos. */
export function DevInboxPage() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const phone = /^1\d{10}$/.test(typed) ? typed : '';
  const messages = useSandbox(phone);
  const off = messages.error instanceof ApiError && messages.error.code === 'SMS_SANDBOX_OFF';

  return (
    <>
      <PageHeader title={t('activation.inbox.title')} tags={<Typography.Text type="secondary">{t('activation.inbox.autoRefresh')}</Typography.Text>} />
      <Card>
        <Typography.Paragraph type="secondary">{t('activation.inbox.hint')}</Typography.Paragraph>
        <Flex className="gz-toolbar">
          <Input.Search
            aria-label={t('activation.inbox.phoneFilter')}
            placeholder={t('activation.inbox.phoneFilter')}
            allowClear
            inputMode="numeric"
            maxLength={11}
            value={typed}
            onChange={(e) => setTyped(e.target.value.replace(/\D/g, ''))}
            style={{ width: 260 }}
          />
        </Flex>
        {off ? (
          <Alert type="info" showIcon title={t('activation.inbox.off')} />
        ) : messages.isError && !messages.data ? (
          <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
        ) : (
          <Table<SandboxMessage>
            size="middle"
            rowKey="id"
            loading={messages.isPending}
            dataSource={messages.data ?? []}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: t('activation.inbox.empty') }}
            columns={[
              { title: t('activation.inbox.at'), dataIndex: 'at', width: 190, render: (v: string) => formatDateTime(v) },
              { title: t('activation.inbox.phone'), dataIndex: 'phone', width: 150 },
              { title: t('activation.inbox.text'), dataIndex: 'text' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
