import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal, Radio, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { ErrorState } from '../../../workbench/components/ErrorState.tsx';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { type ClaimDetail, useClaimDetail, useDecideClaim } from '../api.ts';

type Member = ClaimDetail['members'][number];

/**
 * One claim: what the resident typed, why it waits, and the room's current members (masked). The
 * reviewer picks whom to link and approves (with a confirmation naming the consequences), or
 * rejects with a reason the resident will read.
 */
export function ClaimReviewModal({ claimId, onClose }: { claimId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const claim = useClaimDetail(claimId);
  return (
    <Modal title={t('activation.claims.review')} open onCancel={onClose} footer={null} width={760} destroyOnHidden>
      {claim.isPending ? (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      ) : claim.isError ? (
        <ErrorState error={claim.error} onRetry={() => void claim.refetch()} />
      ) : (
        <ClaimReview claim={claim.data} onDone={onClose} />
      )}
    </Modal>
  );
}

function ClaimReview({ claim, onDone }: { claim: ClaimDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const decide = useDecideClaim();
  const [personId, setPersonId] = useState<string | null>(claim.linkedPersonId ?? claim.candidatePersonId ?? null);
  const [rejecting, setRejecting] = useState(false);
  const relationOf = (m: Member) => m.relations.map((r) => t(`household.relation.${r}`)).join('、');
  const chosen = claim.members.find((m) => m.personId === personId) ?? null;
  const pending = claim.status === 'pending';

  const approve = () => {
    if (!chosen) return;
    const other = chosen.linkedAccounts.find((a) => a.id !== claim.claimant.id);
    modal.confirm({
      title: t('activation.claims.confirmApprove'),
      content: (
        <>
          <p>{t('activation.claims.confirmApproveBody', { phone: claim.claimant.phone ?? claim.claimant.name, name: chosen.name, relation: relationOf(chosen) })}</p>
          {other && <Alert type="warning" showIcon title={t('activation.claims.movesLink', { name: chosen.name, phone: other.phone ?? '—' })} />}
        </>
      ),
      okText: t('activation.claims.approve'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await decide.mutateAsync({ id: claim.id, decision: 'approve', personId: chosen.personId });
          void message.success(t('activation.claims.approved'));
          onDone();
        } catch (err) {
          void message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  };

  return (
    <>
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'room', label: t('activation.claims.room'), span: 2, children: <Link to={`/registry/places/${claim.room.id}`}>{claim.room.label}</Link> },
          { key: 'name', label: t('activation.claims.claimedName'), children: claim.claimedName },
          { key: 'id', label: t('activation.claims.idLast4'), children: claim.idLast4 ? `****${claim.idLast4}` : '—' },
          { key: 'who', label: t('activation.claims.claimant'), children: claim.claimant.phone && claim.claimant.name !== claim.claimant.phone ? `${claim.claimant.phone}（${claim.claimant.name}）` : (claim.claimant.phone ?? claim.claimant.name) },
          { key: 'at', label: t('activation.claims.createdAt'), children: formatDateTime(claim.createdAt) },
          { key: 'method', label: t('activation.claims.methodLabel'), children: t(`activation.claims.method.${claim.method}`) },
          {
            key: 'reason',
            label: t('activation.claims.reasonLabel'),
            children: claim.reason ? <Tag color="warning">{t(`activation.claims.reason.${claim.reason}`)}</Tag> : '—',
          },
          ...(claim.decisionNote ? [{ key: 'note', label: t('activation.claims.note'), span: 2, children: claim.decisionNote }] : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('activation.claims.members')}
      </Typography.Title>
      {claim.members.length === 0 ? (
        <Alert type="info" showIcon title={t('activation.claims.membersNone')} />
      ) : (
        <Radio.Group value={personId} onChange={(e) => setPersonId(e.target.value)} style={{ width: '100%' }} disabled={!pending}>
          <Table<Member>
            size="small"
            rowKey="personId"
            pagination={false}
            dataSource={claim.members}
            columns={[
              { key: 'pick', width: 48, render: (_, m) => <Radio value={m.personId} aria-label={t('activation.claims.linkThis')} /> },
              { title: t('person.name'), dataIndex: 'name' },
              { title: t('household.relationLabel'), key: 'rel', render: (_, m) => relationOf(m) },
              { title: t('person.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
              {
                key: 'linked',
                render: (_, m) => m.linkedAccounts.map((a) => <Tag key={a.id}>{t('activation.claims.memberLinked', { phone: a.phone ?? '—' })}</Tag>),
              },
            ]}
          />
        </Radio.Group>
      )}
      {pending && (
        <Flex gap={8} justify="end" style={{ marginTop: 20 }}>
          {!claim.canDecide && <Typography.Text type="secondary">{t('activation.claims.notYourOwn')}</Typography.Text>}
          <Button danger icon={<CloseOutlined />} disabled={!claim.canDecide} onClick={() => setRejecting(true)}>
            {t('activation.claims.reject')}
          </Button>
          <Button type="primary" icon={<CheckOutlined />} disabled={!claim.canDecide || !chosen} onClick={approve} title={chosen ? undefined : t('activation.claims.pickPerson')}>
            {t('activation.claims.approve')}
          </Button>
        </Flex>
      )}
      {rejecting && (
        <FormModal<{ reason: string }>
          title={t('activation.claims.confirmReject')}
          open
          onClose={() => setRejecting(false)}
          okText={t('activation.claims.reject')}
          submit={async ({ reason }) => {
            await decide.mutateAsync({ id: claim.id, decision: 'reject', reason: reason.trim() });
            void message.success(t('activation.claims.rejected'));
            onDone();
          }}
        >
          <Form.Item name="reason" label={t('activation.claims.rejectReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 500 }]}>
            <Input.TextArea rows={3} showCount maxLength={500} placeholder={t('activation.claims.rejectReasonPlaceholder')} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
