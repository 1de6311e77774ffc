import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { STARS_PUBLIC_PAGE } from '#server/modules/supervision/contract.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { PublicPageButton } from '../../../../workbench/components/PublicPageButton.tsx';
import { useApplicable, useApply, useStarStreets } from '../api.ts';
import { StarsNav } from './StarsNav.tsx';

/** The header of 有礼小区's lists: 申报 for the community and owners' committee, the public list's QR, settings. */
export function StarsHeader({ extra }: { extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const streets = useStarStreets();
  const street = streets.data?.items[0];
  const applicable = useApplicable(true);
  const [open, setOpen] = useState(false);
  const apply = useApply();
  const compounds = applicable.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('supervisionStars.page.title')}
        extra={
          <>
            {extra}
            {street && <PublicPageButton pageKey={STARS_PUBLIC_PAGE} id={street.id} />}
            {street && (
              <Button icon={<SettingOutlined />} onClick={() => navigate('/supervision/stars/settings')}>
                {t('supervisionStars.page.settings')}
              </Button>
            )}
            {compounds.length > 0 && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                {t('supervisionStars.apply.button')}
              </Button>
            )}
          </>
        }
      />
      <StarsNav />
      <FormModal<{ compoundId: string; level: number; note?: string }>
        title={t('supervisionStars.apply.title')}
        open={open}
        onClose={() => setOpen(false)}
        submit={async (v) => {
          const made = await apply.mutateAsync(v);
          navigate(`/supervision/stars/applications/${made.id}`);
        }}
      >
        <Form.Item name="compoundId" label={t('supervisionStars.col.compound')} rules={[{ required: true }]}>
          <Select options={compounds.map((c) => ({ value: c.id, label: c.stars ? `${c.name}（${t('supervisionStars.nStars', { n: c.stars })}）` : c.name }))} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="level" label={t('supervisionStars.col.level')} rules={[{ required: true }]} extra={t('supervisionStars.apply.levelHelp')}>
          <InputNumber min={1} max={5} precision={0} addonAfter={t('supervisionStars.star')} />
        </Form.Item>
        <Form.Item name="note" label={t('supervisionStars.apply.note')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
