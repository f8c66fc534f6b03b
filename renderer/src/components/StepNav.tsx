/**
 * The left navigation: the wizard steps in order, then the Dashboard. One vertical TabList, so
 * it is a single Tab stop; arrow keys move between entries and Enter or Space opens one.
 */
import {
  Caption1Strong,
  makeStyles,
  Tab,
  TabList,
  tokens,
  type SelectTabEventHandler,
} from '@fluentui/react-components';
import { isRouteId, routes, wizardSteps, type RouteId } from '../routes.ts';

const useStyles = makeStyles({
  nav: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
  },
  group: {
    display: 'block',
    paddingInline: tokens.spacingHorizontalM,
    paddingBlock: `${tokens.spacingVerticalS} ${tokens.spacingVerticalXS}`,
    color: tokens.colorNeutralForeground3,
  },
  tabs: { alignItems: 'stretch' },
  tab: { justifyContent: 'flex-start' },
  tabContent: { textAlign: 'start' },
  separator: {
    height: tokens.strokeWidthThin,
    marginBlock: tokens.spacingVerticalS,
    marginInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralStroke2,
  },
});

export interface StepNavProps {
  readonly route: RouteId;
  readonly onSelect: (route: RouteId) => void;
}

export function StepNav({ route, onSelect }: StepNavProps) {
  const styles = useStyles();
  const select: SelectTabEventHandler = (_event, data) => {
    if (isRouteId(data.value)) onSelect(data.value);
  };
  const tab = (id: RouteId) => {
    const { title, icon: Icon } = routes[id];
    return (
      <Tab
        key={id}
        value={id}
        icon={<Icon />}
        className={styles.tab}
        content={{ className: styles.tabContent }}
        data-route={id}
      >
        {title}
      </Tab>
    );
  };

  return (
    <nav className={styles.nav} aria-label="Pages">
      <Caption1Strong className={styles.group} aria-hidden>
        Set up
      </Caption1Strong>
      <TabList
        vertical
        size="large"
        selectedValue={route}
        onTabSelect={select}
        className={styles.tabs}
        aria-label="Pages"
      >
        {wizardSteps.map(tab)}
        <div role="none" className={styles.separator} />
        <Caption1Strong role="none" aria-hidden className={styles.group}>
          Operate
        </Caption1Strong>
        {tab('dashboard')}
      </TabList>
    </nav>
  );
}
