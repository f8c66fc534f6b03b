/** Welcome: what password hash sync does and does not do, what the admin needs, and a live check. */
import {
  Cloud20Regular,
  Eye20Regular,
  LockClosed20Regular,
  PersonKey20Regular,
  Ram20Regular,
  ServerLink20Regular,
  ShieldCheckmark20Regular,
} from '@fluentui/react-icons';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { Lead } from '../components/Lead.tsx';
import { FactList, Section, type Fact } from '../components/Section.tsx';
import { SelfTestCard } from '../components/SelfTestCard.tsx';
import { learn } from './links.ts';

const protections: readonly Fact[] = [
  {
    icon: LockClosed20Regular,
    title: 'Passwords are never read, stored or sent',
    text: 'Active Directory keeps only a hash of each password (the NT hash), and that hash is all the app reads — by directory replication from a domain controller, the same way Microsoft Entra Connect does.',
  },
  {
    icon: ShieldCheckmark20Regular,
    title: 'Only a hash of a hash leaves your network',
    text: 'Each NT hash is hashed again with PBKDF2-HMAC-SHA256 (1,000 iterations, a fresh random salt per user) before it is sent to your tenant. The result cannot be turned back into the NT hash or the password.',
  },
  {
    icon: Ram20Regular,
    title: 'NT hashes stay in memory on this computer',
    text: 'They exist only inside the app’s hash workers while they are processed, and are never written to disk, logged or shown.',
  },
  {
    icon: Eye20Regular,
    title: 'Nothing changes in Active Directory',
    text: 'The app only reads from your domain controller. It does not write back passwords or any other attribute.',
  },
];

const needs: readonly Fact[] = [
  {
    icon: ServerLink20Regular,
    title: 'A domain controller this computer can reach',
    text: 'Over LDAPS (TCP 636, or StartTLS on 389) and RPC (TCP 135 plus the dynamic RPC ports, 49152–65535 by default).',
  },
  {
    icon: PersonKey20Regular,
    title: 'An account with two replication rights',
    text: '“Replicating Directory Changes” and “Replicating Directory Changes All” on the domain root. A dedicated account with just these rights is enough; it need not be a Domain Admin.',
  },
  {
    icon: Cloud20Regular,
    title: 'An administrator of your Microsoft Entra tenant',
    text: 'A Global Administrator or Hybrid Identity Administrator signs in to turn on password hash sync.',
  },
];

export function WelcomePage() {
  return (
    <>
      <Lead>
        PHS Sync sets up and runs password hash synchronization from your on-premises Active Directory to
        Microsoft Entra ID, so people sign in to Microsoft 365 and other Entra services with the password they
        already use on your network. After a first full sync, only changed passwords are sent.
      </Lead>
      <SelfTestCard />
      <Section title="How passwords stay protected">
        <FactList facts={protections} />
      </Section>
      <Section title="What you need">
        <FactList facts={needs} />
        <ExternalLink href={learn.whatIsPhs}>
          What is password hash synchronization? (Microsoft Learn)
        </ExternalLink>
      </Section>
    </>
  );
}
