/**
 * Copies a text through main (useCopy) and says so for a few seconds, to screen readers too (a
 * status region); a failed copy is shown under the button.
 */
import { Button, makeStyles } from '@fluentui/react-components';
import { Checkmark16Regular, Copy16Regular } from '@fluentui/react-icons';
import { useCopy } from '../../hooks/use-copy.ts';
import { ErrorBar } from '../ErrorBar.tsx';

const useStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  // In a wrapping row, the failure takes a line of its own under the button.
  failure: { flexBasis: '100%' },
});

export function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const styles = useStyles();
  const { copied, error, copy } = useCopy(text);
  return (
    <>
      <Button
        size="small"
        icon={copied ? <Checkmark16Regular /> : <Copy16Regular />}
        onClick={copy}
        aria-label={label}
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
      <span role="status" className={styles.hidden}>
        {copied ? 'Copied to the clipboard' : ''}
      </span>
      {error !== null && (
        <div className={styles.failure}>
          <ErrorBar title="The text could not be copied" error={error} />
        </div>
      )}
    </>
  );
}
