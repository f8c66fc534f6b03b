/** A titled card of a wizard page: the heading can take focus when the card is a new result. */
import { useEffect, useRef, type ReactNode } from 'react';
import {
  Card,
  createFocusOutlineStyle,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: {
    ...typographyStyles.subtitle2,
    margin: 0,
    position: 'relative',
    ...createFocusOutlineStyle({ style: { outlineOffset: tokens.spacingHorizontalXXS } }),
  },
  aside: { marginInlineStart: 'auto', display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface StepCardProps {
  readonly id: string;
  readonly title: string;
  readonly icon?: ReactNode;
  readonly aside?: ReactNode;
  /** Moves focus to the title when the card appears (a result the user must act on). */
  readonly focusOnMount?: boolean;
  readonly children: ReactNode;
}

export function StepCard({ id, title, icon, aside, focusOnMount = false, children }: StepCardProps) {
  const styles = useStyles();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) titleRef.current?.focus();
  }, [focusOnMount]);
  return (
    <Card className={styles.card} appearance="outline" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className={styles.head}>
        {icon}
        <h2 id={`${id}-title`} className={styles.title} tabIndex={-1} ref={titleRef}>
          {title}
        </h2>
        {aside !== undefined && <div className={styles.aside}>{aside}</div>}
      </div>
      {children}
    </Card>
  );
}
