// Password-protected Excel workbooks (MS-OFFCRYPTO "agile" encryption, what Excel 2010 and later
// write): the encryption parameters and the encrypted package, read from the compound file.
//
// The core only reads and checks the parameters; the password work (a 100,000-round hash and
// AES) is done in JS with the platform's WebCrypto (bindings/js/xlsx-decrypt.js), which is far
// faster than AES compiled to WebAssembly and keeps the password out of WASM memory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace orderlens {

// One <keyData> or <p:encryptedKey> element's cipher and hash parameters.
struct AgileCipherParams {
  std::uint32_t salt_size = 0;
  std::uint32_t block_size = 0;
  std::uint32_t key_bits = 0;
  std::uint32_t hash_size = 0;
  std::string hash_algorithm;  // "SHA512", "SHA256" or "SHA1"
  std::string salt;            // raw bytes
};

struct AgileEncryption {
  AgileCipherParams key_data;  // the package: its key size, and the salt of every segment's IV
  AgileCipherParams password;  // the password key encryptor
  std::uint32_t spin_count = 0;
  std::string encrypted_verifier_hash_input;  // raw bytes, each a whole number of AES blocks
  std::string encrypted_verifier_hash_value;
  std::string encrypted_key_value;
};

// Parses the EncryptionInfo stream. Anything but agile encryption with AES-CBC and SHA-1/256/512
// throws IngestError(NotText) saying what the workbook uses and what the user can do.
AgileEncryption parse_encryption_info(std::string_view stream);

// The parameters for the JS side, bytes as arrays of numbers (0–255):
// {"keyData": {hashAlgorithm, hashSize, blockSize, keyBits, saltSize, salt},
//  "passwordKey": {hashAlgorithm, hashSize, blockSize, keyBits, saltSize, salt, spinCount,
//                  encryptedVerifierHashInput, encryptedVerifierHashValue, encryptedKeyValue},
//  "packageSize": decrypted size of the package in bytes}
std::string encrypted_workbook_json(const AgileEncryption& encryption, std::uint64_t package_size);

struct EncryptedWorkbook {
  std::string json;     // encrypted_workbook_json
  std::string package;  // the EncryptedPackage stream: uint64 LE size, then 4096-byte segments
};

// Reads a password-protected workbook from the whole file's bytes. A compound file with a
// "Workbook" or "Book" stream and no EncryptionInfo is a legacy .xls: IngestError(NotText).
EncryptedWorkbook read_encrypted_workbook(std::string_view file_bytes);

}  // namespace orderlens
