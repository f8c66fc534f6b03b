/**
 * Microsoft Entra: sign in to the tenant that receives the hashes (system browser, or a device
 * code), see who is signed in and whether that role suffices, and compare the forest's UPN
 * suffixes with the tenant's verified domains.
 */
import { ErrorBar } from '../components/ErrorBar.tsx';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { Lead } from '../components/Lead.tsx';
import { EndpointSettings } from '../components/tenant/EndpointSettings.tsx';
import { SignInCard } from '../components/tenant/SignInCard.tsx';
import { TenantCard } from '../components/tenant/TenantCard.tsx';
import { UpnSuffixTable } from '../components/tenant/UpnSuffixTable.tsx';
import { BusyRow } from '../components/wizard/BusyRow.tsx';
import { LiveRegion } from '../components/wizard/LiveRegion.tsx';
import { useTenantEndpoint } from '../hooks/use-tenant-endpoint.ts';
import { useTenantStep } from '../hooks/use-tenant-step.ts';
import { learn } from './links.ts';

export function TenantPage() {
  const step = useTenantStep();
  const endpoint = useTenantEndpoint(step.reload);
  return (
    <>
      <Lead>
        Sign in to the Microsoft Entra tenant that should accept your users’ passwords: the tenant where they
        sign in to Microsoft 365. Nothing changes in the tenant until you configure, in the last step.
      </Lead>
      <LiveRegion>
        {step.error !== null && <ErrorBar title={step.error.title} error={step.error.error} />}
      </LiveRegion>
      {step.phase === 'loading' && <BusyRow label="Checking who is signed in…" />}
      {(step.phase === 'signedOut' || step.phase === 'signingIn') && <SignInCard step={step} />}
      {step.phase === 'signedIn' && step.view !== null && (
        <>
          <TenantCard view={step.view} onSignOut={step.signOut} focusOnMount={step.justSignedIn} />
          <UpnSuffixTable rows={step.view.upnSuffixes} />
        </>
      )}
      <EndpointSettings form={endpoint} />
      <ExternalLink href={learn.adminRoles}>Microsoft Entra built-in roles (Microsoft Learn)</ExternalLink>
    </>
  );
}
