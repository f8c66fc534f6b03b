/** Stand-ins for the LDAP service and the tenant connection, recording what the wizard asks of them. */
import type {
  CertificateInfo,
  DirectoryService,
  DirectorySession,
  Discovery,
  RightsReport,
} from '../../../electron/directory/ldap/index.ts';
import type { TenantPort } from '../../../electron/services/tenant-step.ts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';

export const CERT: CertificateInfo = {
  subject: 'CN=dc1.corp.example.com',
  issuer: 'CN=Corp Root CA',
  subjectAltNames: ['DNS:dc1.corp.example.com'],
  validFrom: '2025-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  sha256: Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':'),
  selfSigned: false,
  trusted: false,
  trustError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
};

const level = { level: 7, name: '2016' };
export const DISCOVERY: Discovery = {
  forest: {
    dnsName: 'corp.example.com',
    rootDomainNamingContext: 'DC=corp,DC=example,DC=com',
    functionalLevel: level,
  },
  domain: {
    dnsName: 'corp.example.com',
    netbiosName: 'CORP',
    defaultNamingContext: 'DC=corp,DC=example,DC=com',
    sid: 'S-1-5-21-1-2-3',
    functionalLevel: level,
  },
  dc: {
    dnsHostName: 'dc1.corp.example.com',
    serverDn: 'CN=DC1',
    ntdsSettingsDn: 'CN=NTDS Settings,CN=DC1',
    invocationId: '0f0e0d0c-0b0a-0908-0706-050403020100',
    ntdsSettingsGuid: '00010203-0405-0607-0809-0a0b0c0d0e0f',
    functionalLevel: level,
    isGlobalCatalog: true,
    highestCommittedUsn: 12345,
  },
  configurationNamingContext: 'CN=Configuration,DC=corp,DC=example,DC=com',
  schemaNamingContext: 'CN=Schema,CN=Configuration,DC=corp,DC=example,DC=com',
  supportedControls: [],
  upnSuffixes: ['corp.example.com', 'example.org'],
};

export function rights(granted: boolean): RightsReport {
  const decision = granted
    ? ({ granted: true, via: 'explicit', aceIndex: 3 } as const)
    : ({ granted: false, reason: 'notGranted' } as const);
  return {
    account: {
      dn: 'CN=svc,CN=Users,DC=corp,DC=example,DC=com',
      sid: 'S-1-5-21-1-2-3-1104',
      sAMAccountName: 'svc',
      downLevelName: 'CORP\\svc',
    },
    domainDn: 'DC=corp,DC=example,DC=com',
    replicatingDirectoryChanges: decision,
    replicatingDirectoryChangesAll: decision,
    canSync: granted,
  };
}

export interface FakeDirectory extends DirectoryService {
  readonly connects: { host: string; username: string; password: string; trust: string }[];
  readonly closed: number[];
  /** What the next connect does: a session, an error, or wait until released. */
  next: 'ok' | AppError | 'hang';
  release?: () => void;
  lose: boolean;
  canSync: boolean;
}

export function fakeDirectory(): FakeDirectory {
  let sessions = 0;
  const fake: FakeDirectory = {
    connects: [],
    closed: [],
    next: 'ok',
    lose: false,
    canSync: true,
    fetchCertificate: async () => CERT,
    connect: async (settings, credentials) => {
      fake.connects.push({
        host: settings.host,
        username: credentials.username,
        password: credentials.password,
        trust: settings.trust.kind,
      });
      const outcome = fake.next;
      if (outcome instanceof AppError) throw outcome;
      if (outcome === 'hang') await new Promise<void>((resolve) => (fake.release = resolve));
      const id = ++sessions;
      const session: DirectorySession = {
        certificate: { ...CERT, trusted: true, trustError: null },
        discover: async () => DISCOVERY,
        checkRights: async () => rights(fake.canSync),
        listOus: async (parent) => {
          if (fake.lose) {
            fake.lose = false;
            throw new AppError(ErrorCode.LdapConnectionLost, 'lost', 'reconnect');
          }
          return [
            {
              dn: `OU=Staff,${parent ?? ''}`,
              name: 'Staff',
              kind: 'organizationalUnit',
              hasChildren: false,
              userCount: 3,
            },
          ];
        },
        countUsers: async (scope) => 10 * scope.includedOus.length - scope.excludedOus.length,
        streamUsers: () => ({ [Symbol.asyncIterator]: async function* () {} }),
        currentWatermark: async () => 'w' as never,
        changesSince: async () => ({}) as never,
        close: async () => void fake.closed.push(id),
      };
      return session;
    },
  };
  return fake;
}

export interface FakeTenant extends TenantPort {
  readonly patches: unknown[];
  readonly opened: string[];
  signedIn: boolean;
  admin: boolean;
  verificationUri: string;
  syncEnabled: boolean;
  features: {
    passwordSyncEnabled: boolean;
    cloudPasswordPolicyForPasswordSyncedUsersEnabled: boolean;
    userForcePasswordChangeOnLogonEnabled: boolean;
  };
}

export function fakeTenant(): FakeTenant {
  const account = { username: 'admin@contoso.onmicrosoft.com', name: 'Admin', tenantId: 't', objectId: 'o' };
  const fake: FakeTenant = {
    patches: [],
    opened: [],
    signedIn: false,
    admin: true,
    verificationUri: 'https://microsoft.com/devicelogin',
    syncEnabled: false,
    features: {
      passwordSyncEnabled: false,
      cloudPasswordPolicyForPasswordSyncedUsersEnabled: false,
      userForcePasswordChangeOnLogonEnabled: false,
    },
    auth: {
      signInInteractive: async (o) => {
        await o.openBrowser('https://login.example/authorize');
        fake.signedIn = true;
        return account;
      },
      signInWithDeviceCode: async (o) => {
        o.onPrompt({
          message: 'go',
          userCode: 'ABCD1234',
          verificationUri: fake.verificationUri,
          expiresInSeconds: 900,
        });
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, 50);
          o.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new AppError(ErrorCode.Cancelled, 'cancelled', 'none'));
          });
        });
        fake.signedIn = true;
        return account;
      },
      account: async () => (fake.signedIn ? account : undefined),
      signOut: async () => void (fake.signedIn = false),
    },
    directory: {
      organization: async () => ({
        id: 'tenant-id',
        displayName: 'Contoso',
        verifiedDomains: [],
        onPremisesSyncEnabled: fake.syncEnabled,
        onPremisesLastSyncDateTime: null,
        onPremisesLastPasswordSyncDateTime: null,
      }),
      adminRoles: async () => ({
        globalAdministrator: fake.admin,
        hybridIdentityAdministrator: false,
        isAdmin: fake.admin,
      }),
      requireAdmin: async () => {
        if (!fake.admin) throw new AppError(ErrorCode.TenantNotAdmin, 'not admin', 'sign in as admin');
        return { globalAdministrator: true, hybridIdentityAdministrator: false, isAdmin: true };
      },
      syncSettings: async () => ({ id: 'sync', features: { ...fake.features } }),
      setSyncFeatures: async (patch) => {
        fake.patches.push({ features: patch });
        Object.assign(fake.features, patch);
      },
      setOnPremisesSyncEnabled: async (enabled) => {
        fake.patches.push({ onPremisesSyncEnabled: enabled });
        fake.syncEnabled = enabled;
      },
    },
    graph: {
      getAll: async () => [
        { id: 'contoso.onmicrosoft.com', isVerified: true, isDefault: false, isInitial: true },
        { id: 'corp.example.com', isVerified: true, isDefault: true, isInitial: false },
        { id: 'example.org', isVerified: false, isDefault: false, isInitial: false },
      ],
    },
    close: () => undefined,
  };
  return fake;
}
