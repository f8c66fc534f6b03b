/** The window: product header, page navigation on the left, the current page on the right. */
import { useEffect, useRef } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useHashRoute } from '../hooks/use-hash-route.ts';
import { useMainProcess } from '../hooks/use-main-process.ts';
import { PageBody } from '../pages/PageBody.tsx';
import { AppHeader } from './AppHeader.tsx';
import { Notices } from './Notices.tsx';
import { PageLayout } from './PageLayout.tsx';
import { StepNav } from './StepNav.tsx';

const useStyles = makeStyles({
  frame: { display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0 },
  body: { display: 'grid', gridTemplateColumns: '256px minmax(0, 1fr)', flexGrow: 1, minHeight: 0 },
  main: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export function AppFrame() {
  const styles = useStyles();
  const [route, navigate] = useHashRoute();
  const main = useMainProcess();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownRoute = useRef(route);

  useEffect(() => {
    // Only a change of page moves focus; the first page of a launch leaves it where it is.
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    headingRef.current?.focus();
  }, [route]);

  return (
    <div className={styles.frame}>
      <AppHeader info={main.info} />
      <div className={styles.body}>
        <StepNav route={route} onSelect={navigate} />
        <main className={styles.main} aria-labelledby="page-heading">
          <Notices notices={main.notices} failure={main.failure} onDismiss={main.dismissNotice} />
          <PageLayout key={route} route={route} headingRef={headingRef} onNavigate={navigate}>
            <PageBody route={route} main={main} />
          </PageLayout>
        </main>
      </div>
    </div>
  );
}
