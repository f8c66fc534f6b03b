/** Ready to configure: what happens when the admin confirms. */
import { ArrowSync20Regular, CloudArrowUp20Regular, Gauge20Regular } from '@fluentui/react-icons';
import { Lead } from '../components/Lead.tsx';
import { FactList, Section, type Fact } from '../components/Section.tsx';

const steps: readonly Fact[] = [
  {
    icon: CloudArrowUp20Regular,
    title: 'Password hash sync is turned on in your tenant',
    text: 'If it is off, with the settings you chose in the previous steps.',
  },
  {
    icon: ArrowSync20Regular,
    title: 'A first full sync, then only changes',
    text: 'The hash of every user in scope is sent once; after that, only passwords that change are sent.',
  },
  {
    icon: Gauge20Regular,
    title: 'Progress on the Dashboard',
    text: 'Follow each cycle there, with per-user results and any errors with what to do about them.',
  },
];

export function ReadyPage() {
  return (
    <>
      <Lead>
        Review your choices, then configure. Until you do, nothing changes in your directory or your tenant.
      </Lead>
      <Section title="When you configure">
        <FactList facts={steps} />
      </Section>
    </>
  );
}
