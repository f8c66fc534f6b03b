/** Scope: whose password hashes are synchronized. */
import { Filter20Regular, FolderPeople20Regular, Person20Regular } from '@fluentui/react-icons';
import { Lead } from '../components/Lead.tsx';
import { FactList, Section, type Fact } from '../components/Section.tsx';

const facts: readonly Fact[] = [
  {
    icon: FolderPeople20Regular,
    title: 'A domain, or some of its organizational units',
    text: 'Choose the whole domain, or only the organizational units that hold the people who sign in to Microsoft 365.',
  },
  {
    icon: Person20Regular,
    title: 'User accounts only',
    text: 'Only user objects are in scope. Computers, contacts and inetOrgPerson objects are never synchronized.',
  },
  {
    icon: Filter20Regular,
    title: 'Start small',
    text: 'One organizational unit with a few test users is a safe first scope. You can widen it later; newly added users get a full sync of their password.',
  },
];

export function ScopePage() {
  return (
    <>
      <Lead>Choose which users’ password hashes are synchronized to your tenant.</Lead>
      <Section title="What you decide here">
        <FactList facts={facts} />
      </Section>
    </>
  );
}
