import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../shared/i18n.ts';
import { useLogout, useSignedIn } from '../../shared/session.ts';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const logout = useLogout();
  const [changing, setChanging] = useState(false);
  const lang = currentLanguage();
  const roleLabel = (role: string) => me.roles.find((r) => r.role === role)?.label[lang] ?? role;
  const held = me.grants.length
    ? me.grants.map((g) => ({ key: `${g.role}-${g.placeId}`, label: `${roleLabel(g.role)} · ${g.placeName}`, disabled: true }))
    : [{ key: 'roles', label: me.roles.map((r) => r.label[lang]).join('、') || t('auth.noRoles'), disabled: true }];
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...held,
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
            { key: 'logout', icon: <LogoutOutlined />, label: t('auth.signOut') },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            // The sign-in gate takes the page to the sign-in page once the session is gone.
            if (key === 'logout') logout.mutate();
          },
        }}
      >
        <Button type="text" icon={<UserOutlined />} aria-label={t('auth.account')}>
          {me.account.name} <DownOutlined />
        </Button>
      </Dropdown>
      {changing && <ChangePasswordModal onClose={() => setChanging(false)} />}
    </>
  );
}
