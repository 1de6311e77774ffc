import { App, Button, Card, Form, Input, Space, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { VOLUNTEERS_ROLES, WORD_MAX } from '#server/modules/volunteers/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type BannedWord, download, useAddWord, useBannedWords, useRemoveWord } from '../api.ts';
import '../i18n.ts';

const FILTERS = ['q'] as const;

/** 敏感词: the street's banned-word list, checked on every posting and request message (spaces and case ignored). */
export function BannedWordsPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { scope } = useScope();
  const me = useSignedIn();
  const canEdit = me.grants.some((g) => (VOLUNTEERS_ROLES.boardsModerate as readonly string[]).includes(g.role));
  const list = useListParams(FILTERS, 50);
  const query = { ...list.query, placeId: scope?.id };
  const words = useBannedWords(query);
  const add = useAddWord();
  const remove = useRemoveWord();
  const [form] = Form.useForm<{ word: string }>();

  const columns: TableColumnsType<BannedWord> = [
    { title: t('volBoards.words.word'), dataIndex: 'word', key: 'word', sorter: true },
    { title: t('volBoards.words.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    ...(canEdit
      ? [
          {
            title: t('volBoards.col.actions'),
            key: 'actions',
            render: (_: unknown, r: BannedWord) => (
              <Button
                size="small"
                danger
                onClick={() =>
                  modal.confirm({
                    title: t('volBoards.words.removeConfirm', { word: r.word }),
                    okText: t('volBoards.moderation.ok'),
                    cancelText: t('volBoards.moderation.cancel'),
                    onOk: () => remove.mutateAsync(r.id).then(() => void message.success(t('volBoards.words.removed'))),
                  })
                }
              >
                {t('volBoards.words.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('volBoards.words.title')}
        tags={words.data ? <span>{words.data.streetName}</span> : undefined}
        extra={
          <ExportButton
            total={words.data?.total ?? 0}
            limit={20000}
            i18nPrefix="volBoards.words"
            run={() => download('/api/volunteers/moderation/banned-words/export.xlsx', query, `${t('volBoards.words.title')}.xlsx`)}
          />
        }
      />
      {canEdit && (
        <Card style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="inline"
            onFinish={async ({ word }) => {
              try {
                await add.mutateAsync({ word: word.trim(), placeId: scope?.id });
                form.resetFields();
                void message.success(t('volBoards.words.added'));
              } catch (err) {
                void message.error(err instanceof Error ? err.message : String(err));
              }
            }}
          >
            <Form.Item name="word" label={t('volBoards.words.word')} rules={[{ required: true, whitespace: true, message: t('volBoards.words.required') }]}>
              <Input maxLength={WORD_MAX} allowClear style={{ width: 240 }} />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={add.isPending}>
                  {t('volBoards.words.add')}
                </Button>
              </Space>
            </Form.Item>
          </Form>
          <p style={{ marginTop: 12, marginBottom: 0 }}>{t('volBoards.words.note')}</p>
        </Card>
      )}
      <ListCard list={list} query={words} columns={columns} search={{ label: t('volBoards.words.search') }} empty={{ none: t('volBoards.words.none'), noMatch: t('volBoards.words.noMatch') }} />
    </>
  );
}
