import { EnvironmentOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PlaceTreeSelect } from '../../modules/registry/index.ts';
import { useScope } from '../scope.tsx';

/** Street → compound: the place the lists are scoped to, remembered across visits. */
export function ScopeSelector() {
  const { t } = useTranslation();
  const { scope, setScope } = useScope();
  return (
    <Flex align="center" gap={8}>
      <EnvironmentOutlined aria-hidden />
      <Typography.Text strong>
        <label htmlFor="gz-scope">{t('scope.label')}</label>
      </Typography.Text>
      <PlaceTreeSelect
        id="gz-scope"
        value={scope?.id ?? null}
        valueLabel={scope?.name}
        onChange={(id, name) => setScope(id ? { id, name: name ?? id } : null)}
        placeholder={t('scope.all')}
        allowClear
        style={{ minWidth: 260 }}
      />
    </Flex>
  );
}
