/** Which content goes inside the page frame for each route. */
import { assertNever } from '../../../shared/assert-never.ts';
import type { MainProcess } from '../hooks/use-main-process.ts';
import type { RouteId } from '../routes.ts';
import { DashboardPage } from './DashboardPage.tsx';
import { DirectoryPage } from './DirectoryPage.tsx';
import { PhsPage } from './PhsPage.tsx';
import { ReadyPage } from './ReadyPage.tsx';
import { ScopePage } from './ScopePage.tsx';
import { TenantPage } from './TenantPage.tsx';
import { WelcomePage } from './WelcomePage.tsx';

export function PageBody({ route, main }: { readonly route: RouteId; readonly main: MainProcess }) {
  switch (route) {
    case 'welcome':
      return <WelcomePage />;
    case 'directory':
      return <DirectoryPage />;
    case 'tenant':
      return <TenantPage />;
    case 'scope':
      return <ScopePage />;
    case 'phs':
      return <PhsPage />;
    case 'ready':
      return <ReadyPage />;
    case 'dashboard':
      return <DashboardPage pool={main.pool} />;
    default:
      return assertNever(route);
  }
}
