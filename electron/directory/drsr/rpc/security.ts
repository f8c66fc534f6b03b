/**
 * The seam between the DCE/RPC transport (rpc/) and an authentication provider (ntlm/).
 * The transport builds each PDU; the provider seals/signs and unseals/verifies it in place.
 * See drsr-notes.md §2.5 for which regions are sealed and which are signed.
 */

export interface PacketSecurity {
  /** sec_trailer auth_type, e.g. 0x0A for raw NTLMSSP. */
  readonly authType: number;
  /** sec_trailer auth_level, 6 = packet privacy. */
  readonly authLevel: number;
  /** Length of the auth_value on request/response PDUs (16 for NTLM). */
  readonly signatureLength: number;
  /**
   * Outgoing PDU: `pdu` is the whole fragment with final header fields and a zeroed auth_value
   * of `signatureLength` bytes at its end. Encrypts pdu[sealStart, sealEnd) in place and writes
   * the signature (computed over pdu[0, pdu.length - signatureLength) as plaintext) into the auth_value.
   */
  sealOutgoing(pdu: Buffer, sealStart: number, sealEnd: number): void;
  /**
   * Incoming PDU: decrypts pdu[sealStart, sealEnd) in place and verifies the signature held in
   * the last `signatureLength` bytes. Throws a named error on a bad signature or sequence number.
   */
  unsealIncoming(pdu: Buffer, sealStart: number, sealEnd: number): void;
}

/** A three-leg authenticator (NEGOTIATE → CHALLENGE → AUTHENTICATE), e.g. NTLMSSP. */
export interface RpcAuthenticator {
  readonly authType: number;
  readonly authLevel: number;
  /** The token for the bind PDU. */
  negotiate(): Buffer;
  /** Given the bind_ack's token, returns the auth3 token and the established packet security. */
  authenticate(challenge: Buffer): { readonly token: Buffer; readonly security: PacketSecurity };
}
