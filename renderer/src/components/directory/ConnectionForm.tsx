/**
 * The domain controller and the account: every input in a Field whose message comes from the
 * validators main uses too. The password is never shown back: once main holds or saved it, the
 * field says so and may stay empty.
 */
import { Field, Input, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import type { DirectoryTransport } from '../../../../shared/directory-schemas.ts';
import type { DirectoryStepState } from '../../hooks/use-directory-step.ts';
import { hintOf, validation } from '../../wizard/field.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 9rem',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  fill: { minWidth: 0, width: '100%' },
});

const PASSWORD_HINTS = {
  none: undefined,
  held: 'Held by the app for this session. Leave it empty to keep it, or type a new one.',
  saved: 'Saved, encrypted by your operating system. Leave it empty to keep it, or type a new one.',
} as const;

export function ConnectionForm({ step }: { readonly step: DirectoryStepState }) {
  const styles = useStyles();
  const { form, errors } = step;
  return (
    <div className={styles.form}>
      <div className={styles.row}>
        <Field
          label="Domain controller"
          required
          {...validation(errors.host)}
          hint="Host name or IP address, e.g. dc1.corp.example.com"
        >
          <Input
            className={styles.fill}
            value={form.host}
            onChange={(_e, d) => step.setField('host', d.value)}
            onBlur={() => step.blur('host')}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field label="Port" required {...validation(errors.port)}>
          <Input
            className={styles.fill}
            value={form.port}
            inputMode="numeric"
            onChange={(_e, d) => step.setField('port', d.value)}
            onBlur={() => step.blur('port')}
          />
        </Field>
      </div>
      <Field label="Encryption">
        <RadioGroup
          layout="horizontal"
          value={form.transport}
          onChange={(_e, d) => step.setTransport(d.value as DirectoryTransport)}
        >
          <Radio value="ldaps" label="LDAPS (TLS from the start)" />
          <Radio value="starttls" label="StartTLS (LDAP, then TLS)" />
        </RadioGroup>
      </Field>
      <Field
        label="Name on the certificate (optional)"
        {...validation(errors.serverName)}
        hint="Needed with a CA file when you connect by IP address or by another name than the certificate's, e.g. DC1.corp.example.com."
      >
        <Input
          value={form.serverName}
          onChange={(_e, d) => step.setField('serverName', d.value)}
          onBlur={() => step.blur('serverName')}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field
        label="Account"
        required
        {...validation(errors.username)}
        hint="user@domain, DOMAIN\user or the account's distinguished name"
      >
        <Input
          value={form.username}
          onChange={(_e, d) => step.setField('username', d.value)}
          onBlur={() => step.blur('username')}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field
        label="Password"
        required={step.passwordState === 'none'}
        {...validation(errors.password)}
        {...hintOf(PASSWORD_HINTS[step.passwordState])}
      >
        <Input
          type="password"
          value={form.password}
          {...(step.passwordState === 'none' ? {} : { placeholder: 'Saved — leave empty to keep it' })}
          onChange={(_e, d) => step.setField('password', d.value)}
          onBlur={() => step.blur('password')}
          autoComplete="off"
        />
      </Field>
    </div>
  );
}
