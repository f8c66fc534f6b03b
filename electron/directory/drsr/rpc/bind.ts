/**
 * The bind exchange (drsr-notes §1.3, §2.1): bind with our one presentation context (the
 * interface over NDR20) and, when authenticating, the NEGOTIATE token; bind_ack with the
 * CHALLENGE; auth3 with the AUTHENTICATE, which the server never answers.
 */
import type { PduChannel } from './channel.ts';
import {
  MIN_FRAGMENT_SIZE,
  NDR20_SYNTAX,
  PduType,
  SINGLE_FRAGMENT_FLAGS,
  type SyntaxId,
} from './constants.ts';
import { rpcBindRejected, rpcMalformed } from './errors.ts';
import { bindNakReason, contextRejectReason, RpcFaultError } from './faults.ts';
import type { CallSecurity } from './fragment.ts';
import { type BindAckPdu, decodePdu, encodeAuth3, encodeBind } from './pdu.ts';
import type { RpcAuthenticator } from './security.ts';

/** Any value works if it is the same in bind, auth3 and every request (§1.5). */
export const AUTH_CONTEXT_ID = 1;

export interface RpcBindResult {
  /** Our outgoing fragment limit: the smaller of our offer and the server's max_recv_frag. */
  readonly maxXmitFrag: number;
  readonly maxRecvFrag: number;
  readonly assocGroupId: number;
  /** The port the server reports, as a string ("49153"). */
  readonly secondaryAddress: string;
}

export interface BindRequest {
  readonly abstractSyntax: SyntaxId;
  readonly authenticator: RpcAuthenticator | null;
  readonly maxFragment: number;
}

export async function negotiateBind(
  channel: PduChannel,
  callId: number,
  contextId: number,
  request: BindRequest,
): Promise<RpcBindResult & { readonly auth: CallSecurity | null }> {
  const { authenticator, maxFragment } = request;
  const auth = authenticator && {
    authType: authenticator.authType,
    authLevel: authenticator.authLevel,
    contextId: AUTH_CONTEXT_ID,
    value: authenticator.negotiate(),
  };
  channel.send([
    encodeBind({
      type: PduType.Bind,
      flags: SINGLE_FRAGMENT_FLAGS,
      callId,
      maxXmitFrag: maxFragment,
      maxRecvFrag: maxFragment,
      assocGroupId: 0,
      contexts: [{ contextId, abstractSyntax: request.abstractSyntax, transferSyntaxes: [NDR20_SYNTAX] }],
      auth,
    }),
  ]);
  const ack = acceptedBindAck(await channel.receive(), callId);
  const result = {
    maxXmitFrag: Math.min(maxFragment, ack.maxRecvFrag),
    maxRecvFrag: ack.maxXmitFrag,
    assocGroupId: ack.assocGroupId,
    secondaryAddress: ack.secondaryAddress,
  };
  if (authenticator === null) return { ...result, auth: null };
  if (ack.auth === null || ack.auth.authType !== authenticator.authType) {
    throw rpcBindRejected('the server did not continue the authentication it was offered');
  }
  const { token, security } = authenticator.authenticate(ack.auth.value);
  const { authType, authLevel } = authenticator;
  channel.send([
    encodeAuth3({
      type: PduType.Auth3,
      flags: SINGLE_FRAGMENT_FLAGS,
      callId, // impacket reuses the bind's call_id for auth3 and Samba accepts it (§1.3).
      auth: { authType, authLevel, contextId: AUTH_CONTEXT_ID, value: token },
    }),
  ]);
  return { ...result, auth: { security, contextId: AUTH_CONTEXT_ID } };
}

function acceptedBindAck(raw: Buffer, callId: number): BindAckPdu {
  const pdu = decodePdu(raw);
  if (pdu.type === PduType.BindNak) throw rpcBindRejected(`bind_nak, ${bindNakReason(pdu.rejectReason)}`);
  if (pdu.type === PduType.Fault) throw new RpcFaultError(pdu.status, null);
  if (pdu.type !== PduType.BindAck) throw rpcMalformed(`PDU type ${pdu.type} in answer to a bind`);
  if (pdu.callId !== callId) throw rpcMalformed(`bind_ack for call ${pdu.callId}, expected ${callId}`);
  const result = pdu.results[0];
  if (result === undefined) throw rpcMalformed('bind_ack without a context result');
  if (result.result !== 0) {
    throw rpcBindRejected(`the interface was not accepted (${contextRejectReason(result.reason)})`);
  }
  if (pdu.maxRecvFrag < MIN_FRAGMENT_SIZE || pdu.maxXmitFrag < MIN_FRAGMENT_SIZE) {
    throw rpcMalformed(
      `fragment sizes ${pdu.maxXmitFrag}/${pdu.maxRecvFrag} are below the ${MIN_FRAGMENT_SIZE}-byte minimum`,
    );
  }
  return pdu;
}
