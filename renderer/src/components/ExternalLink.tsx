/**
 * A link to documentation, opened in the system browser by main (`shell:openExternal`), never
 * inside the app window. If main refuses or fails, the reason is shown under the link.
 */
import type { MouseEvent } from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons';
import { useOpenExternal } from '../hooks/use-open-external.ts';
import { ErrorBar } from './ErrorBar.tsx';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export function ExternalLink({ href, children }: { readonly href: string; readonly children: string }) {
  const styles = useStyles();
  const { error, open: openInBrowser } = useOpenExternal(href);
  const open = (event: MouseEvent) => {
    event.preventDefault();
    openInBrowser();
  };

  return (
    <div className={styles.block}>
      <Link href={href} onClick={open} className={styles.link}>
        {children}
        <Open16Regular aria-label="(opens in your browser)" />
      </Link>
      {error && <ErrorBar title="The link could not be opened" error={error} />}
    </div>
  );
}
