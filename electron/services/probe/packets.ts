/**
 * The few MySQL protocol packets the probe needs (client/server protocol 4.1): framing, the
 * greeting, an ERR, and the login. Written by hand rather than through a driver: see docs/probe.md.
 */

/** Packets out of a byte stream: 3-byte little-endian length, 1-byte sequence id, payload. */
export class PacketReader {
  private buffered = Buffer.alloc(0);

  push(chunk: Buffer): { sequence: number; payload: Buffer }[] {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    const packets: { sequence: number; payload: Buffer }[] = [];
    while (this.buffered.length >= 4) {
      const length = this.buffered.readUIntLE(0, 3);
      if (this.buffered.length < 4 + length) break;
      packets.push({ sequence: this.buffered[3], payload: this.buffered.subarray(4, 4 + length) });
      this.buffered = this.buffered.subarray(4 + length);
    }
    return packets;
  }

  /** The length the next packet's header declares, once its header is in; 0 before. */
  declared(): number {
    return this.buffered.length >= 3 ? this.buffered.readUIntLE(0, 3) : 0;
  }
}

/** No greeting or refusal comes near this; a longer first packet is another protocol's bytes. */
export const FIRST_PACKET_MAX = 4096;

export function packet(sequence: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUIntLE(payload.length, 0, 3);
  header[3] = sequence;
  return Buffer.concat([header, payload]);
}

export interface Greeting {
  server: string;
  /** The 20-byte nonce the password is scrambled with. */
  nonce: Buffer;
  plugin: string;
}

function cString(buffer: Buffer, start: number): { text: string; end: number } {
  const nul = buffer.indexOf(0, start);
  const end = nul === -1 ? buffer.length : nul;
  return { text: buffer.toString('latin1', start, end), end: end + 1 };
}

/** Protocol 10's greeting; null for anything else (not MySQL, or a protocol this probe does not speak). */
export function parseGreeting(payload: Buffer): Greeting | null {
  if (payload[0] !== 10) return null;
  const version = cString(payload, 1);
  let at = version.end + 4; // connection id
  const part1 = payload.subarray(at, at + 8);
  at += 8 + 1 + 2 + 1 + 2 + 2; // filler, capabilities (low), charset, status, capabilities (high)
  const nonceLength = payload[at] ?? 0;
  at += 1 + 10;
  const part2Length = Math.max(13, nonceLength - 8);
  const part2 = payload.subarray(at, at + part2Length - 1); // the last byte is a NUL
  const plugin = cString(payload, at + part2Length);
  // MariaDB puts 5.5.5- before its version for old clients' sake.
  return {
    server: version.text.replace(/^5\.5\.5-(?=.*MariaDB)/, ''),
    nonce: Buffer.concat([part1, part2]),
    plugin: plugin.text || 'mysql_native_password',
  };
}

export interface ServerError {
  errno: number;
  message: string;
}

/**
 * An ERR packet. One sent instead of the greeting (1040, 1129, 1130) has no SQL state; one
 * after the login has `#` and five characters of it.
 */
export function parseError(payload: Buffer): ServerError | null {
  if (payload[0] !== 0xff || payload.length < 3) return null;
  const errno = payload.readUInt16LE(1);
  const start = payload[3] === 0x23 ? 9 : 3;
  return { errno, message: payload.toString('utf8', start) };
}

const CLIENT = {
  longPassword: 0x1,
  protocol41: 0x200,
  transactions: 0x2000,
  secureConnection: 0x8000,
  pluginAuth: 0x80000,
};
const UTF8MB4_GENERAL_CI = 45;

/** The login (HandshakeResponse41): no database, no TLS, the plugin the answer was made for. */
export function loginPacket(user: string, answer: Buffer, plugin: string): Buffer {
  const head = Buffer.alloc(32);
  head.writeUInt32LE(
    CLIENT.longPassword | CLIENT.protocol41 | CLIENT.transactions | CLIENT.secureConnection | CLIENT.pluginAuth,
    0,
  );
  head.writeUInt32LE(16 * 1024 * 1024, 4);
  head[8] = UTF8MB4_GENERAL_CI;
  return packet(
    1,
    Buffer.concat([
      head,
      Buffer.from(user, 'utf8'),
      Buffer.from([0, answer.length]),
      answer,
      Buffer.from(plugin, 'latin1'),
      Buffer.from([0]),
    ]),
  );
}

/** An auth switch request (0xFE): the plugin and nonce the server wants instead. */
export function parseAuthSwitch(payload: Buffer): { plugin: string; nonce: Buffer } | null {
  if (payload[0] !== 0xfe) return null;
  const plugin = cString(payload, 1);
  const rest = payload.subarray(plugin.end);
  return { plugin: plugin.text, nonce: rest[rest.length - 1] === 0 ? rest.subarray(0, -1) : rest };
}

/** COM_QUIT: the polite goodbye after a login that worked; the server closes first. */
export const COM_QUIT = packet(0, Buffer.from([0x01]));
