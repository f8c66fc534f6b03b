/** The pages of the app, in navigation order, and how each appears in the navigation. */
import {
  bundleIcon,
  Cloud20Filled,
  Cloud20Regular,
  Gauge20Filled,
  Gauge20Regular,
  HandWave20Filled,
  HandWave20Regular,
  KeyMultiple20Filled,
  KeyMultiple20Regular,
  PeopleTeam20Filled,
  PeopleTeam20Regular,
  Rocket20Filled,
  Rocket20Regular,
  Server20Filled,
  Server20Regular,
  type FluentIcon,
} from '@fluentui/react-icons';

export const wizardSteps = ['welcome', 'directory', 'tenant', 'scope', 'phs', 'ready'] as const;
export type WizardStep = (typeof wizardSteps)[number];
export type RouteId = WizardStep | 'dashboard';

export const DEFAULT_ROUTE: RouteId = 'welcome';

export interface RouteInfo {
  readonly id: RouteId;
  /** The page heading; also the navigation label. */
  readonly title: string;
  readonly icon: FluentIcon;
}

export const routes: Readonly<Record<RouteId, RouteInfo>> = {
  welcome: { id: 'welcome', title: 'Welcome', icon: bundleIcon(HandWave20Filled, HandWave20Regular) },
  directory: {
    id: 'directory',
    title: 'Active Directory',
    icon: bundleIcon(Server20Filled, Server20Regular),
  },
  tenant: { id: 'tenant', title: 'Microsoft Entra', icon: bundleIcon(Cloud20Filled, Cloud20Regular) },
  scope: { id: 'scope', title: 'Scope', icon: bundleIcon(PeopleTeam20Filled, PeopleTeam20Regular) },
  phs: {
    id: 'phs',
    title: 'Password hash sync',
    icon: bundleIcon(KeyMultiple20Filled, KeyMultiple20Regular),
  },
  ready: { id: 'ready', title: 'Ready to configure', icon: bundleIcon(Rocket20Filled, Rocket20Regular) },
  dashboard: { id: 'dashboard', title: 'Dashboard', icon: bundleIcon(Gauge20Filled, Gauge20Regular) },
};

export function isRouteId(value: unknown): value is RouteId {
  return typeof value === 'string' && Object.hasOwn(routes, value);
}

export function isWizardStep(route: RouteId): route is WizardStep {
  return route !== 'dashboard';
}

/** The wizard step before and after `step`, if any, and its 1-based position. */
export function stepPosition(step: WizardStep): { index: number; previous?: WizardStep; next?: WizardStep } {
  const index = wizardSteps.indexOf(step);
  const previous = wizardSteps[index - 1];
  const next = wizardSteps[index + 1];
  return { index: index + 1, ...(previous && { previous }), ...(next && { next }) };
}
