/** One section of the Ready summary, with the "Change" link back to its step. */
import type { ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import { hrefOf } from '../../hooks/use-hash-route.ts';
import { routes, type WizardStep } from '../../routes.ts';
import { DetailsList, type Detail } from '../wizard/DetailsList.tsx';
import { StepCard } from '../wizard/StepCard.tsx';

export function SummaryCard({
  step,
  details,
  children,
}: {
  readonly step: WizardStep;
  readonly details: readonly Detail[];
  readonly children?: ReactNode;
}) {
  const title = routes[step].title;
  return (
    <StepCard
      id={`summary-${step}`}
      title={title}
      aside={
        <Link href={hrefOf(step)} aria-label={`Change ${title}`}>
          Change
        </Link>
      }
    >
      <DetailsList details={details} />
      {children}
    </StepCard>
  );
}
