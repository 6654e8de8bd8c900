// Password-protected Excel workbooks (MS-OFFCRYPTO agile encryption, Excel 2010 and later),
// decrypted on the user's device. The core reads the compound file and checks the parameters
// (xlsxEncryption, src/xlsx/agile_encryption.hpp); this file turns the password into keys and
// decrypts the package into the plain .xlsx (zip) bytes (MS-OFFCRYPTO 2.3.4.11–2.3.4.15).
//
// AES comes from the platform's WebCrypto (browsers, Workers, Node ≥ 20): native code, nothing
// to ship. The hashes come from @noble/hashes, vendored into dist/vendor/ by the build because
// the package is served raw (no bundler) and may not import a bare specifier: the key
// derivation hashes 100,000 times in a row, and crypto.subtle.digest's per-call promise made
// that take 3.6–4.1 s in Node, against 0.33 s with @noble/hashes (SHA-512).
import { sha1 } from './vendor/noble-hashes/legacy.js';
import { sha256, sha512 } from './vendor/noble-hashes/sha2.js';
import { OrderlensError, unwrap } from './errors.js';
import { withBytesInMemory } from './scratch.js';

const HASHES = { SHA1: sha1, SHA256: sha256, SHA512: sha512 };

// MS-OFFCRYPTO 2.3.4.13: the block keys that make one password hash into three AES keys.
const VERIFIER_INPUT_BLOCK = Uint8Array.of(0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79);
const VERIFIER_HASH_BLOCK = Uint8Array.of(0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e);
const KEY_VALUE_BLOCK = Uint8Array.of(0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6);

const SEGMENT_BYTES = 4096;  // the package is encrypted in segments, each with its own IV
const AES_BLOCK = 16;

function subtle() {
  const s = globalThis.crypto?.subtle;
  if (!s) {
    throw new OrderlensError('opening a password-protected workbook needs WebCrypto (crypto.subtle), which browsers offer ' +
      'only on https:// or localhost pages', 'internal');
  }
  return s;
}

function hashFunction(name) {
  const hash = HASHES[name];
  if (!hash) throw new OrderlensError(`this workbook uses an encryption hash (${name}) that orderlens cannot open`, 'not_text');
  return hash;
}

function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function uint32le(n) {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, true);
  return out;
}

// Keys and IVs are hashes cut to size, or padded with 0x36 when the hash is shorter (2.3.4.12).
function fitTo(bytes, length) {
  if (bytes.length >= length) return bytes.slice(0, length);
  const out = new Uint8Array(length).fill(0x36);
  out.set(bytes);
  return out;
}

// The password as Excel hashes it: UTF-16 code units, little-endian, no terminator.
function utf16le(text) {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i] = unit & 0xff;
    out[2 * i + 1] = unit >> 8;
  }
  return out;
}

// H0 = H(salt + password); Hn = H(uint32LE(n - 1) + Hn-1), spinCount times (2.3.4.11).
function passwordHash(hash, salt, password, spinCount) {
  let h = hash(concat(salt, utf16le(password)));
  const input = new Uint8Array(4 + h.length);
  const view = new DataView(input.buffer);
  for (let i = 0; i < spinCount; i++) {
    view.setUint32(0, i, true);
    input.set(h, 4);
    h = hash(input);
  }
  return h;
}

// Chromium's WebCrypto has no 192-bit AES (Node's has); Excel writes AES-256.
async function importAesKey(bytes) {
  const s = subtle();
  try {
    return await s.importKey('raw', bytes, { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']);
  } catch (error) {
    throw new OrderlensError(`this workbook uses AES-${bytes.length * 8}, which this platform's WebCrypto cannot decrypt ` +
      `(${error?.message ?? error}); open it in Excel and save it again with a password, or save it without one`, 'not_text');
  }
}

/**
 * AES-CBC decryption of whole blocks without padding. WebCrypto only decrypts PKCS#7-padded
 * data, so one more block is appended: the encryption, chained on the last ciphertext block, of
 * a full padding block (sixteen 0x10 bytes). Decryption then ends in valid padding, which
 * WebCrypto strips, leaving exactly the plaintext of `data`.
 */
async function aesCbcDecryptBlocks(key, iv, data) {
  if (data.length === 0) return new Uint8Array(0);
  const last = data.slice(data.length - AES_BLOCK);
  const padding = new Uint8Array(AES_BLOCK).fill(AES_BLOCK);
  const tail = new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv: last }, key, padding));
  const extended = new Uint8Array(data.length + AES_BLOCK);
  extended.set(data);
  extended.set(tail.subarray(0, AES_BLOCK), data.length);
  return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv }, key, extended));
}

function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/**
 * The package: uint64 LE size, then the ciphertext in 4096-byte segments, segment i chained from
 * iv_i = H(keyData salt + uint32LE(i)) (2.3.4.15). Decrypting it all as one chain from iv_0
 * gets every block right but the first of each later segment, which was chained from the
 * previous ciphertext block instead of iv_i: P = P' XOR C_prev XOR iv_i fixes it — a few
 * WebCrypto calls instead of one per segment.
 */
async function decryptPackage(key, keyData, packageBytes) {
  const hash = hashFunction(keyData.hashAlgorithm);
  const view = new DataView(packageBytes.buffer, packageBytes.byteOffset, packageBytes.byteLength);
  const size = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  const cipherLength = Math.ceil(size / AES_BLOCK) * AES_BLOCK;
  if (packageBytes.length < 8 + cipherLength) {
    throw new OrderlensError('the workbook\'s encrypted package is shorter than its stated size', 'not_text');
  }
  const cipher = packageBytes.subarray(8, 8 + cipherLength);
  const salt = Uint8Array.from(keyData.salt);
  const segmentIv = (i) => fitTo(hash(concat(salt, uint32le(i))), keyData.blockSize);
  const plain = await aesCbcDecryptBlocks(key, segmentIv(0), cipher);
  for (let i = 1, at = SEGMENT_BYTES; at < cipherLength; i++, at += SEGMENT_BYTES) {
    const iv = segmentIv(i);
    for (let b = 0; b < AES_BLOCK; b++) plain[at + b] ^= cipher[at - AES_BLOCK + b] ^ iv[b];
  }
  return plain.subarray(0, size);
}

/**
 * The plain .xlsx bytes of an agile-encrypted workbook. `params` is the parsed JSON of the
 * core's xlsxEncryption (src/xlsx/agile_encryption.hpp), `packageBytes` its package. Throws an
 * OrderlensError with code 'wrong_password' when the password does not open the workbook.
 */
export async function decryptAgileWorkbook(params, packageBytes, password) {
  if (typeof password !== 'string') {
    throw new OrderlensError('this workbook is protected with a password; pass the password to open it', 'bad_option');
  }
  const { passwordKey: pk, keyData } = params;
  const hash = hashFunction(pk.hashAlgorithm);
  const salt = Uint8Array.from(pk.salt);
  const h = passwordHash(hash, salt, password, pk.spinCount);
  const keyFor = (blockKey) => importAesKey(fitTo(hash(concat(h, blockKey)), pk.keyBits / 8));
  const [inputKey, hashKey, valueKey] = await Promise.all([VERIFIER_INPUT_BLOCK, VERIFIER_HASH_BLOCK, KEY_VALUE_BLOCK].map(keyFor));
  const iv = fitTo(salt, pk.blockSize);
  // The verifier (2.3.4.13): random bytes and their hash, each encrypted with its own key; only
  // the right password decrypts a pair that matches.
  const verifierInput = await aesCbcDecryptBlocks(inputKey, iv, Uint8Array.from(pk.encryptedVerifierHashInput));
  const verifierHash = await aesCbcDecryptBlocks(hashKey, iv, Uint8Array.from(pk.encryptedVerifierHashValue));
  if (!equalBytes(hash(verifierInput.subarray(0, pk.saltSize)), verifierHash.subarray(0, pk.hashSize))) {
    throw new OrderlensError('the password is wrong', 'wrong_password');
  }
  const secret = await aesCbcDecryptBlocks(valueKey, iv, Uint8Array.from(pk.encryptedKeyValue));
  const packageKey = await importAesKey(secret.slice(0, keyData.keyBits / 8));
  const plain = await decryptPackage(packageKey, keyData, packageBytes);
  // Every .xlsx is a zip, whose first local file header starts "PK\3\4".
  if (plain.length < 4 || plain[0] !== 0x50 || plain[1] !== 0x4b || plain[2] !== 3 || plain[3] !== 4) {
    throw new OrderlensError('the decrypted workbook is not an .xlsx (zip) file; the file may be damaged', 'not_text');
  }
  return plain;
}

function asBytes(bytes) {
  if (bytes instanceof Uint8Array) return bytes;
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new OrderlensError('a password-protected workbook must be given as bytes (Uint8Array or ArrayBuffer)', 'bad_option');
}

/**
 * The plain .xlsx bytes (a Uint8Array starting with "PK") of a password-protected workbook,
 * given the whole file's bytes: `module` (the Emscripten module) reads the compound file, then
 * decryptAgileWorkbook decrypts. Errors are OrderlensErrors: 'wrong_password', 'not_text' (not
 * an agile-encrypted workbook: a legacy .xls, an older encryption, a damaged file), 'bad_option'.
 */
export async function decryptWorkbook(module, bytes, password) {
  if (password !== undefined && password !== null && typeof password !== 'string') {
    throw new OrderlensError('options.password: expected the workbook\'s password as a string', 'bad_option');
  }
  const found = withBytesInMemory(module, asBytes(bytes), 'the workbook',
    (pointer, length) => unwrap(module.xlsxEncryption(pointer, length)));
  // Asked only now: a legacy .xls (also a compound file) gets its own message above, not this one.
  if (!password) throw new OrderlensError('this workbook is protected with a password; pass it as options.password to open it', 'password_required');
  return decryptAgileWorkbook(JSON.parse(found.json), found.package, password);
}
