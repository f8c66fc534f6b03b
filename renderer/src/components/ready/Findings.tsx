/**
 * What blocks Configure, and what deserves a look first, each with a link to the step that fixes
 * it — except what is fixed outside the wizard (no keyring): its text says what to do.
 */
import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { Review } from '../../../../shared/wizard-schemas.ts';
import { hrefOf } from '../../hooks/use-hash-route.ts';
import { routes } from '../../routes.ts';
import { ErrorBar } from '../ErrorBar.tsx';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

function FindingList({ items }: { readonly items: Review['blockers'] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {items.map((item) => (
        <li key={item.message}>
          {item.message}
          {item.step !== null && (
            <>
              {' '}
              <Link href={hrefOf(item.step)}>Open {routes[item.step].title}</Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function Findings({ review }: { readonly review: Review }) {
  return (
    <>
      {review.tenantError !== null && (
        <ErrorBar title="Microsoft Entra could not be read" error={review.tenantError} />
      )}
      {review.blockers.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="blockers">
          <MessageBarBody>
            <MessageBarTitle>Before you can configure</MessageBarTitle>
            <FindingList items={review.blockers} />
          </MessageBarBody>
        </MessageBar>
      )}
      {review.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="warnings">
          <MessageBarBody>
            <MessageBarTitle>Worth a look</MessageBarTitle>
            <FindingList items={review.warnings} />
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
