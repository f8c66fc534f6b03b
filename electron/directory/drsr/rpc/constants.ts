/** DCE/RPC connection-oriented constants (C706 ch. 12, MS-RPCE 2.2.2, drsr-notes §1). */

export const PduType = {
  Request: 0,
  Response: 2,
  Fault: 3,
  Bind: 11,
  BindAck: 12,
  BindNak: 13,
  AlterContext: 14,
  AlterContextResp: 15,
  Auth3: 16,
} as const;
export type PduType = (typeof PduType)[keyof typeof PduType];

export const PfcFlag = {
  FirstFrag: 0x01,
  LastFrag: 0x02,
  /** On bind/alter and their acks; the same bit means PENDING_CANCEL on other PDUs. */
  SupportHeaderSign: 0x04,
  PendingCancel: 0x04,
  ConcMpx: 0x10,
  DidNotExecute: 0x20,
  Maybe: 0x40,
  ObjectUuid: 0x80,
} as const;

/** A PDU that is both the first and the last fragment of its call. */
export const SINGLE_FRAGMENT_FLAGS = PfcFlag.FirstFrag | PfcFlag.LastFrag;

export const AuthLevel = { None: 1, Connect: 2, Call: 3, Packet: 4, Integrity: 5, Privacy: 6 } as const;
export const AuthType = { None: 0, Spnego: 0x09, Ntlmssp: 0x0a, Kerberos: 0x10, Netlogon: 0x44 } as const;

export const HEADER_LENGTH = 16;
export const REQUEST_HEADER_LENGTH = 24;
export const RESPONSE_HEADER_LENGTH = 24;
export const SEC_TRAILER_LENGTH = 8;
/** C706: every implementation must accept fragments of at least this size. */
export const MIN_FRAGMENT_SIZE = 1432;
/** What we offer in bind; Samba answers min(offer, 5840), Windows 5840 (drsr-notes §1.3). */
export const DEFAULT_MAX_FRAGMENT = 5840;
/** Samba and Windows pad sealed stubs to 16 bytes from the stub start (drsr-notes §1.5). */
export const AUTH_PAD_ALIGNMENT = 16;

export interface SyntaxId {
  readonly uuid: string;
  readonly major: number;
  readonly minor: number;
}

export const DRSUAPI_SYNTAX: SyntaxId = { uuid: 'e3514235-4b06-11d1-ab04-00c04fc2dcd2', major: 4, minor: 0 };
export const EPM_SYNTAX: SyntaxId = { uuid: 'e1af8308-5d1f-11c9-91a4-08002b14a0fa', major: 3, minor: 0 };
export const NDR20_SYNTAX: SyntaxId = { uuid: '8a885d04-1ceb-11c9-9fe8-08002b104860', major: 2, minor: 0 };
