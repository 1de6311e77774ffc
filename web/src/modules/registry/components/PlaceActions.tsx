import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Place } from '../api.ts';
import { PlaceFormModal } from './PlaceFormModal.tsx';
import { RequestDeletionButton } from './RequestDeletionButton.tsx';

/** Edit, add beneath, request deletion: offered only to those who may change the place. */
export function PlaceActions({ place }: { place: Place }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'edit' | 'add' | null>(null);
  if (!place.canWrite) return null;
  // Only the kinds that belong under this place now (a community of grids is offered 新增网格, not 新增小区).
  const childKinds = place.addableKinds;
  return (
    <>
      {childKinds.length > 0 && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')}>
          {childKinds.length === 1 ? t('place.addChild', { kind: t(`place.kind.${childKinds[0]}`) }) : t('place.addChildAny')}
        </Button>
      )}
      {place.kind === 'compound' && (
        <Link to={`/registry/import?place=${place.id}`}>
          <Button icon={<UploadOutlined />}>{t('import.menu')}</Button>
        </Link>
      )}
      <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
        {t('common.edit')}
      </Button>
      <RequestDeletionButton entity="places" id={place.id} name={place.name} />
      <PlaceFormModal mode="create" parent={place} open={dialog === 'add'} onClose={() => setDialog(null)} />
      <PlaceFormModal mode="edit" place={place} open={dialog === 'edit'} onClose={() => setDialog(null)} />
    </>
  );
}
