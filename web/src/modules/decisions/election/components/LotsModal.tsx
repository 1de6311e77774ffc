import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from '../../../../workbench/components/server-errors.ts';
import { NOTE_MAX, type ResultCandidate, useDrawLots } from '../api.ts';
import '../i18n.ts';

interface Values {
  witnesses: string;
  note?: string;
}

/**
 * 抽签: the tied candidates in the order they were drawn (the first ones take the seats left), with the
 * witnesses. Recorded once; the result is recomputed with the draw.
 */
export function LotsModal({ decisionId, tied, seatsLeft, open, onClose }: { decisionId: string; tied: ResultCandidate[]; seatsLeft: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const draw = useDrawLots(decisionId);
  const [order, setOrder] = useState<ResultCandidate[]>(tied);
  const [dragging, setDragging] = useState<number | null>(null);
  const [banner, setBanner] = useState<string | null>(null);

  const move = (from: number, to: number) =>
    setOrder((list) => {
      if (to < 0 || to >= list.length || from === to) return list;
      const next = [...list];
      const [moved] = next.splice(from, 1);
      next.splice(to, 0, moved!);
      return next;
    });

  const finish = (v: Values) =>
    modal.confirm({
      title: t('decisionsElection.lots.confirm'),
      content: (
        <ol style={{ paddingInlineStart: 20, margin: '8px 0 0' }}>
          {order.map((c, i) => (
            <li key={c.no}>
              {c.no}. {c.name}
              {i < seatsLeft ? `（${t('decisionsElection.result.elected')}）` : ''}
            </li>
          ))}
        </ol>
      ),
      okText: t('decisionsElection.lots.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBanner(null);
        try {
          await draw.mutateAsync({ order: order.map((c) => c.no), witnesses: v.witnesses.trim(), note: v.note?.trim() || undefined });
          void message.success(t('decisionsElection.lots.done'));
          onClose();
        } catch (err) {
          setBanner(showServerErrors(form, err));
        }
      },
    });

  return (
    <Modal
      title={t('decisionsElection.lots.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('decisionsElection.lots.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={draw.isPending}
      destroyOnHidden
      width={560}
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('decisionsElection.lots.order')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('decisionsElection.lots.orderHint')}</Typography.Paragraph>
      <List
        bordered
        size="small"
        dataSource={order}
        style={{ marginBottom: 16 }}
        renderItem={(c, i) => (
          <List.Item
            draggable
            onDragStart={() => setDragging(i)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => {
              if (dragging !== null) move(dragging, i);
              setDragging(null);
            }}
            style={{ cursor: 'grab', background: i < seatsLeft ? 'var(--ant-color-success-bg, #f6ffed)' : undefined }}
            actions={[
              <Button key="up" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`${t('decisionsElection.lots.up')} ${c.name}`} />,
              <Button key="down" size="small" icon={<ArrowDownOutlined />} disabled={i === order.length - 1} onClick={() => move(i, i + 1)} aria-label={`${t('decisionsElection.lots.down')} ${c.name}`} />,
            ]}
          >
            <Flex gap={8} align="center">
              <HolderOutlined aria-hidden />
              <span>
                {i + 1}. {c.name}（{t('decisionsElection.field.no')} {c.no}）
              </span>
            </Flex>
          </List.Item>
        )}
      />
      <Form<Values> form={form} layout="vertical" onFinish={finish}>
        <Form.Item
          name="witnesses"
          label={t('decisionsElection.lots.witnesses')}
          extra={t('decisionsElection.lots.witnessesHint')}
          rules={[{ required: true, whitespace: true, message: t('decisionsElection.lots.witnessesRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={t('decisionsElection.lots.note')}>
          <Input.TextArea rows={2} maxLength={NOTE_MAX} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
