import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { Credentials } from '../../shared/session.ts';
import { useSignInForm } from '../../shared/sign-in.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Staff sign in with their username; the fields, rules and sign-in are shared with the H5's page (shared/sign-in.ts). */
export function LoginPage() {
  const { t } = useTranslation();
  const form = useSignInForm('staff');
  const [forgot, setForgot] = useState(false);
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
        <Flex justify="flex-end" style={{ marginTop: 8 }}>
          <Button type="link" size="small" onClick={() => setForgot(true)} style={{ paddingInline: 0 }}>
            {t('auth.forgot')}
          </Button>
        </Flex>
      </Card>
      {/* Staff ask their administrator (a reset in 账号管理); residents reset by SMS on the H5. */}
      <Modal open={forgot} title={t('auth.forgotTitle')} onCancel={() => setForgot(false)} footer={<Button onClick={() => setForgot(false)}>{t('common.close')}</Button>}>
        <Typography.Paragraph>{t('auth.forgotStaff')}</Typography.Paragraph>
        <Typography.Paragraph>{t('auth.forgotResident')}</Typography.Paragraph>
      </Modal>
      <Typography.Text type="secondary" className="gz-login-foot">
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
