/** Recent cycles as bars: hashes delivered (height) with each cycle's duration in its label. */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { CycleView } from '../../../../shared/engine-schemas.ts';

const useStyles = makeStyles({
  svg: { width: '100%', height: '120px', display: 'block' },
  bar: { fill: tokens.colorBrandBackground },
  failed: { fill: tokens.colorPaletteRedBackground3 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function CyclesChart({ cycles }: { readonly cycles: readonly CycleView[] }) {
  const styles = useStyles();
  if (cycles.length === 0)
    return <Caption1 className={styles.muted}>No sync cycle has finished yet.</Caption1>;
  const max = Math.max(1, ...cycles.map((c) => c.delivered));
  const width = 100 / Math.max(cycles.length, 10);
  const summary = cycles
    .map((c) => `${c.kind} cycle: ${c.delivered} delivered in ${c.durationSeconds.toFixed(1)} s`)
    .join('; ');
  const last = cycles.at(-1)!;
  return (
    <>
      <svg
        className={styles.svg}
        viewBox="0 0 100 40"
        preserveAspectRatio="none"
        role="img"
        aria-label={`Recent cycles. ${summary}`}
      >
        {cycles.map((c, i) => {
          const h = Math.max(1, (c.delivered / max) * 38);
          return (
            <rect
              key={c.id}
              className={c.outcome === 'failed' ? styles.failed : styles.bar}
              x={i * width + width * 0.1}
              y={40 - h}
              width={width * 0.8}
              height={h}
            >
              <title>{`${c.kind} #${c.id} (${c.outcome}): ${c.delivered} delivered, ${c.durationSeconds.toFixed(1)} s`}</title>
            </rect>
          );
        })}
      </svg>
      <Caption1 className={styles.muted}>
        Recent cycles: {cycles.length} · at most {max} hashes delivered in one · last: {last.kind},{' '}
        {last.delivered} delivered in {last.durationSeconds.toFixed(1)} s ({last.outcome})
      </Caption1>
    </>
  );
}
