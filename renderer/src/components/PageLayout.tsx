/**
 * The frame of every page: step counter, heading, content, and on wizard steps the Back/Next
 * bar. The heading takes focus (tabIndex -1) when the page changes, so screen readers announce it.
 */
import type { ReactNode, Ref } from 'react';
import {
  Button,
  Caption1,
  createFocusOutlineStyle,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowLeft20Regular, ArrowRight20Regular } from '@fluentui/react-icons';
import { isWizardStep, routes, stepPosition, wizardSteps, type RouteId } from '../routes.ts';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1 },
  scroll: { flexGrow: 1, overflow: 'auto' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXXL,
    maxWidth: '760px',
    paddingBlock: `${tokens.spacingVerticalXXL} ${tokens.spacingVerticalXXXL}`,
    paddingInline: tokens.spacingHorizontalXXXL,
  },
  titles: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBlockEnd: `calc(${tokens.spacingVerticalS} - ${tokens.spacingVerticalXXXL})`,
  },
  step: { color: tokens.colorBrandForeground1, textTransform: 'uppercase', letterSpacing: '0.04em' },
  heading: {
    ...typographyStyles.title2,
    margin: 0,
    width: 'fit-content',
    // The focus ring is an absolutely placed ::after: it must be sized by the heading itself.
    position: 'relative',
    // The heading is focused for screen readers; the ring shows only when keyboard users arrive.
    ...createFocusOutlineStyle({ style: { outlineOffset: tokens.spacingHorizontalXS } }),
  },
  footer: {
    display: 'flex',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalXXXL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface PageLayoutProps {
  readonly route: RouteId;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly onNavigate: (route: RouteId) => void;
  readonly children: ReactNode;
}

export function PageLayout({ route, headingRef, onNavigate, children }: PageLayoutProps) {
  const styles = useStyles();
  const position = isWizardStep(route) ? stepPosition(route) : undefined;
  return (
    <div className={styles.page}>
      <div className={styles.scroll}>
        <div className={styles.content}>
          <div className={styles.titles}>
            {position && (
              <Caption1 className={styles.step}>
                Step {position.index} of {wizardSteps.length}
              </Caption1>
            )}
            <h1 id="page-heading" tabIndex={-1} ref={headingRef} className={styles.heading}>
              {routes[route].title}
            </h1>
          </div>
          {children}
        </div>
      </div>
      {position && (
        <div className={styles.footer} role="group" aria-label="Wizard navigation">
          {position.previous && (
            <Button
              icon={<ArrowLeft20Regular />}
              onClick={() => position.previous && onNavigate(position.previous)}
            >
              Back
            </Button>
          )}
          {position.next && (
            <Button
              appearance="primary"
              icon={<ArrowRight20Regular />}
              iconPosition="after"
              onClick={() => position.next && onNavigate(position.next)}
            >
              Next
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
