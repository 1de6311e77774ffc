import { Fragment } from 'react';
import { residentModules } from './modules.ts';

/** The resident home (首页): every module's sections, in their order. */
const sections = residentModules.flatMap((m) => (m.homeSections ?? []).map((s) => ({ ...s, key: `${m.name}-${s.order}` }))).sort((a, b) => a.order - b.order);

export function HomePage() {
  return (
    <>
      {sections.map(({ key, Section }) => (
        <Fragment key={key}>
          <Section />
        </Fragment>
      ))}
    </>
  );
}
