/**
 * Opens the one TLS socket an LDAP session runs on: TCP, then StartTLS if asked, then the TLS
 * handshake checked against the chosen trust (system store, a CA, or a pinned fingerprint).
 * No LDAP bind is sent before this has fully succeeded. Every step is bounded by one deadline.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { ConnectionSettings } from '../settings.ts';
import { DEFAULT_TIMEOUT_MS } from '../settings.ts';
import { certificateInfo, fingerprintMatches, type CertificateInfo } from './certificate.ts';
import { TransportFailure, connectFailure } from './failures.ts';
import { parseStartTlsReply, startTlsRequest } from './starttls.ts';

export interface SecureSocket {
  readonly socket: tls.TLSSocket;
  readonly certificate: CertificateInfo;
}

/** `verify`: refuse anything the trust mode does not accept. `inspect`: accept, report, close. */
export type SocketMode = 'verify' | 'inspect';

export async function openSecureSocket(
  settings: ConnectionSettings,
  mode: SocketMode = 'verify',
): Promise<SecureSocket> {
  const deadline = Date.now() + (settings.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let tcp: net.Socket | undefined;
  try {
    tcp = await connectTcp(settings.host, settings.port, deadline);
    if (settings.transport === 'starttls') await startTls(tcp, deadline);
    const socket = await handshake(tcp, tlsOptions(settings, mode), deadline);
    const peer = socket.getPeerCertificate();
    if (
      mode === 'verify' &&
      settings.trust.kind === 'pinned' &&
      !fingerprintMatches(peer, settings.trust.sha256)
    ) {
      socket.destroy();
      throw new TransportFailure('pinMismatch', `its SHA-256 fingerprint is ${peer.fingerprint256}`);
    }
    return { socket, certificate: certificateInfo(peer, socket.authorized, socket.authorizationError) };
  } catch (error) {
    tcp?.destroy();
    throw connectFailure(error, settings);
  }
}

function tlsOptions(settings: ConnectionSettings, mode: SocketMode): tls.ConnectionOptions {
  const servername = settings.serverName ?? (net.isIP(settings.host) ? undefined : settings.host);
  const options: tls.ConnectionOptions = {
    host: settings.serverName ?? settings.host,
    minVersion: 'TLSv1.2',
    ...(servername === undefined ? {} : { servername }),
    ...(settings.trust.kind === 'pem' ? { ca: [settings.trust.pem] } : {}),
  };
  // A pinned certificate is checked by its fingerprint, not by a chain to a CA.
  const reject = mode === 'verify' && settings.trust.kind !== 'pinned';
  return { ...options, rejectUnauthorized: reject };
}

function remaining(deadline: number): number {
  return Math.max(1, deadline - Date.now());
}

function connectTcp(host: string, port: number, deadline: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new TransportFailure('timeout', `no TCP connection after ${Math.round(remaining(deadline))} ms`),
      );
    }, remaining(deadline));
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function startTls(socket: net.Socket, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      socket.off('data', onData).off('error', onError).off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      const reply = parseStartTlsReply(received);
      if (reply.kind === 'incomplete') return;
      if (reply.kind === 'garbage')
        return finish(new TransportFailure('wrongPort', `the StartTLS answer is not LDAP (${reply.detail})`));
      if (reply.resultCode !== 0)
        return finish(
          new TransportFailure(
            'startTlsRefused',
            `result ${reply.resultCode}${reply.diagnostic ? `: ${reply.diagnostic}` : ''}`,
          ),
        );
      finish();
    };
    const onError = (error: Error): void => finish(error);
    const onClose = (): void =>
      finish(
        new TransportFailure('wrongPort', 'the server closed the connection instead of answering StartTLS'),
      );
    const timer = setTimeout(
      () => finish(new TransportFailure('timeout', 'no answer to StartTLS')),
      remaining(deadline),
    );
    socket.on('data', onData).on('error', onError).on('close', onClose);
    socket.write(startTlsRequest());
  });
}

function handshake(
  tcp: net.Socket,
  options: tls.ConnectionOptions,
  deadline: number,
): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ ...options, socket: tcp });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new TransportFailure('timeout', 'the TLS handshake did not finish'));
    }, remaining(deadline));
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      // Until the LDAP client takes the socket over (it replaces this listener), an error only
      // closes it; the client then fails its first request instead of the process crashing.
      socket.on('error', () => socket.destroy());
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}
