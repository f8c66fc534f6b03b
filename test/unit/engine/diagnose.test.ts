import { afterEach, describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { renderDiagnosis } from '../../../electron/engine/diagnosis-text.ts';
import { FAILURE_REMEDIATION } from '../../../electron/engine/diagnosis-verdict.ts';
import { anchorOf, ntHashOf } from './fakes/directory.ts';
import { Harness } from './fakes/harness.ts';

let h: Harness;
afterEach(async () => h?.close());

async function synced(): Promise<Harness> {
  const harness = await Harness.create();
  await harness.engine.fullSync();
  return harness;
}

describe('diagnosis of one user', () => {
  it('a delivered user: in scope, readable, current change delivered', async () => {
    h = await synced();
    const d = await h.engine.diagnose('user1');
    expect(d).toMatchObject({
      directory: { status: 'found' },
      account: { notAUser: null, disabled: false },
      scope: { inScope: true, reason: 'includedOU' },
      password: { readable: true, mustChangeAtNextLogon: false },
      record: { result: 'delivered' },
      upToDate: true,
      verdict: { severity: 'ok' },
    });
    expect(d.password?.currentChange).toBe(d.record?.changeDelivered);
  });

  it('finds users by UPN, DOMAIN\\name, DN (any spelling) and objectGUID', async () => {
    h = await synced();
    const guid = h.directory.byName('user2')!.objectGuid;
    for (const q of [
      'user2@LAB.example.test',
      'LAB\\user2',
      'cn=USER2, ou=staff,dc=lab,dc=example,dc=test',
      `{${guid.toUpperCase()}}`,
    ]) {
      expect((await h.engine.diagnose(q)).identity?.objectGuid, q).toBe(guid);
    }
  });

  it('a change not delivered yet', async () => {
    h = await synced();
    h.directory.setPassword(h.directory.byName('user3')!.objectGuid);
    const d = await h.engine.diagnose('user3');
    expect(d).toMatchObject({
      upToDate: false,
      verdict: {
        severity: 'info',
        summary: expect.stringContaining('changed the password after the last delivery'),
      },
    });
  });

  it('a rejected user: the error, its remediation, attempts and next retry', async () => {
    h = await Harness.create();
    h.sink.poison.add(anchorOf(h.directory.byName('user4')!.objectGuid));
    await h.engine.fullSync();
    const d = await h.engine.diagnose('user4');
    expect(d.verdict).toMatchObject({ severity: 'error', remediation: FAILURE_REMEDIATION.unknownUser });
    expect(d.verdict.summary).toContain('unknownUser');
    expect(d.record).toMatchObject({ attempts: 1, errorCode: 'unknownUser' });
    const text = renderDiagnosis(d);
    expect(text).toMatch(/Attempts\s+1, next retry /);
    expect(text).toContain('What to do:');
  });

  it('says why a user is not synced: scope, class, no password, must change, system account', async () => {
    h = await synced();
    expect((await h.engine.diagnose('contractor1')).verdict.summary).toContain(
      'under the excluded OU OU=Contractors',
    );
    expect((await h.engine.diagnose('other1')).verdict.summary).toContain('not under any included OU');
    expect((await h.engine.diagnose('PC1$')).verdict.summary).toContain('a computer account');
    expect((await h.engine.diagnose('inet1')).verdict.summary).toContain('iNetOrgPerson');
    expect((await h.engine.diagnose('nopass')).verdict.summary).toContain('has no password');
    expect((await h.engine.diagnose('mustchange')).verdict).toMatchObject({
      severity: 'warning',
      remediation: expect.stringContaining('userForcePasswordChangeOnLogonEnabled'),
    });
    expect((await h.engine.diagnose('krbtgt')).verdict.summary).toContain('system account');
    expect(renderDiagnosis(await h.engine.diagnose('disabled'))).toContain(
      'disabled: its hash is synced all the same',
    );
  });

  it('an unknown name, a disabled engine, an unreachable directory', async () => {
    h = await synced();
    expect((await h.engine.diagnose('nobody')).verdict).toMatchObject({
      severity: 'error',
      summary: expect.stringContaining('No user "nobody"'),
    });
    h.source.readUser = async () => {
      throw new AppError(
        ErrorCode.RpcUnreachable,
        'The domain controller does not answer.',
        'Check the network.',
      );
    };
    const d = await h.engine.diagnose('user5');
    expect(d).toMatchObject({ directory: { status: 'unreachable' }, record: { result: 'delivered' } });
    expect(d.verdict.summary).toContain('could not be read');
    await h.engine.disable({ confirmed: false });
    h.source.readUser = async () => null;
    expect((await h.engine.diagnose('user5')).verdict.summary).toContain('not enabled');
  });

  it('never shows a hash or a wire string', async () => {
    h = await synced();
    const o = h.directory.byName('user6')!;
    const text =
      JSON.stringify(await h.engine.diagnose('user6')) + renderDiagnosis(await h.engine.diagnose('user6'));
    expect(text).not.toContain(ntHashOf(o.objectGuid, 1).toString('hex'));
    expect(text).not.toContain('PPH1');
  });
});
