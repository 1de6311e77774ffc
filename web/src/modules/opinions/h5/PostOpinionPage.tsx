import { Button, DotLoading, ErrorBlock, Form, Input, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Addressee, OpinionKind, Visibility } from '#server/modules/opinions/contract.ts';
import { OPINION_KINDS, VISIBILITIES } from '#server/modules/opinions/contract.ts';
import { type OpinionTarget, usePostOpinion, useOpinionTargets } from '../api.ts';
import { BackTitle } from '../../../resident/BackTitle.tsx';
import './opinions-h5.css';

/** A Selector for one required choice: tapping the chosen option again keeps it chosen. */
function OneOf<T extends string>(props: { value?: T[]; onChange?: (v: T[]) => void; options: { value: T; label: string; description?: string }[]; columns: number }) {
  return <Selector<T> columns={props.columns} options={props.options} value={props.value} onChange={(v) => v.length > 0 && props.onChange?.(v)} />;
}

interface Values {
  roomId: string[];
  visibility: Visibility[];
  addressee: Addressee[];
  kind: OpinionKind[];
  title: string;
  body: string;
}

/** 我要说: a public post to the compound, or a private one to the property company or a committee. */
export function PostOpinionPage() {
  const { t } = useTranslation();
  const targets = useOpinionTargets();
  return (
    <>
      <BackTitle fallback="/decide">{t('h5opinion.postTitle')}</BackTitle>
      {targets.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : targets.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={targets.error.message} />
      ) : targets.data.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t('h5opinion.noHome')} description={t('h5opinion.noHomeHint')} />
      ) : (
        <PostForm targets={targets.data} />
      )}
    </>
  );
}

function PostForm({ targets }: { targets: OpinionTarget[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const post = usePostOpinion();
  const [form] = Form.useForm<Values>();
  const [roomId, setRoomId] = useState(targets[0]!.roomId);
  const target = targets.find((x) => x.roomId === roomId) ?? targets[0]!;
  const [error, setError] = useState<string | null>(null);

  const onFinish = (v: Values) => {
    setError(null);
    post.mutate(
      { roomId, visibility: v.visibility[0]!, addressee: v.addressee[0]!, kind: v.kind[0]!, title: v.title.trim(), body: v.body.trim() },
      {
        onSuccess: (o) => {
          Toast.show({ icon: 'success', content: t('h5opinion.posted') });
          navigate(`/decide/opinions/${o.id}`, { replace: true });
        },
        onError: (err) => setError(err.message),
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ visibility: ['public'], kind: ['suggestion'], addressee: target.addressees[0] ? [target.addressees[0].kind] : [] }}
      onFinish={onFinish}
      footer={
        <>
          {error && (
            <p className="gz-form-error" role="alert">
              {error}
            </p>
          )}
          <Button block type="submit" color="primary" size="large" loading={post.isPending}>
            {t('h5opinion.submit')}
          </Button>
        </>
      }
    >
      {targets.length > 1 && (
        <Form.Item label={t('h5opinion.whereTo')}>
          <Selector
            columns={1}
            value={[roomId]}
            onChange={(v) => {
              if (!v[0]) return;
              setRoomId(v[0]);
              const next = targets.find((x) => x.roomId === v[0]);
              form.setFieldValue('addressee', next?.addressees[0] ? [next.addressees[0].kind] : []);
            }}
            options={targets.map((x) => ({ value: x.roomId, label: x.compoundName, description: x.roomLabel }))}
          />
        </Form.Item>
      )}
      <Form.Item name="visibility" label={t('opinion.visibilityLabel')} description={t('h5opinion.visibilityHelp')} rules={[{ required: true }]}>
        <OneOf columns={2} options={VISIBILITIES.map((v) => ({ value: v, label: t(`opinion.visibilityShort.${v}`) }))} />
      </Form.Item>
      <Form.Item name="addressee" label={t('opinion.addresseeLabel')} rules={[{ required: true, type: 'array', min: 1, message: t('h5opinion.addresseeRequired') }]}>
        <OneOf columns={1} options={target.addressees.map((a) => ({ value: a.kind, label: t(`opinion.addressee.${a.kind}`), description: a.name }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('opinion.kindLabel')} rules={[{ required: true }]}>
        <OneOf columns={2} options={OPINION_KINDS.map((k) => ({ value: k, label: t(`opinion.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('opinion.title')} rules={[{ required: true, whitespace: true, message: t('h5opinion.titleRequired') }]}>
        <Input placeholder={t('h5opinion.titlePlaceholder')} maxLength={100} clearable />
      </Form.Item>
      <Form.Item name="body" label={t('opinion.body')} rules={[{ required: true, whitespace: true, message: t('h5opinion.bodyRequired') }]}>
        <TextArea placeholder={t('h5opinion.bodyPlaceholder')} maxLength={2000} showCount autoSize={{ minRows: 4, maxRows: 10 }} />
      </Form.Item>
    </Form>
  );
}
