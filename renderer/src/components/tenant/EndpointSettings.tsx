/**
 * "Advanced: tenant endpoint": where the tenant is and which app registration signs in —
 * Microsoft's public cloud unless changed (a national cloud, your own app registration, or the
 * tenant emulator with its CA file).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndo16Regular, FolderOpen16Regular, Save16Regular } from '@fluentui/react-icons';
import type { TenantEndpoint } from '../../../../shared/tenant-schemas.ts';
import type { TenantEndpointState } from '../../hooks/use-tenant-endpoint.ts';
import { hintOf, validation } from '../../wizard/field.ts';
import { ErrorBar } from '../ErrorBar.tsx';
import { LiveRegion } from '../wizard/LiveRegion.tsx';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingBlock: tokens.spacingVerticalM,
  },
  file: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const FIELDS: readonly {
  readonly name: Exclude<keyof TenantEndpoint, 'caFile'>;
  readonly label: string;
  readonly hint?: string;
}[] = [
  {
    name: 'authority',
    label: 'Authority',
    hint: 'https://login.microsoftonline.com/organizations, or your tenant: …/<tenant id>',
  },
  {
    name: 'clientId',
    label: 'Application (client) id',
    hint: 'Microsoft Graph Command Line Tools by default, or your own public client app registration.',
  },
  {
    name: 'tenantId',
    label: 'Tenant id (optional)',
    hint: 'When set, a sign-in to any other tenant is refused.',
  },
  { name: 'graphBaseUrl', label: 'Microsoft Graph URL' },
  {
    name: 'credentialsUrl',
    label: 'Credential endpoint (optional)',
    hint: 'Only for the tenant emulator or a test endpoint.',
  },
];

export function EndpointSettings({ form }: { readonly form: TenantEndpointState }) {
  const styles = useStyles();
  return (
    <Accordion collapsible defaultOpenItems={form.isPublicCloud ? [] : ['endpoint']}>
      <AccordionItem value="endpoint">
        <AccordionHeader as="h2">
          Advanced: tenant endpoint{form.isPublicCloud ? ' (Microsoft public cloud)' : ' (custom)'}
        </AccordionHeader>
        <AccordionPanel>
          <div className={styles.panel}>
            {FIELDS.map(({ name, label, hint }) => (
              <Field key={name} label={label} {...validation(form.errors[name])} {...hintOf(hint)}>
                <Input
                  value={form.endpoint[name]}
                  onChange={(_e, d) => form.setField(name, d.value)}
                  spellCheck={false}
                  autoComplete="off"
                />
              </Field>
            ))}
            <div className={styles.file}>
              <Field
                label="CA certificate file (optional)"
                hint="An extra CA to trust for this endpoint, such as the emulator's. TLS is always verified."
              >
                <Input
                  value={form.endpoint.caFile}
                  onChange={(_e, d) => form.setField('caFile', d.value)}
                  spellCheck={false}
                  autoComplete="off"
                />
              </Field>
              <Button icon={<FolderOpen16Regular />} onClick={form.chooseCaFile}>
                Choose…
              </Button>
            </div>
            <div className={styles.actions}>
              <Button
                appearance="primary"
                icon={<Save16Regular />}
                onClick={form.save}
                disabled={!form.dirty}
              >
                Save endpoint
              </Button>
              <Button
                icon={<ArrowUndo16Regular />}
                onClick={form.resetToPublicCloud}
                disabled={form.isPublicCloud && !form.dirty}
              >
                Reset to Microsoft public cloud
              </Button>
            </div>
            <LiveRegion>
              {form.justSaved && (
                <MessageBar intent="success">
                  <MessageBarBody>Endpoint saved. Sign in again for this endpoint.</MessageBarBody>
                </MessageBar>
              )}
              {form.error !== null && <ErrorBar title="The endpoint was not saved" error={form.error} />}
            </LiveRegion>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
