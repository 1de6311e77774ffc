import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHILD_KINDS } from '#server/kernel/contract.ts';
import type { Place } from '../api.ts';
import { PlaceFormModal } from './PlaceFormModal.tsx';
import { RequestDeletionButton } from './RequestDeletionButton.tsx';

/** Edit, add beneath, request deletion: offered only to those who may change the place. */
export function PlaceActions({ place }: { place: Place }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'edit' | 'add' | null>(null);
  if (!place.canWrite) return null;
  const childKinds = CHILD_KINDS[place.kind];
  return (
    <>
      {childKinds.length > 0 && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')}>
          {t('place.addChild', { kind: t(`place.kind.${childKinds[childKinds.length - 1]}`) })}
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
