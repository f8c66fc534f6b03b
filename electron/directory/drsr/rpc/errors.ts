/**
 * Named transport errors. Each says what went wrong in terms a directory admin can act on;
 * wire details (offsets, PDU types) go in the message for the log, not in the remediation.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';

const REPORT =
  'If the domain controller is a supported Windows Server or Samba AD version, export the log file and report it.';
const FIREWALL =
  'Check that the domain controller is reachable from this machine and that TCP 135 (RPC endpoint mapper) ' +
  'and the dynamic RPC port range (49152-65535 by default) are open in every firewall between them.';

export function rpcMalformed(detail: string): AppError {
  return new AppError(
    ErrorCode.RpcMalformed,
    `The domain controller sent an invalid RPC packet: ${detail}.`,
    REPORT,
  );
}

export function rpcBindRejected(detail: string): AppError {
  return new AppError(
    ErrorCode.RpcBindRejected,
    `The domain controller rejected the RPC connection: ${detail}.`,
    'Check that the server is an Active Directory domain controller (Windows Server or Samba AD) and that ' +
      'the account may log on to it over the network.',
  );
}

export function rpcTimeout(what: string, timeoutMs: number): AppError {
  return new AppError(
    ErrorCode.RpcTimeout,
    `The domain controller did not answer ${what} within ${Math.round(timeoutMs / 1000)} s.`,
    'Check that the domain controller is not overloaded, then retry. For very large directories, raise the timeout.',
  );
}

export function rpcConnectionLost(endpoint: string, detail: string): AppError {
  return new AppError(
    ErrorCode.RpcConnectionLost,
    `The RPC connection to ${endpoint} was lost: ${detail}.`,
    "Retry. If it keeps happening, check the network path and the domain controller's event log " +
      '(a wrong password or missing packet privacy also makes Samba drop the connection).',
  );
}

export function rpcUnreachable(endpoint: string, detail: string, cause?: unknown): AppError {
  return new AppError(
    ErrorCode.RpcUnreachable,
    `Could not connect to the domain controller at ${endpoint}: ${detail}.`,
    FIREWALL,
    { cause },
  );
}

export function rpcEndpointNotRegistered(service: string, endpoint: string): AppError {
  return new AppError(
    ErrorCode.RpcEndpointNotRegistered,
    `The endpoint mapper at ${endpoint} has no TCP endpoint registered for ${service} (ept_s_not_registered).`,
    'Check that the server is a domain controller and that its directory replication service is running ' +
      '(on Samba: the AD DC role with the drsuapi endpoint over ncacn_ip_tcp).',
  );
}

/** Misuse of the RPC API by our own code, never caused by the peer. */
export function rpcUsage(detail: string): AppError {
  return new AppError(
    ErrorCode.Internal,
    `RPC client misuse: ${detail}.`,
    'This is a bug in the application. Export the log file and report it.',
  );
}
