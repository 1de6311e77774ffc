import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n.ts';

const CreateElevatorModal = lazy(() => import('./CreateElevatorModal.tsx').then((m) => ({ default: m.CreateElevatorModal })));

/** 发起加装电梯表决 beside 新建表决 on the decisions list, with its own form. */
export function NewElevatorButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('decisionsElevator.create.button')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <CreateElevatorModal open onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
