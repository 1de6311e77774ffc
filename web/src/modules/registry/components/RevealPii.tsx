import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRevealPii } from '../api.ts';

/**
 * The full phone and ID number, for roles whose work needs them. The read is audited on the
 * server, so the user is told so before it happens.
 */
export function useRevealedPii(personId: string) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const reveal = useRevealPii(personId);

  const button = reveal.data ? (
    <Button icon={<EyeInvisibleOutlined />} onClick={() => reveal.reset()}>
      {t('pii.hide')}
    </Button>
  ) : (
    <Button
      icon={<EyeOutlined />}
      loading={reveal.isPending}
      onClick={() =>
        modal.confirm({
          title: t('pii.confirmTitle'),
          content: t('pii.confirmBody'),
          okText: t('pii.confirmOk'),
          cancelText: t('common.cancel'),
          onOk: () => reveal.mutateAsync(),
        })
      }
    >
      {t('pii.show')}
    </Button>
  );
  return { revealed: reveal.data ?? null, error: reveal.error, button };
}
