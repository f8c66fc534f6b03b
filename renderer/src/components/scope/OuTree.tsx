/**
 * The OU tree with checkboxes: children are read from the DC when a node opens; each node shows
 * how many users live beneath it. Checking a node includes its subtree, unchecking excludes it;
 * a node whose subtree is partly in scope shows as mixed. Arrow keys move, Space checks.
 */
import {
  Caption1,
  makeStyles,
  Spinner,
  tokens,
  Tree,
  TreeItem,
  TreeItemLayout,
  type TreeCheckedChangeData,
  type TreeOpenChangeData,
} from '@fluentui/react-components';
import { Building16Regular, Folder16Regular, PeopleTeam16Regular } from '@fluentui/react-icons';
import { checkStateOf } from '../../../../shared/scope-rules.ts';
import type { ScopeStepState } from '../../hooks/use-scope-step.ts';
import { formatCount } from '../../wizard/format.ts';

const useStyles = makeStyles({
  tree: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
  },
  count: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  name: { overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const ICONS = {
  domain: Building16Regular,
  organizationalUnit: PeopleTeam16Regular,
  container: Folder16Regular,
} as const;

export function OuTree({ step }: { readonly step: ScopeStepState }) {
  const styles = useStyles();
  const { root, nodes, children, open, selection } = step;
  if (root === null) return null;
  const checked = [...nodes.keys()].map((dn): [string, boolean | 'mixed'] => [
    dn,
    checkStateOf(dn, selection),
  ]);

  const item = (dn: string) => {
    const node = nodes.get(dn);
    if (node === undefined) return null;
    const kids = children.get(dn);
    const Icon = ICONS[node.kind];
    const aside = (
      <>
        {kids === 'loading' && (
          <Spinner size="extra-tiny" aria-label={`Reading the OUs under ${node.name}`} />
        )}
        {kids !== undefined && typeof kids === 'object' && !Array.isArray(kids) && (
          <Caption1 className={styles.error}>
            Could not read: {(kids as { message: string }).message}
          </Caption1>
        )}
        <Caption1 className={styles.count}>{formatCount(node.userCount, 'user', 'users')}</Caption1>
      </>
    );
    const branch = node.hasChildren;
    return (
      <TreeItem
        key={dn}
        itemType={branch ? 'branch' : 'leaf'}
        value={dn}
        aria-description={`${formatCount(node.userCount, 'user', 'users')} below`}
        data-dn={dn}
      >
        <TreeItemLayout iconBefore={<Icon aria-hidden />} aside={aside}>
          <span className={styles.name}>{node.name}</span>
        </TreeItemLayout>
        {branch && Array.isArray(kids) && kids.length > 0 && (
          <Tree>{(kids as readonly string[]).map(item)}</Tree>
        )}
      </TreeItem>
    );
  };

  return (
    <Tree
      aria-label="Organizational units of the domain"
      className={styles.tree}
      selectionMode="multiselect"
      checkedItems={checked}
      onCheckedChange={(_e, data: TreeCheckedChangeData) => step.toggle(String(data.value))}
      openItems={[...open]}
      onOpenChange={(_e, data: TreeOpenChangeData) => step.setNodeOpen(String(data.value), data.open)}
    >
      {item(root)}
    </Tree>
  );
}
