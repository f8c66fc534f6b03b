/** Password hash sync: how synchronized passwords behave in the cloud. */
import {
  Beaker20Regular,
  CalendarClock20Regular,
  KeyReset20Regular,
  LockOpen20Regular,
} from '@fluentui/react-icons';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { Lead } from '../components/Lead.tsx';
import { FactList, Section, type Fact } from '../components/Section.tsx';
import { learn } from './links.ts';

const choices: readonly Fact[] = [
  {
    icon: CalendarClock20Regular,
    title: 'Password expiry in the cloud',
    text: 'Synchronized users get “password never expires” in Microsoft Entra ID unless the tenant applies its cloud password policy to synchronized users.',
  },
  {
    icon: KeyReset20Regular,
    title: 'Temporary passwords',
    text: 'Users who must change their password at next logon are synchronized only when the tenant’s forced-change feature is on; the cloud then asks them to change it too.',
  },
  {
    icon: Beaker20Regular,
    title: 'Staging mode',
    text: 'Read and hash everything but send nothing, to check a setup before it takes effect.',
  },
  {
    icon: LockOpen20Regular,
    title: 'What is not synchronized',
    text: 'Expired passwords, account lockout and account expiry stay on-premises.',
  },
];

export function PhsPage() {
  return (
    <>
      <Lead>Choose how synchronized passwords behave in Microsoft Entra ID.</Lead>
      <Section title="What you decide here">
        <FactList facts={choices} />
        <ExternalLink href={learn.howPhsWorks}>
          How password hash synchronization works (Microsoft Learn)
        </ExternalLink>
      </Section>
    </>
  );
}
