#include "xlsx/agile_encryption.hpp"

#include <charconv>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/ingest_error.hpp"
#include "xlsx/base64.hpp"
#include "xlsx/compound_file.hpp"

namespace orderlens {

namespace {

constexpr std::string_view kPasswordEncryptorUri = "http://schemas.microsoft.com/office/2006/keyEncryptor/password";
constexpr std::uint32_t kAesBlockSize = 16;
constexpr std::uint32_t kMaxSpinCount = 10'000'000;  // MS-OFFCRYPTO's limit; also bounds the work a file can demand
constexpr std::uint32_t kMaxSaltSize = 65536;

const std::string kSaveAgain = "; open it in Excel and save it again with a password, or save it without one";

[[noreturn]] void unsupported(const std::string& what) {
  throw IngestError(IngestErrorCode::NotText, "this workbook uses " + what + " that orderlens cannot open" + kSaveAgain);
}

[[noreturn]] void damaged(const std::string& what) {
  throw IngestError(IngestErrorCode::NotText, "the workbook's encryption information is damaged: " + what);
}

std::uint16_t le16(std::string_view s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}

std::uint64_t le64(std::string_view s, std::size_t at) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
  return v;
}

// ---------------------------------------------------------------- the descriptor's XML
// The descriptor is one small XML document of fixed shape written by Office: a few elements
// whose attributes hold numbers, names and base64. Reading it needs start tags and their
// attributes only — no text, namespaces or entities — so a few lines do it, and the core does
// not take on an XML library (and its size in the module) for a dozen attributes.

struct StartTag {
  std::string_view attributes;  // the text between the name and '>' (or "/>")
  std::size_t end = 0;          // just past the tag
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The next start tag from `from` whose name without its prefix is `local_name`.
std::optional<StartTag> next_start_tag(std::string_view xml, std::string_view local_name, std::size_t from) {
  while (true) {
    const std::size_t open = xml.find('<', from);
    if (open == std::string_view::npos || open + 1 >= xml.size()) return std::nullopt;
    std::size_t name_end = open + 1;
    while (name_end < xml.size() && !is_space(xml[name_end]) && xml[name_end] != '>' && xml[name_end] != '/') ++name_end;
    // The tag ends at the first '>' outside a quoted attribute value.
    std::size_t close = name_end;
    char quote = 0;
    for (; close < xml.size(); ++close) {
      if (quote) {
        if (xml[close] == quote) quote = 0;
      } else if (xml[close] == '"' || xml[close] == '\'') {
        quote = xml[close];
      } else if (xml[close] == '>') {
        break;
      }
    }
    if (close >= xml.size()) return std::nullopt;
    std::string_view name = xml.substr(open + 1, name_end - open - 1);
    if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    if (name == local_name) return StartTag{xml.substr(name_end, close - name_end), close + 1};
    from = close + 1;
  }
}

// The value of attribute `wanted` (unprefixed) of a start tag.
std::optional<std::string_view> attribute(const StartTag& tag, std::string_view wanted) {
  const std::string_view s = tag.attributes;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == '/')) ++i;
    const std::size_t name_start = i;
    while (i < s.size() && s[i] != '=' && !is_space(s[i])) ++i;
    const std::string_view name = s.substr(name_start, i - name_start);
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') return std::nullopt;
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return std::nullopt;
    const char quote = s[i++];
    const std::size_t value_end = s.find(quote, i);
    if (value_end == std::string_view::npos) return std::nullopt;
    if (name == wanted) return s.substr(i, value_end - i);
    i = value_end + 1;
  }
  return std::nullopt;
}

std::string_view required(const StartTag& tag, std::string_view element, std::string_view name) {
  const auto value = attribute(tag, name);
  if (!value) damaged("<" + std::string(element) + "> has no " + std::string(name));
  return *value;
}

std::uint32_t number(const StartTag& tag, std::string_view element, std::string_view name) {
  const std::string_view text = required(tag, element, name);
  std::uint32_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    damaged("<" + std::string(element) + "> has a bad " + std::string(name));
  }
  return value;
}

std::string bytes(const StartTag& tag, std::string_view element, std::string_view name) {
  auto value = decode_base64(required(tag, element, name));
  if (!value) damaged("<" + std::string(element) + "> has a bad " + std::string(name));
  return std::move(*value);
}

std::uint32_t hash_size_of(std::string_view algorithm) {
  if (algorithm == "SHA512") return 64;
  if (algorithm == "SHA256") return 32;
  if (algorithm == "SHA1") return 20;
  return 0;
}

AgileCipherParams cipher_params(const StartTag& tag, std::string_view element) {
  const std::string_view cipher = required(tag, element, "cipherAlgorithm");
  if (cipher != "AES") unsupported("an encryption cipher (" + std::string(cipher) + ")");
  const std::string_view chaining = required(tag, element, "cipherChaining");
  if (chaining != "ChainingModeCBC") unsupported("an encryption chaining mode (" + std::string(chaining) + ")");
  AgileCipherParams p;
  p.hash_algorithm = std::string(required(tag, element, "hashAlgorithm"));
  const std::uint32_t expected_hash_size = hash_size_of(p.hash_algorithm);
  if (expected_hash_size == 0) unsupported("an encryption hash (" + p.hash_algorithm + ")");
  p.hash_size = number(tag, element, "hashSize");
  p.block_size = number(tag, element, "blockSize");
  p.key_bits = number(tag, element, "keyBits");
  p.salt_size = number(tag, element, "saltSize");
  p.salt = bytes(tag, element, "saltValue");
  const std::string where = "<" + std::string(element) + "> ";
  if (p.hash_size != expected_hash_size) {
    damaged(where + "gives hashSize " + std::to_string(p.hash_size) + " for " + p.hash_algorithm);
  }
  if (p.block_size != kAesBlockSize) damaged(where + "gives blockSize " + std::to_string(p.block_size) + " for AES");
  if (p.key_bits != 128 && p.key_bits != 192 && p.key_bits != 256) {
    damaged(where + "gives keyBits " + std::to_string(p.key_bits) + " for AES");
  }
  if (p.salt_size == 0 || p.salt_size > kMaxSaltSize || p.salt.size() != p.salt_size) {
    damaged(where + "has a salt of the wrong size");
  }
  return p;
}

// A whole number of AES blocks holding at least `least` bytes of plaintext.
void check_blocks(const std::string& value, std::size_t least, std::string_view name) {
  if (value.size() % kAesBlockSize != 0 || value.size() < least) {
    damaged("<encryptedKey> has an " + std::string(name) + " of the wrong size");
  }
}

AgileEncryption parse_agile_xml(std::string_view xml) {
  AgileEncryption e;
  const auto key_data = next_start_tag(xml, "keyData", 0);
  if (!key_data) damaged("no <keyData>");
  e.key_data = cipher_params(*key_data, "keyData");

  std::optional<StartTag> encrypted_key;
  for (auto encryptor = next_start_tag(xml, "keyEncryptor", 0); encryptor && !encrypted_key;
       encryptor = next_start_tag(xml, "keyEncryptor", encryptor->end)) {
    if (attribute(*encryptor, "uri") == kPasswordEncryptorUri) {
      encrypted_key = next_start_tag(xml, "encryptedKey", encryptor->end);
    }
  }
  if (!encrypted_key) {
    throw IngestError(IngestErrorCode::NotText, "this workbook is encrypted for a certificate, not with a password, "
                                                "so orderlens cannot open it" + kSaveAgain);
  }
  e.password = cipher_params(*encrypted_key, "encryptedKey");
  e.spin_count = number(*encrypted_key, "encryptedKey", "spinCount");
  if (e.spin_count > kMaxSpinCount) damaged("<encryptedKey> asks for more than 10,000,000 hash rounds");
  e.encrypted_verifier_hash_input = bytes(*encrypted_key, "encryptedKey", "encryptedVerifierHashInput");
  e.encrypted_verifier_hash_value = bytes(*encrypted_key, "encryptedKey", "encryptedVerifierHashValue");
  e.encrypted_key_value = bytes(*encrypted_key, "encryptedKey", "encryptedKeyValue");
  check_blocks(e.encrypted_verifier_hash_input, e.password.salt_size, "encryptedVerifierHashInput");
  check_blocks(e.encrypted_verifier_hash_value, e.password.hash_size, "encryptedVerifierHashValue");
  check_blocks(e.encrypted_key_value, e.key_data.key_bits / 8, "encryptedKeyValue");
  return e;
}

nlohmann::ordered_json byte_array(const std::string& s) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (char c : s) a.push_back(static_cast<unsigned char>(c));
  return a;
}

nlohmann::ordered_json cipher_json(const AgileCipherParams& p) {
  return {{"hashAlgorithm", p.hash_algorithm}, {"hashSize", p.hash_size}, {"blockSize", p.block_size},
          {"keyBits", p.key_bits},             {"saltSize", p.salt_size}, {"salt", byte_array(p.salt)}};
}

}  // namespace

AgileEncryption parse_encryption_info(std::string_view stream) {
  if (stream.size() < 8) damaged("the EncryptionInfo stream is cut short");
  const std::uint16_t major = le16(stream, 0);
  const std::uint16_t minor = le16(stream, 2);
  const std::string version = std::to_string(major) + "." + std::to_string(minor);
  if (major == 4 && minor == 4) return parse_agile_xml(stream.substr(8));
  if (minor == 2 && major >= 2 && major <= 4) unsupported("an older Excel encryption (standard, version " + version + ")");
  if (minor == 3 && (major == 3 || major == 4)) unsupported("a custom encryption (extensible, version " + version + ")");
  unsupported("an unknown encryption (version " + version + ")");
}

std::string encrypted_workbook_json(const AgileEncryption& encryption, std::uint64_t package_size) {
  nlohmann::ordered_json password = cipher_json(encryption.password);
  password["spinCount"] = encryption.spin_count;
  password["encryptedVerifierHashInput"] = byte_array(encryption.encrypted_verifier_hash_input);
  password["encryptedVerifierHashValue"] = byte_array(encryption.encrypted_verifier_hash_value);
  password["encryptedKeyValue"] = byte_array(encryption.encrypted_key_value);
  nlohmann::ordered_json out = {{"keyData", cipher_json(encryption.key_data)},
                                {"passwordKey", std::move(password)},
                                {"packageSize", package_size}};
  return out.dump();
}

EncryptedWorkbook read_encrypted_workbook(std::string_view file_bytes) {
  const CompoundFile file(file_bytes);
  if (!file.has_stream("EncryptionInfo")) {
    if (file.has_stream("Workbook") || file.has_stream("Book")) {
      throw IngestError(IngestErrorCode::NotText,
                        "the file is an Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx or CSV");
    }
    throw IngestError(IngestErrorCode::NotText,
                      "the file is an Office compound file but neither an Excel workbook nor a password-protected one");
  }
  if (!file.has_stream("EncryptedPackage")) damaged("the EncryptedPackage stream is missing");
  const AgileEncryption encryption = parse_encryption_info(file.stream("EncryptionInfo"));
  EncryptedWorkbook out;
  out.package = file.stream("EncryptedPackage");
  if (out.package.size() < 8) damaged("the EncryptedPackage stream is cut short");
  // The plaintext is padded to whole AES blocks; segments are 4096 bytes, a multiple of 16.
  const std::uint64_t size = le64(out.package, 0);
  const std::uint64_t ciphertext = out.package.size() - 8;
  if (size > ciphertext || (size + kAesBlockSize - 1) / kAesBlockSize * kAesBlockSize > ciphertext) {
    damaged("the EncryptedPackage stream is shorter than its stated size");
  }
  out.json = encrypted_workbook_json(encryption, size);
  return out;
}

}  // namespace orderlens
