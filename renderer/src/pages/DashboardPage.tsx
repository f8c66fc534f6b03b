/** Dashboard: status of synchronization once configured; for now, the live hash pool status. */
import { ConfigurationCard } from '../components/ConfigurationCard.tsx';
import { Lead } from '../components/Lead.tsx';
import { PoolStatusCard } from '../components/PoolStatusCard.tsx';
import type { PoolReport } from '../hooks/use-main-process.ts';

export function DashboardPage({ pool }: { readonly pool: PoolReport | undefined }) {
  return (
    <>
      <Lead>
        Once password hash sync is configured, this page shows how it is doing: the last and next sync cycle,
        how many users were synchronized, and each error with what to do about it.
      </Lead>
      <ConfigurationCard />
      <PoolStatusCard report={pool} />
    </>
  );
}
