/**
 * What the DC's certificate is checked against: the system's trusted CAs, a CA file chosen in
 * the system's file dialog, or the one certificate the admin chose to trust (its fingerprint).
 */
import { Button, Caption1, Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { FolderOpen16Regular } from '@fluentui/react-icons';
import type { DirectoryStepState } from '../../hooks/use-directory-step.ts';
import { validation } from '../../wizard/field.ts';

const useStyles = makeStyles({
  choice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  detail: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    paddingInlineStart: '32px',
  },
  value: {
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyMonospace,
  },
});

export function TrustField({ step }: { readonly step: DirectoryStepState }) {
  const styles = useStyles();
  const { trust } = step.form;
  const pickSystem = () => step.setTrust({ kind: 'system' });
  const pickFile = () => void step.chooseCaFile();
  return (
    <Field label="Trust the domain controller's certificate by" {...validation(step.errors.trust)}>
      <RadioGroup
        value={trust.kind}
        onChange={(_e, d) => {
          if (d.value === 'system') pickSystem();
          if (d.value === 'pem') step.setTrust({ kind: 'pem', file: trust.kind === 'pem' ? trust.file : '' });
        }}
      >
        <Radio value="system" label="The certificate authorities this computer trusts" />
        <div className={styles.choice}>
          <Radio value="pem" label="A CA certificate file (PEM)" />
          {trust.kind === 'pem' && (
            <div className={styles.detail}>
              {trust.file !== '' && <Caption1 className={styles.value}>{trust.file}</Caption1>}
              <Button size="small" icon={<FolderOpen16Regular />} onClick={pickFile}>
                {trust.file === '' ? 'Choose file…' : 'Choose another file…'}
              </Button>
            </div>
          )}
        </div>
        <div className={styles.choice}>
          <Radio
            value="pinned"
            label="This certificate only (its fingerprint)"
            disabled={trust.kind !== 'pinned'}
          />
          {trust.kind === 'pinned' && (
            <div className={styles.detail}>
              <Caption1 className={styles.value} data-testid="pinned-fingerprint">
                SHA-256 {trust.sha256}
              </Caption1>
            </div>
          )}
        </div>
      </RadioGroup>
    </Field>
  );
}
