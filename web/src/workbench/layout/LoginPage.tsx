import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { Credentials } from '../../shared/session.ts';
import { useSignInForm } from '../../shared/sign-in.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Staff sign in with their username; the fields, rules and sign-in are shared with the H5's page (shared/sign-in.ts). */
export function LoginPage() {
  const { t } = useTranslation();
  const form = useSignInForm('staff');
  if (form.signedInTo) return <Navigate to={form.signedInTo} replace />;

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
        {form.error && <Alert type="error" showIcon title={form.error} style={{ marginBottom: 16 }} />}
        <Form<Credentials>
          layout="vertical"
          requiredMark={false}
          onFinish={form.submit}
          onValuesChange={form.retry}
          onFinishFailed={form.retry}
          disabled={form.pending}
        >
          <Form.Item {...form.fields.login}>
            <Input {...form.inputs.login} prefix={<UserOutlined />} autoFocus size="large" />
          </Form.Item>
          <Form.Item {...form.fields.password}>
            <Input.Password {...form.inputs.password} prefix={<LockOutlined />} size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={form.pending}>
            {form.submitLabel}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" className="gz-login-foot">
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
