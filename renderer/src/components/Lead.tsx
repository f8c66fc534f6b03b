/** The opening paragraph of a page, at a readable measure. */
import type { ReactNode } from 'react';
import { Body1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  lead: {
    margin: 0,
    maxWidth: '68ch',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    color: tokens.colorNeutralForeground2,
  },
});

export function Lead({ children }: { readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <Body1 as="p" className={styles.lead}>
      {children}
    </Body1>
  );
}
