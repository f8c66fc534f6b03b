/** The product bar across the top of the window. */
import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ShieldKeyhole24Filled } from '@fluentui/react-icons';
import type { AppInfo } from '../hooks/use-main-process.ts';

export const PRODUCT_NAME = 'PHS Sync';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '48px',
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  logo: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  tagline: { color: tokens.colorNeutralForeground3 },
  divider: {
    width: tokens.strokeWidthThin,
    alignSelf: 'stretch',
    marginBlock: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralStroke2,
  },
  version: { marginInlineStart: 'auto', color: tokens.colorNeutralForeground3 },
});

export function AppHeader({ info }: { readonly info: AppInfo | undefined }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <ShieldKeyhole24Filled className={styles.logo} aria-hidden />
        <Text as="span" size={400} weight="semibold">
          {PRODUCT_NAME}
        </Text>
      </div>
      <span className={styles.divider} aria-hidden />
      <Caption1 className={styles.tagline}>
        Password hash synchronization from Active Directory to Microsoft Entra ID
      </Caption1>
      {info && (
        <Caption1 className={styles.version}>
          Version {info.version} · {info.platform}
        </Caption1>
      )}
    </header>
  );
}
