/** Microsoft Entra: sign in to the tenant that receives the hashes. */
import { Globe20Regular, PersonKey20Regular, Settings20Regular } from '@fluentui/react-icons';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { Lead } from '../components/Lead.tsx';
import { FactList, Section, type Fact } from '../components/Section.tsx';
import { learn } from './links.ts';

const needs: readonly Fact[] = [
  {
    icon: PersonKey20Regular,
    title: 'A Global Administrator or Hybrid Identity Administrator',
    text: 'You sign in through your web browser, with the multifactor authentication your tenant requires. The app never sees that password.',
  },
  {
    icon: Settings20Regular,
    title: 'Nothing changes until you configure',
    text: 'After sign-in the app reads the tenant’s name, its verified domains, and whether directory synchronization and password hash sync are on. It turns them on only in the last step.',
  },
  {
    icon: Globe20Regular,
    title: 'HTTPS access to Microsoft’s sign-in and Graph endpoints',
    text: 'This computer must reach login.microsoftonline.com and graph.microsoft.com, directly or through your proxy.',
  },
];

export function TenantPage() {
  return (
    <>
      <Lead>
        Sign in to the Microsoft Entra tenant that should accept your users’ passwords. This is the tenant
        where they sign in to Microsoft 365.
      </Lead>
      <Section title="What you need">
        <FactList facts={needs} />
        <ExternalLink href={learn.adminRoles}>Microsoft Entra built-in roles (Microsoft Learn)</ExternalLink>
      </Section>
    </>
  );
}
