/** Label/value pairs as a definition list; long values (DNs, fingerprints) wrap, never cut off. */
import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  value: {
    margin: 0,
    minWidth: 0,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

export interface Detail {
  readonly label: string;
  readonly value: ReactNode;
  readonly mono?: boolean;
}

export function DetailsList({
  details,
  testId,
}: {
  readonly details: readonly Detail[];
  readonly testId?: string;
}) {
  const styles = useStyles();
  return (
    <dl className={styles.list} data-testid={testId}>
      {details.map(({ label, value, mono }) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt className={styles.term}>{label}</dt>
          <dd className={mergeClasses(styles.value, mono === true && styles.mono)}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
