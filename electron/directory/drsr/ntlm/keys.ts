/**
 * Session-security keys (MS-NLMP 3.4.5, extended session security, 128-bit only): the
 * weaker 56/40-bit seal keys are deliberately not supported.
 */
import { md5 } from '../crypto/hmac.ts';
import { rc4 } from '../crypto/rc4.ts';

/** The keys one direction of traffic uses: HMAC key and RC4 seal key. */
export interface DirectionKeys {
  readonly signKey: Buffer;
  readonly sealKey: Buffer;
}

export interface SessionKeys {
  readonly clientToServer: DirectionKeys;
  readonly serverToClient: DirectionKeys;
}

/** The magic constants include their terminating NUL, which is hashed too. */
function magic(text: string): Buffer {
  return Buffer.from(`${text}\0`, 'latin1');
}

const CLIENT_SIGN = magic('session key to client-to-server signing key magic constant');
const SERVER_SIGN = magic('session key to server-to-client signing key magic constant');
const CLIENT_SEAL = magic('session key to client-to-server sealing key magic constant');
const SERVER_SEAL = magic('session key to server-to-client sealing key magic constant');

export function deriveSessionKeys(exportedSessionKey: Buffer): SessionKeys {
  return {
    clientToServer: {
      signKey: md5(exportedSessionKey, CLIENT_SIGN),
      sealKey: md5(exportedSessionKey, CLIENT_SEAL),
    },
    serverToClient: {
      signKey: md5(exportedSessionKey, SERVER_SIGN),
      sealKey: md5(exportedSessionKey, SERVER_SEAL),
    },
  };
}

/**
 * KEY_EXCH: EncryptedRandomSessionKey = RC4(KeyExchangeKey, ExportedSessionKey). RC4 is its own
 * inverse, so the server side recovers the exported key with the same call.
 */
export function exchangeSessionKey(keyExchangeKey: Buffer, sessionKey: Buffer): Buffer {
  return rc4(keyExchangeKey, sessionKey);
}

export function wipeSessionKeys(keys: SessionKeys): void {
  for (const direction of [keys.clientToServer, keys.serverToClient]) {
    direction.signKey.fill(0);
    direction.sealKey.fill(0);
  }
}
