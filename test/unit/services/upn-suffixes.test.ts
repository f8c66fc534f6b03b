import { describe, expect, it } from 'vitest';
import { upnSuffixRows } from '../../../electron/services/upn-suffixes.ts';

describe('the UPN suffix table', () => {
  it('marks each AD suffix verified, not verified or missing against the tenant, as Entra Connect does', () => {
    const domains = [
      { name: 'contoso.onmicrosoft.com', isVerified: true },
      { name: 'Contoso.com', isVerified: true },
      { name: 'fabrikam.com', isVerified: false },
    ];
    expect(
      upnSuffixRows(
        ['contoso.com', 'eu.contoso.com', 'fabrikam.com', 'corp.local', 'notcontoso.com'],
        domains,
      ),
    ).toEqual([
      { suffix: 'contoso.com', status: 'verified', verifiedVia: null },
      { suffix: 'eu.contoso.com', status: 'verified', verifiedVia: 'Contoso.com' },
      { suffix: 'fabrikam.com', status: 'notVerified', verifiedVia: null },
      { suffix: 'corp.local', status: 'missing', verifiedVia: null },
      { suffix: 'notcontoso.com', status: 'missing', verifiedVia: null },
    ]);
  });
});
