/**
 * The OU tree for the scope picker, one level at a time: the children of a node (OUs and
 * ordinary containers such as CN=Users; system containers hidden as ADUC hides them), each with
 * whether it has children of its own and how many users live anywhere beneath it.
 */
import type { LdapSession } from './connection/session.ts';
import { texts, text } from './entry.ts';
import { USER_FILTER } from './scope.ts';

export interface OuNode {
  readonly dn: string;
  readonly name: string;
  readonly kind: 'organizationalUnit' | 'container';
  readonly hasChildren: boolean;
  /** Users anywhere below this node (not only direct children). */
  readonly userCount: number;
}

const CONTAINER_FILTER =
  '(&(|(objectClass=organizationalUnit)(objectClass=container))(!(showInAdvancedViewOnly=TRUE)))';
const CONCURRENCY = 4;

export async function listChildOus(session: LdapSession, parentDn: string): Promise<OuNode[]> {
  const children = await session.search(
    { base: parentDn, scope: 'one', filter: CONTAINER_FILTER, attributes: ['name', 'objectClass'] },
    `list of the OUs under ${parentDn}`,
  );
  const nodes: OuNode[] = [];
  for (let i = 0; i < children.length; i += CONCURRENCY) {
    const batch = children.slice(i, i + CONCURRENCY);
    nodes.push(
      ...(await Promise.all(
        batch.map(async (entry): Promise<OuNode> => ({
          dn: entry.dn,
          name: text(entry, 'name') ?? entry.dn,
          kind: texts(entry, 'objectClass').some((c) => c.toLowerCase() === 'organizationalunit')
            ? 'organizationalUnit'
            : 'container',
          hasChildren: await hasChildContainers(session, entry.dn),
          userCount: await countUsersBelow(session, entry.dn),
        })),
      )),
    );
  }
  return nodes.sort((a, b) => a.name.localeCompare(b.name));
}

async function hasChildContainers(session: LdapSession, dn: string): Promise<boolean> {
  const found = await session.search(
    { base: dn, scope: 'one', filter: CONTAINER_FILTER, attributes: ['1.1'], sizeLimit: 1 },
    `look below ${dn}`,
  );
  return found.length > 0;
}

export async function countUsersBelow(session: LdapSession, dn: string): Promise<number> {
  let count = 0;
  for await (const page of session.pages(
    { base: dn, scope: 'sub', filter: USER_FILTER, attributes: ['1.1'] },
    `count of users under ${dn}`,
    1000,
  )) {
    count += page.length;
  }
  return count;
}
