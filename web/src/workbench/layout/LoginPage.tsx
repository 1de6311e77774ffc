import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { type Credentials, useSignInPage } from '../../shared/session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const { login, signedInTo } = useSignInPage();
  if (signedInTo) return <Navigate to={signedInTo} replace />;

  return (
    <Flex vertical align="center" justify="center" className="gz-login">
      <div className="gz-login-lang">
        <LanguageSwitch />
      </div>
      <Card className="gz-login-card">
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        <Typography.Title level={4}>{t('auth.staffSignIn')}</Typography.Title>
        {login.error && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />}
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(v) => login.mutate(v)} disabled={login.isPending}>
          <Form.Item
            name="login"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" className="gz-login-foot">
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
