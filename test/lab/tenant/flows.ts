/**
 * Short-lived, in-memory protocol state: authorization requests waiting on the login page,
 * authorization codes (single use, bound to client, redirect URI and PKCE challenge) and
 * device codes (pending until a user approves them on the verification page).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

export interface AuthorizeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string | undefined;
  readonly nonce: string | undefined;
  readonly codeChallenge: string;
  readonly responseMode: 'form_post' | 'query';
  readonly clientInfo: boolean;
  readonly loginHint: string | undefined;
}

export interface AuthCode {
  readonly request: AuthorizeRequest;
  readonly userId: string;
  readonly expiresAt: number;
}

export interface DeviceCode {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
  userId: string | undefined;
  declined: boolean;
}

const MAX_ENTRIES = 1000;
const CODE_LIFETIME_MS = 5 * 60_000;
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ23456789';

function bounded<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

/** PKCE S256: BASE64URL(SHA256(ASCII(code_verifier))) === code_challenge. */
export function pkceMatches(verifier: string, challenge: string): boolean {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url') === challenge;
}

export class Flows {
  readonly #requests = new Map<string, AuthorizeRequest>();
  readonly #codes = new Map<string, AuthCode>();
  readonly #devices = new Map<string, DeviceCode>();

  holdRequest(request: AuthorizeRequest): string {
    const id = randomBytes(18).toString('base64url');
    bounded(this.#requests, id, request);
    return id;
  }

  request(id: string): AuthorizeRequest | undefined {
    return this.#requests.get(id);
  }

  /** Ends the login-page wait and mints the single-use code. */
  issueCode(requestId: string, userId: string): { code: string; request: AuthorizeRequest } | undefined {
    const request = this.#requests.get(requestId);
    if (request === undefined) return undefined;
    this.#requests.delete(requestId);
    const code = `1.emu.${randomBytes(32).toString('base64url')}`;
    bounded(this.#codes, code, { request, userId, expiresAt: Date.now() + CODE_LIFETIME_MS });
    return { code, request };
  }

  /** Removes the code whatever happens next: a code is redeemed at most once. */
  takeCode(code: string): AuthCode | undefined {
    const entry = this.#codes.get(code);
    this.#codes.delete(code);
    return entry !== undefined && entry.expiresAt > Date.now() ? entry : undefined;
  }

  newDeviceCode(scopes: readonly string[], lifetimeSeconds: number): DeviceCode {
    const userCode = Array.from(
      { length: 9 },
      () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)],
    ).join('');
    const entry: DeviceCode = {
      deviceCode: `2.emu.${randomBytes(32).toString('base64url')}`,
      userCode,
      scopes,
      expiresAt: Date.now() + lifetimeSeconds * 1000,
      userId: undefined,
      declined: false,
    };
    bounded(this.#devices, entry.deviceCode, entry);
    return entry;
  }

  deviceByUserCode(userCode: string): DeviceCode | undefined {
    const wanted = userCode.replace(/[\s-]/g, '').toUpperCase();
    for (const d of this.#devices.values()) if (d.userCode === wanted && d.expiresAt > Date.now()) return d;
    return undefined;
  }

  device(deviceCode: string): DeviceCode | undefined {
    return this.#devices.get(deviceCode);
  }

  forgetDevice(deviceCode: string): void {
    this.#devices.delete(deviceCode);
  }
}
