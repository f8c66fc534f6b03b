/** What the test found: the domain, its DC and functional levels, and the forest's UPN suffixes. */
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons';
import type { DirectoryConnected } from '../../../../shared/directory-schemas.ts';
import { formatTime } from '../../wizard/format.ts';
import { DetailsList } from '../wizard/DetailsList.tsx';
import { StepCard } from '../wizard/StepCard.tsx';

const useStyles = makeStyles({
  ok: { color: tokens.colorPaletteGreenForeground1 },
});

export function DiscoveryCard({ result }: { readonly result: DirectoryConnected }) {
  const styles = useStyles();
  const d = result.discovery;
  return (
    <StepCard
      id="discovery"
      title={`Connected to ${d.domainDnsName}`}
      icon={<CheckmarkCircle20Filled className={styles.ok} aria-hidden />}
      aside={
        <Badge appearance="tint" color="success">
          Tested {formatTime(result.testedAt)}
        </Badge>
      }
    >
      <DetailsList
        details={[
          { label: 'Domain (DNS)', value: d.domainDnsName },
          { label: 'Domain (NetBIOS)', value: d.netbiosName },
          { label: 'Forest', value: d.forestDnsName },
          {
            label: 'Domain controller',
            value: `${d.dcHostName}${d.isGlobalCatalog ? ' (global catalog)' : ''}`,
          },
          { label: 'Domain functional level', value: d.domainFunctionalLevel },
          { label: 'Forest functional level', value: d.forestFunctionalLevel },
          { label: 'UPN suffixes', value: d.upnSuffixes.join(', ') },
          { label: 'Signed in as', value: result.account },
        ]}
      />
    </StepCard>
  );
}
