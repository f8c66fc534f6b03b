/**
 * Entra Connect's UPN suffix check: each UPN suffix of the AD forest against the tenant's
 * domains. Users whose suffix is not verified sign in with the tenant's .onmicrosoft.com name.
 */
import {
  Badge,
  Body1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { assertNever } from '../../../../shared/assert-never.ts';
import type { UpnSuffixRow, UpnSuffixStatus } from '../../../../shared/tenant-schemas.ts';
import { StepCard } from '../wizard/StepCard.tsx';

const useStyles = makeStyles({
  cell: { overflowWrap: 'anywhere', paddingBlock: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

function badge(status: UpnSuffixStatus) {
  switch (status) {
    case 'verified':
      return (
        <Badge appearance="tint" color="success">
          Verified
        </Badge>
      );
    case 'notVerified':
      return (
        <Badge appearance="tint" color="warning">
          Not verified
        </Badge>
      );
    case 'missing':
      return (
        <Badge appearance="tint" color="danger">
          Missing
        </Badge>
      );
    default:
      return assertNever(status);
  }
}

function note(row: UpnSuffixRow): string {
  switch (row.status) {
    case 'verified':
      return row.verifiedVia === null
        ? 'Users keep their UPN in the cloud.'
        : `Verified through ${row.verifiedVia}.`;
    case 'notVerified':
      return 'Added to the tenant but not verified: verify it in the Entra admin center.';
    case 'missing':
      return 'Not in the tenant: add and verify it, or users get an .onmicrosoft.com name.';
    default:
      return assertNever(row.status);
  }
}

export function UpnSuffixTable({ rows }: { readonly rows: readonly UpnSuffixRow[] | null }) {
  const styles = useStyles();
  return (
    <StepCard id="upn-suffixes" title="UPN suffixes">
      {rows === null ? (
        <Body1 className={styles.muted}>
          Test the Active Directory connection first: the suffixes come from your forest.
        </Body1>
      ) : (
        <Table aria-label="Active Directory UPN suffixes and their state in the tenant" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Active Directory UPN suffix</TableHeaderCell>
              <TableHeaderCell>Microsoft Entra domain</TableHeaderCell>
              <TableHeaderCell>What it means</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.suffix}>
                <TableCell className={styles.cell}>{row.suffix}</TableCell>
                <TableCell className={styles.cell}>{badge(row.status)}</TableCell>
                <TableCell className={styles.cell}>{note(row)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </StepCard>
  );
}
