/**
 * A polite live region that is always in the page (so what appears in it is announced) but takes
 * no room while empty: out of the flow, it adds no gap between a page's sections.
 */
import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  region: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  empty: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' },
});

export function LiveRegion({ children, testId }: { readonly children: ReactNode; readonly testId?: string }) {
  const styles = useStyles();
  const empty =
    children === null ||
    children === undefined ||
    children === false ||
    (Array.isArray(children) && children.every((c) => c === null || c === undefined || c === false));
  return (
    <div
      aria-live="polite"
      className={mergeClasses(styles.region, empty && styles.empty)}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
