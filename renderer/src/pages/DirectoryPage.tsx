/** Active Directory: which domain controller to read from, and with which account. */
import {
  Certificate20Regular,
  LockClosed20Regular,
  PersonKey20Regular,
  Server20Regular,
} from '@fluentui/react-icons';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { Lead } from '../components/Lead.tsx';
import { FactList, Section, type Fact } from '../components/Section.tsx';
import { learn } from './links.ts';

const needs: readonly Fact[] = [
  {
    icon: Server20Regular,
    title: 'A writable domain controller',
    text: 'Its host name or IP address, in the domain that holds your users. Read-only domain controllers do not keep every password hash.',
  },
  {
    icon: LockClosed20Regular,
    title: 'An encrypted LDAP connection',
    text: 'LDAPS on TCP 636, or StartTLS on TCP 389. Plain, unencrypted LDAP is never used.',
  },
  {
    icon: Certificate20Regular,
    title: 'Your certificate authority, if it is private',
    text: 'If the domain controller’s certificate comes from your own CA, have that CA’s certificate at hand so the connection can be verified.',
  },
  {
    icon: PersonKey20Regular,
    title: 'The replication account',
    text: 'The user name and password of the account holding “Replicating Directory Changes” and “Replicating Directory Changes All” on the domain root.',
  },
];

export function DirectoryPage() {
  return (
    <>
      <Lead>
        Connect to a domain controller of your on-premises Active Directory. The app uses LDAP to find users
        and follow password changes, and directory replication over RPC to read the NT hash of each changed
        user.
      </Lead>
      <Section title="What you need">
        <FactList facts={needs} />
        <ExternalLink href={learn.accountsAndPermissions}>
          Accounts and permissions for synchronization (Microsoft Learn)
        </ExternalLink>
      </Section>
    </>
  );
}
