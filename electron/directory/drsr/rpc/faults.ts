/**
 * RPC fault statuses (C706 appendix E, MS-RPCE 3.1.1.5.5, Windows RPC_S_* / RPC_X_* codes).
 * A fault ends one call, not necessarily the connection; the status names what went wrong.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';

interface FaultInfo {
  readonly name: string;
  readonly description: string;
}

const FAULTS: ReadonlyMap<number, FaultInfo> = new Map([
  [
    0x00000005,
    {
      name: 'access_denied',
      description:
        'access denied (on drsuapi: the call was not made at packet privacy, or the account lacks rights)',
    },
  ],
  [0x00000008, { name: 'not_enough_memory', description: 'the server ran out of memory' }],
  [0x00000057, { name: 'invalid_parameter', description: 'invalid parameter' }],
  [0x000006c6, { name: 'rpc_x_invalid_bound', description: 'an array bound in the request is invalid' }],
  [0x000006d8, { name: 'rpc_fault_cant_perform', description: 'the server cannot perform the operation' }],
  [0x000006e4, { name: 'rpc_s_cannot_support', description: 'the requested operation is not supported' }],
  [
    0x000006f7,
    { name: 'rpc_x_bad_stub_data', description: 'the server could not decode the request (bad stub data)' },
  ],
  [0x00000721, { name: 'rpc_s_sec_pkg_error', description: 'a security package error occurred' }],
  [0x1c000006, { name: 'nca_s_fault_invalid_tag', description: 'an unknown union arm was sent' }],
  [
    0x1c000007,
    { name: 'nca_s_fault_invalid_bound', description: 'an array bound in the request is invalid' },
  ],
  [0x1c00000d, { name: 'nca_s_fault_cancel', description: 'the call was cancelled' }],
  [0x1c000012, { name: 'nca_s_fault_unspec', description: 'unspecified server fault' }],
  [
    0x1c00001a,
    { name: 'nca_s_fault_context_mismatch', description: 'the context handle is not valid on the server' },
  ],
  [0x1c00001b, { name: 'nca_s_fault_remote_no_memory', description: 'the server ran out of memory' }],
  [0x1c00001c, { name: 'nca_s_invalid_pres_context_id', description: 'unknown presentation context' }],
  [
    0x1c00001d,
    { name: 'nca_s_unsupported_authn_level', description: 'the authentication level is not supported' },
  ],
  [0x1c00001f, { name: 'nca_s_invalid_checksum', description: 'the packet checksum is invalid' }],
  [
    0x1c010002,
    { name: 'nca_s_op_rng_error', description: 'the operation number is out of range for this interface' },
  ],
  [0x1c010003, { name: 'nca_s_unk_if', description: 'the interface is unknown to the server' }],
  [0x1c01000b, { name: 'nca_s_proto_error', description: 'authentication failed or protocol error' }],
  [0x1c010014, { name: 'nca_s_server_too_busy', description: 'the server is too busy' }],
]);

export function faultName(status: number): string {
  return FAULTS.get(status)?.name ?? 'unknown';
}

export function faultDescription(status: number): string {
  return FAULTS.get(status)?.description ?? 'unknown fault status';
}

export function formatStatus(status: number): string {
  return `0x${(status >>> 0).toString(16).padStart(8, '0')}`;
}

export class RpcFaultError extends AppError {
  readonly status: number;
  readonly statusName: string;

  constructor(status: number, opnum: number | null) {
    const where = opnum === null ? 'the RPC request' : `RPC operation ${opnum}`;
    super(
      ErrorCode.RpcFault,
      `The domain controller rejected ${where} with fault ${formatStatus(status)} (${faultName(status)}: ${faultDescription(status)}).`,
      status === 0x1c01000b
        ? 'Check the user name, domain and password of the sync account.'
        : 'Check that the sync account has the "Replicating Directory Changes" and "Replicating Directory Changes All" rights. ' +
            'If it does, export the log file and report it.',
    );
    this.name = 'RpcFaultError';
    this.status = status >>> 0;
    this.statusName = faultName(status);
  }
}

const BIND_NAK_REASONS = [
  'reason not specified',
  'temporary congestion',
  'local limit exceeded',
  'called presentation address unknown',
  'protocol version not supported',
  'default context not supported',
  'user data not readable',
  'no presentation service access point available',
  'authentication type not recognized',
  'invalid checksum',
];

const CONTEXT_REJECT_REASONS = [
  'reason not specified',
  'abstract syntax (interface) not supported',
  'proposed transfer syntaxes not supported',
  'local limit exceeded',
];

export function bindNakReason(reason: number): string {
  return BIND_NAK_REASONS[reason] ?? `reason ${reason}`;
}

export function contextRejectReason(reason: number): string {
  return CONTEXT_REJECT_REASONS[reason] ?? `reason ${reason}`;
}
