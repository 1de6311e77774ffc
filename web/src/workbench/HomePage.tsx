import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiGet } from '../shared/api.ts';
import { PageHeader } from './components/PageHeader.tsx';
import { QueryView } from './components/QueryView.tsx';

interface StaffHome {
  todos: { key: string; count: number; link: string }[];
  figures: { key: string; value: number; link?: string }[];
}

export const staffHomeKey = ['me', 'workbench'] as const;

/**
 * 工作台首页: the first page after sign-in. What needs me today — each count opens the list that shows
 * exactly those — and the key figures of my places, from every module (GET /api/me/workbench).
 */
export function HomePage() {
  const { t } = useTranslation();
  const home = useQuery({ queryKey: staffHomeKey, queryFn: () => apiGet<StaffHome>('/api/me/workbench') });
  return (
    <>
      <PageHeader title={t('home.title')} />
      <QueryView query={home}>
        {({ todos, figures }) => {
          // Waiting items first; a to-do with nothing waiting stays, quieter, so the page keeps its shape.
          const sorted = [...todos].sort((a, b) => Number(b.count > 0) - Number(a.count > 0));
          return (
            <>
              <section aria-labelledby="gz-todos" className="gz-home-section">
                <Typography.Title level={4} id="gz-todos">
                  {t('home.todos')}
                </Typography.Title>
                {sorted.length === 0 ? (
                  <Card>
                    <Empty description={t('home.noTodos')} />
                  </Card>
                ) : (
                  <Row gutter={[16, 16]}>
                    {sorted.map((todo) => (
                      <Col key={todo.key} xs={24} sm={12} lg={8} xl={6}>
                        <Link to={todo.link} className={todo.count > 0 ? 'gz-todo gz-todo-waiting' : 'gz-todo'} aria-label={`${t(`home.todo.${todo.key}`)} ${todo.count}`}>
                          <Card hoverable size="small">
                            <div className="gz-todo-count">{todo.count}</div>
                            <div className="gz-todo-label">{t(`home.todo.${todo.key}`)}</div>
                          </Card>
                        </Link>
                      </Col>
                    ))}
                  </Row>
                )}
              </section>
              {figures.length > 0 && (
                <section aria-labelledby="gz-figures" className="gz-home-section">
                  <Typography.Title level={4} id="gz-figures">
                    {t('home.figures')}
                  </Typography.Title>
                  <Row gutter={[16, 16]}>
                    {figures.map((f) => (
                      <Col key={f.key} xs={12} sm={8} lg={6}>
                        <Card size="small">
                          <div className="gz-figure-value">{f.value.toLocaleString()}</div>
                          <div className="gz-todo-label">{f.link ? <Link to={f.link}>{t(`home.figure.${f.key}`)}</Link> : t(`home.figure.${f.key}`)}</div>
                        </Card>
                      </Col>
                    ))}
                  </Row>
                </section>
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
