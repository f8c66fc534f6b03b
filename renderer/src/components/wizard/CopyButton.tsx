/**
 * Copies a text through main (`clipboard:writeText`: the sandboxed page has no clipboard
 * permission) and says so for a few seconds, to screen readers too (a status region).
 */
import { useEffect, useState } from 'react';
import { Button, makeStyles } from '@fluentui/react-components';
import { Checkmark16Regular, Copy16Regular } from '@fluentui/react-icons';
import { call } from '../../bridge.ts';

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
});

export function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    call('clipboard:writeText', { text }).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
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
    </>
  );
}
