/**
 * The login with an account, for the plugins no server here uses by default: a stand-in server
 * checks each answer the way MySQL does, from what it stores (SHA1(SHA1(pw)) for
 * mysql_native_password, SHA256(SHA256(pw)) for caching_sha2_password; the full path decrypted
 * with its own RSA key). MariaDB covers mysql_native_password for real (test/mariadb).
 */
import assert from 'node:assert/strict';
import { constants, createHash, generateKeyPairSync, privateDecrypt, randomBytes } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { test } from 'node:test';
import { probe } from '../../../../../electron/services/probe/probe';

const PASSWORD = 'sesame';
const sha = (algorithm: string, ...parts: Buffer[]) =>
  parts.reduce((hash, part) => hash.update(part), createHash(algorithm)).digest();
const xor = (a: Buffer, b: Buffer) => Buffer.from(a.map((byte, i) => byte ^ b[i % b.length]));
const frame = (sequence: number, payload: Buffer) =>
  Buffer.concat([Buffer.from([payload.length & 0xff, payload.length >> 8, 0, sequence]), payload]);
const OK = Buffer.from([0, 0, 0, 2, 0, 0, 0]);
const DENIED = Buffer.concat([Buffer.from([0xff, 0x15, 0x04]), Buffer.from('#28000Access denied')]);

function greeting(nonce: Buffer, plugin: string): Buffer {
  const head = Buffer.concat([
    Buffer.from([10]),
    Buffer.from('8.0.40\0'),
    Buffer.alloc(4),
    nonce.subarray(0, 8),
    Buffer.from([0, 0xff, 0xff, 45, 2, 0, 0xff, 0xff, 21]),
    Buffer.alloc(10),
  ]);
  return Buffer.concat([head, nonce.subarray(8), Buffer.from([0]), Buffer.from(`${plugin}\0`)]);
}

/** The answer in a HandshakeResponse41: after 32 bytes, the user (NUL-ended), then a length byte. */
function loginAnswer(payload: Buffer): Buffer {
  const end = payload.indexOf(0, 32);
  return payload.subarray(end + 2, end + 2 + payload[end + 1]);
}

/** One login the way `mode` says; the server's verdict is what the probe reports. */
async function serve(mode: 'native-by-switch' | 'sha2-fast' | 'sha2-full'): Promise<{ port: number; close(): void }> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server = createServer((socket: Socket) => {
    socket.on('error', () => undefined);
    let nonce = randomBytes(20);
    let step = 0;
    socket.write(frame(0, greeting(nonce, 'caching_sha2_password')));
    socket.on('data', (chunk) => {
      const sequence = chunk[3];
      const payload = chunk.subarray(4);
      const reply = (data: Buffer) => socket.write(frame(sequence + 1, data));
      const verdict = (right: boolean) => (right ? reply(OK) : socket.end(frame(sequence + 1, DENIED)));
      step++;
      if (payload[0] === 0x01 && payload.length === 1) return socket.end(); // COM_QUIT: the server closes
      if (mode === 'native-by-switch') {
        if (step === 1) {
          nonce = randomBytes(20);
          return reply(Buffer.concat([Buffer.from('\xfemysql_native_password\0', 'latin1'), nonce, Buffer.from([0])]));
        }
        const stored = sha('sha1', sha('sha1', Buffer.from(PASSWORD)));
        return verdict(sha('sha1', xor(payload, sha('sha1', nonce, stored))).equals(stored));
      }
      const stored = sha('sha256', sha('sha256', Buffer.from(PASSWORD)));
      if (step === 1) {
        const right = sha('sha256', xor(loginAnswer(payload), sha('sha256', stored, nonce))).equals(stored);
        if (!right) return verdict(false);
        if (mode === 'sha2-fast') {
          reply(Buffer.from([0x01, 0x03]));
          return socket.write(frame(sequence + 2, OK));
        }
        return reply(Buffer.from([0x01, 0x04]));
      }
      if (step === 2) {
        assert.deepEqual([...payload], [0x02], 'asks for the public key');
        return reply(
          Buffer.concat([Buffer.from([0x01]), Buffer.from(keys.publicKey.export({ type: 'spki', format: 'pem' }))]),
        );
      }
      const plain = xor(
        privateDecrypt({ key: keys.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, payload),
        nonce,
      );
      verdict(plain.equals(Buffer.from(`${PASSWORD}\0`)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

for (const mode of ['native-by-switch', 'sha2-fast', 'sha2-full'] as const) {
  test(`${mode}: the right password logs in, a wrong one is refused`, async () => {
    const server = await serve(mode);
    try {
      const login = (password: string) =>
        probe({ host: '127.0.0.1', port: server.port, timeoutMs: 5000, account: { user: 'app', password } });
      const right = await login(PASSWORD);
      assert.equal(right.class, 'ok', right.message);
      const wrong = await login('sesame!');
      assert.equal(wrong.class, 'error');
      assert.equal(wrong.errno, 1045);
    } finally {
      server.close();
    }
  });
}
