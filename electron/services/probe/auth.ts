/**
 * The answers to a server's password challenge, for the two plugins MySQL and MariaDB use by
 * default. The password is used here and nowhere else; nothing of it is kept.
 */
import { constants, createHash, publicEncrypt } from 'node:crypto';

const hash = (algorithm: string, ...parts: Buffer[]) => {
  const digest = createHash(algorithm);
  for (const part of parts) digest.update(part);
  return digest.digest();
};
const xor = (a: Buffer, b: Buffer) => Buffer.from(a.map((byte, i) => byte ^ b[i % b.length]));

/** mysql_native_password: SHA1(password) XOR SHA1(nonce + SHA1(SHA1(password))); empty for no password. */
function nativeAnswer(password: string, nonce: Buffer): Buffer {
  if (password === '') return Buffer.alloc(0);
  const once = hash('sha1', Buffer.from(password, 'utf8'));
  return xor(once, hash('sha1', nonce, hash('sha1', once)));
}

/** caching_sha2_password's fast path: SHA256(password) XOR SHA256(SHA256(SHA256(password)) + nonce). */
function sha2Answer(password: string, nonce: Buffer): Buffer {
  if (password === '') return Buffer.alloc(0);
  const once = hash('sha256', Buffer.from(password, 'utf8'));
  return xor(once, hash('sha256', hash('sha256', once), nonce));
}

/** caching_sha2_password's full path without TLS: the password, NUL-ended, XOR the nonce, under the server's RSA key (OAEP). */
export function sha2FullAnswer(password: string, nonce: Buffer, publicKeyPem: string): Buffer {
  return publicEncrypt(
    { key: publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING },
    xor(Buffer.from(`${password}\0`, 'utf8'), nonce),
  );
}

/** The first answer for `plugin`, or null for a plugin the probe does not speak. */
export function answerFor(plugin: string, password: string, nonce: Buffer): Buffer | null {
  if (plugin === 'mysql_native_password') return nativeAnswer(password, nonce);
  if (plugin === 'caching_sha2_password') return sha2Answer(password, nonce);
  return null;
}
