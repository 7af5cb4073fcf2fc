/**
 * One probe of a MySQL server: TCP, the greeting, a login, and the server's answer, classified.
 *
 * Safe by construction. Without an account it completes the handshake as `tcp_port_tuner_probe`
 * with no password: the server answers 1045 and closes first, which moves no blocking counter
 * (max_connect_errors) and leaves no TIME_WAIT on this side. With an account it logs in and says
 * COM_QUIT, and the server closes first again. Only when this side must give up (a timeout, a
 * peer that is not MySQL) does it close, with a reset, so that no port of the pool it
 * diagnoses is held in TIME_WAIT.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { leverOf, type ProbePhase, type ProbeResult } from '../../../shared/probe';
import { answerFor, sha2FullAnswer } from './auth';
import {
  COM_QUIT,
  FIRST_PACKET_MAX,
  loginPacket,
  PacketReader,
  packet,
  parseAuthSwitch,
  parseError,
  parseGreeting,
} from './packets';
import {
  closedSilently,
  networkFailed,
  notMysqlAt,
  serverAnswered,
  targetOf,
  timedOut,
  type Outcome,
  unspokenPlugin,
} from './outcome';

/** The login whose 1045 is the healthy answer; an account by this name should never exist. */
const PROBE_USER = 'tcp_port_tuner_probe';
export const DEFAULT_TIMEOUT_MS = 5000;

export interface ProbeRequest {
  host: string;
  port: number;
  timeoutMs: number;
  sourceAddress?: string;
  /** A real account: the password is used for the login and kept nowhere. */
  account?: { user: string; password: string };
}

/** What the wizard's `probe` channel calls: the probe with the real network. */
export type ProbeService = (request: ProbeRequest) => Promise<ProbeResult>;

/** Opens the TCP connection; tests pass one that fails as Windows does. */
export type Connect = (options: { host: string; port: number; localAddress?: string }) => Socket;

export function probe(request: ProbeRequest, connect: Connect = netConnect): Promise<ProbeResult> {
  const started = performance.now();
  const at = new Date().toISOString();
  const account = request.account;
  let phase: ProbePhase = 'none';
  let server: string | null = null;
  /** What the server said, kept until it has closed the connection. */
  let answered: Outcome | null = null;
  let settled = false;

  return new Promise((resolve) => {
    const socket = connect({
      host: request.host,
      port: request.port,
      ...(request.sourceAddress ? { localAddress: request.sourceAddress } : {}),
    });
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        target: targetOf(request.host, request.port),
        at,
        class: outcome.class,
        code: outcome.code,
        errno: outcome.errno,
        message: outcome.message,
        milliseconds: Math.round(performance.now() - started),
        phase,
        server,
        lever: outcome.lever ?? leverOf(outcome.class),
      });
    };
    /** This side gives up: a reset, so that no TIME_WAIT is left here. */
    const abandon = (outcome: Outcome) => {
      finish(outcome);
      if (phase === 'none' || socket.destroyed) socket.destroy();
      else socket.resetAndDestroy();
    };
    const timer = setTimeout(() => {
      abandon(answered ?? timedOut(phase, request.timeoutMs));
    }, request.timeoutMs);

    const serverSaid = (errno: number, text: string) => {
      answered = serverAnswered(errno, text, account !== undefined);
    };
    const notMysql = (what: string) => abandon(notMysqlAt(targetOf(request.host, request.port), what));

    let nonce: Buffer = Buffer.alloc(0);
    let askedForKey = false;
    const reader = new PacketReader();
    const onPacket = (sequence: number, payload: Buffer) => {
      if (answered) return;
      if (phase === 'tcp') {
        phase = 'greeting';
        const refusal = parseError(payload);
        if (refusal) return serverSaid(refusal.errno, refusal.message);
        const greeting = parseGreeting(payload);
        if (!greeting) return notMysql(`first byte 0x${(payload[0] ?? 0).toString(16)}`);
        server = greeting.server;
        nonce = greeting.nonce;
        const answer = answerFor(greeting.plugin, account?.password ?? '', nonce) ?? Buffer.alloc(0);
        socket.write(loginPacket(account?.user ?? PROBE_USER, answer, greeting.plugin));
        return;
      }
      phase = 'auth';
      const error = parseError(payload);
      if (error) return serverSaid(error.errno, error.message);
      if (payload[0] === 0x00) {
        answered = { class: 'ok', code: null, errno: null, message: `Logged in as ${account?.user ?? PROBE_USER}.` };
        socket.write(COM_QUIT);
        return;
      }
      const reply = (data: Buffer) => socket.write(packet(sequence + 1, data));
      const change = parseAuthSwitch(payload);
      if (change) {
        nonce = change.nonce;
        const answer = answerFor(change.plugin, account?.password ?? '', nonce);
        if (!answer) return abandon(unspokenPlugin(change.plugin));
        return void reply(answer);
      }
      if (payload[0] === 0x01 && payload[1] === 0x04) {
        // caching_sha2_password wants the whole password; without TLS it goes under the server's RSA key.
        askedForKey = true;
        return void reply(Buffer.from([0x02]));
      }
      if (payload[0] === 0x01 && askedForKey)
        return void reply(sha2FullAnswer(account?.password ?? '', nonce, payload.toString('latin1', 1)));
      if (payload[0] === 0x01) return; // 0x03: fast authentication worked; OK follows
      notMysql(`packet 0x${payload[0].toString(16)} after the login`);
    };

    socket.on('connect', () => {
      phase = 'tcp';
    });
    socket.on('data', (chunk: Buffer) => {
      for (const { sequence, payload } of reader.push(chunk)) onPacket(sequence, payload);
      if (phase === 'tcp' && reader.declared() > FIRST_PACKET_MAX)
        notMysql(`a first packet of ${reader.declared()} bytes`);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      finish(answered ?? networkFailed(error));
    });
    socket.on('close', () => {
      finish(answered ?? closedSilently(phase));
    });
  });
}
