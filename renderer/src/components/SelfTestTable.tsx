/**
 * The self-test's primitives, one row each: where its known answers come from, and whether it
 * passed in the main process and in a hash worker. A failure says why under the primitive's name.
 */
import {
  Badge,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { PrimitiveResult, SelfTestWhere } from '../../../shared/self-test-schemas.ts';

const useStyles = makeStyles({
  cell: { overflowWrap: 'anywhere', paddingBlock: tokens.spacingVerticalXS },
  name: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  why: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Row {
  readonly name: string;
  readonly source: string;
  readonly main: PrimitiveResult | undefined;
  readonly worker: PrimitiveResult | undefined;
}

function rowsOf(results: readonly PrimitiveResult[]): Row[] {
  const names = [...new Set(results.map((r) => r.name))];
  const find = (name: string, where: SelfTestWhere) =>
    results.find((r) => r.name === name && r.where === where);
  return names.map((name) => {
    const main = find(name, 'main');
    const worker = find(name, 'worker');
    return { name, source: (main ?? worker)?.source ?? '', main, worker };
  });
}

function Verdict({ result }: { readonly result: PrimitiveResult | undefined }) {
  if (result === undefined) return <Caption1>Not run</Caption1>;
  return result.passed ? (
    <Badge appearance="tint" color="success">
      Passed
    </Badge>
  ) : (
    <Badge appearance="tint" color="danger">
      Failed
    </Badge>
  );
}

export function SelfTestTable({ results }: { readonly results: readonly PrimitiveResult[] }) {
  const styles = useStyles();
  return (
    <Table aria-label="Cryptographic primitives and their self-test results" size="extra-small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Primitive</TableHeaderCell>
          <TableHeaderCell>Known answers</TableHeaderCell>
          <TableHeaderCell>Main process</TableHeaderCell>
          <TableHeaderCell>Hash worker</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rowsOf(results).map((row) => {
          const why = [row.main, row.worker].filter(
            (r): r is PrimitiveResult => r !== undefined && !r.passed,
          );
          return (
            <TableRow key={row.name}>
              <TableCell className={styles.cell}>
                <span className={styles.name}>
                  {row.name}
                  {why.map((r) => (
                    <Caption1 key={r.where} className={styles.why}>
                      {r.where === 'main' ? 'Main process' : 'Hash worker'}: {r.error}
                    </Caption1>
                  ))}
                </span>
              </TableCell>
              <TableCell className={`${styles.cell} ${styles.muted}`}>{row.source}</TableCell>
              <TableCell className={styles.cell}>
                <Verdict result={row.main} />
              </TableCell>
              <TableCell className={styles.cell}>
                <Verdict result={row.worker} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
