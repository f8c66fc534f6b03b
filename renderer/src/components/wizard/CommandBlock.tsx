/** A command to run elsewhere (PowerShell, a Samba DC), shown whole and copyable. */
import { Caption1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { CopyButton } from './CopyButton.tsx';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  head: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  code: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
});

export function CommandBlock({ title, command }: { readonly title: string; readonly command: string }) {
  const styles = useStyles();
  return (
    <div className={styles.block}>
      <div className={styles.head}>
        <Caption1Strong>{title}</Caption1Strong>
        <CopyButton text={command} label={`Copy the ${title} command`} />
      </div>
      <pre className={styles.code}>
        <code>{command}</code>
      </pre>
    </div>
  );
}
