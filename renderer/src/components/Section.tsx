/** A titled block of a page, and the icon-led list of facts most sections hold. */
import type { ReactNode } from 'react';
import { Body1, Body1Strong, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  icon: { color: tokens.colorBrandForeground1, fontSize: '20px', marginTop: '1px' },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
});

export function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section}>
      <Subtitle2 as="h2" className={styles.title}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export interface Fact {
  readonly icon: FluentIcon;
  readonly title: string;
  readonly text: ReactNode;
}

export function FactList({ facts }: { readonly facts: readonly Fact[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {facts.map(({ icon: Icon, title, text }) => (
        <li key={title} className={styles.item}>
          <Icon className={styles.icon} aria-hidden />
          <div className={styles.text}>
            <Body1Strong>{title}</Body1Strong>
            <Body1>{text}</Body1>
          </div>
        </li>
      ))}
    </ul>
  );
}
