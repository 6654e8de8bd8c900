// Tests of the encryption layer of password-protected workbooks: the compound file reader
// (src/xlsx/compound_file.hpp), the agile EncryptionInfo parser and the legacy .xls refusal
// (src/xlsx/agile_encryption.hpp), and base64. tests/fixtures/xlsx/encrypted.xlsx was written
// by xlsx-populate (tests/tools/make-encrypted-fixtures.mjs) with the parameters Excel uses: AES-256,
// SHA-512, 100,000 rounds, 16-byte salts. Damaged inputs must give a NotText IngestError saying
// what is wrong — never a crash, never a hang.
#include <doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "cfb_builder.hpp"
#include "fixture_support.hpp"
#include "ingest/ingest_error.hpp"
#include "xlsx/agile_encryption.hpp"
#include "xlsx/base64.hpp"
#include "xlsx/compound_file.hpp"

using orderlens::CompoundFile;
using orderlens::IngestError;
using orderlens::IngestErrorCode;
using orderlens::testing::build_compound_file;
using orderlens::testing::CfbLayout;
using orderlens::testing::CfbStream;

namespace {

std::string fixture(const char* name) {
  return orderlens::testing::read_file(orderlens::testing::source_dir() / "tests/fixtures/xlsx" / name);
}

std::uint32_t le32(std::string_view s, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
  return v;
}

void put32(std::string& s, std::size_t at, std::uint32_t v) {
  for (std::size_t i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// The message of the NotText IngestError `f` throws; nullopt when it throws nothing. Any other
// exception escapes and fails the test.
template <typename F>
std::optional<std::string> not_text_error(F&& f) {
  try {
    f();
  } catch (const IngestError& e) {
    CHECK(e.code() == IngestErrorCode::NotText);
    return std::string(e.what());
  }
  return std::nullopt;
}

std::string pattern(std::size_t n, unsigned seed) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + seed * 7 + i / 251) & 0xFF);
  return s;
}

// The fixture's EncryptionInfo with the first `from` in its XML replaced by `to`.
std::string edited_info(std::string_view from, std::string_view to) {
  std::string info = CompoundFile(fixture("encrypted.xlsx")).stream("EncryptionInfo");
  const std::size_t at = info.find(from, 8);
  REQUIRE(at != std::string::npos);
  return info.replace(at, from.size(), to);
}

}  // namespace

// ------------------------------------------------------------------ base64

TEST_CASE("decode_base64: padding, no padding, whitespace, bad input") {
  using orderlens::decode_base64;
  CHECK(decode_base64("SGVsbG8=") == std::optional<std::string>("Hello"));
  CHECK(decode_base64("SGVsbG8") == std::optional<std::string>("Hello"));
  CHECK(decode_base64("SGVs\r\nbG8h") == std::optional<std::string>("Hell" "o!"));
  CHECK(decode_base64("") == std::optional<std::string>(""));
  CHECK(decode_base64("/+8=") == std::optional<std::string>("\xFF\xEF"));
  CHECK_FALSE(decode_base64("SGV*").has_value());
  CHECK_FALSE(decode_base64("SGVsb").has_value());   // a lone sextet makes no byte
  CHECK_FALSE(decode_base64("SG=Vs").has_value());   // data after padding
}

// ------------------------------------------------------------------ the fixture

TEST_CASE("compound file: the encrypted fixture's streams, names without letter case") {
  const std::string bytes = fixture("encrypted.xlsx");
  const CompoundFile file(bytes);
  CHECK(file.has_stream("EncryptionInfo"));
  CHECK(file.has_stream("encryptedpackage"));
  CHECK_FALSE(file.has_stream("Workbook"));
  CHECK_FALSE(file.has_stream("EncryptionInf"));
  const std::string info = file.stream("EncryptionInfo");  // under the cutoff: in the mini stream
  CHECK(info.size() < 4096);
  CHECK(info.substr(0, 4) == std::string("\x04\x00\x04\x00", 4));
  CHECK(contains(info, "<keyEncryptor uri=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password\""));
  const std::string package = file.stream("EncryptedPackage");  // regular sectors
  CHECK(package.size() >= 4096);
  CHECK(package.size() % 16 == 8);
  CHECK(le32(package, 0) > 0);
  CHECK(le32(package, 4) == 0);
  CHECK(not_text_error([&] { (void)file.stream("Workbook"); }) == "the compound file has no stream named Workbook");
}

TEST_CASE("agile encryption: the fixture's parameters") {
  const std::string bytes = fixture("encrypted.xlsx");
  const auto e = orderlens::parse_encryption_info(CompoundFile(bytes).stream("EncryptionInfo"));
  CHECK(e.spin_count == 100000);
  CHECK(e.password.hash_algorithm == "SHA512");
  CHECK(e.password.hash_size == 64);
  CHECK(e.password.key_bits == 256);
  CHECK(e.password.block_size == 16);
  CHECK(e.password.salt_size == 16);
  CHECK(e.password.salt.size() == 16);
  CHECK(e.key_data.hash_algorithm == "SHA512");
  CHECK(e.key_data.key_bits == 256);
  CHECK(e.key_data.block_size == 16);
  CHECK(e.key_data.salt.size() == 16);
  CHECK(e.key_data.salt != e.password.salt);
  CHECK(e.encrypted_verifier_hash_input.size() == 16);
  CHECK(e.encrypted_verifier_hash_value.size() == 64);
  CHECK(e.encrypted_key_value.size() == 32);
}

TEST_CASE("read_encrypted_workbook: the JSON for JS and the package") {
  const std::string bytes = fixture("encrypted.xlsx");
  const auto workbook = orderlens::read_encrypted_workbook(bytes);
  CHECK(workbook.package == CompoundFile(bytes).stream("EncryptedPackage"));
  const auto j = nlohmann::json::parse(workbook.json);
  CHECK(j["packageSize"] == le32(workbook.package, 0));
  CHECK(j["keyData"]["hashAlgorithm"] == "SHA512");
  CHECK(j["keyData"]["keyBits"] == 256);
  CHECK(j["keyData"]["salt"].size() == 16);
  const auto& pk = j["passwordKey"];
  CHECK(pk["spinCount"] == 100000);
  CHECK(pk["hashSize"] == 64);
  CHECK(pk["blockSize"] == 16);
  CHECK(pk["saltSize"] == 16);
  CHECK(pk["salt"].size() == 16);
  CHECK(pk["encryptedVerifierHashInput"].size() == 16);
  CHECK(pk["encryptedVerifierHashValue"].size() == 64);
  CHECK(pk["encryptedKeyValue"].size() == 32);
  for (const auto& b : pk["encryptedKeyValue"]) CHECK((b.is_number_unsigned() && b.get<int>() <= 255));
}

TEST_CASE("read_encrypted_workbook: a legacy .xls is named as such") {
  const auto legacy = not_text_error([] { (void)orderlens::read_encrypted_workbook(fixture("legacy.xls")); });
  REQUIRE(legacy.has_value());
  CHECK(*legacy == "the file is an Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx or CSV");
  const std::string book = build_compound_file({{"Book", pattern(5000, 1)}});  // Excel 5.0/95
  CHECK(contains(not_text_error([&] { (void)orderlens::read_encrypted_workbook(book); }).value_or(""), "Excel 97-2003"));
  const std::string other = build_compound_file({{"WordDocument", pattern(100, 2)}});
  CHECK(contains(not_text_error([&] { (void)orderlens::read_encrypted_workbook(other); }).value_or(""),
                 "neither an Excel workbook nor a password-protected one"));
  CHECK(not_text_error([] { (void)orderlens::read_encrypted_workbook("PK\x03\x04 a zip"); }).has_value());
}

// ------------------------------------------------------------------ layouts of other writers

TEST_CASE("compound file: 512- and 4096-byte sectors, mini stream chains, DIFAT sectors") {
  const std::vector<CfbStream> streams = {
      {"small", pattern(100, 1)},       {"empty", ""},         {"AtCutoff", pattern(4096, 2)},
      {"justUnder", pattern(4095, 3)},  {"big", pattern(70000, 4)}, {"tiny", pattern(1, 5)}};
  for (const CfbLayout& layout : {CfbLayout{9, 1}, CfbLayout{12, 1}, CfbLayout{9, 240}, CfbLayout{12, 110}}) {
    CAPTURE(layout.sector_shift);
    CAPTURE(layout.min_fat_sectors);
    const std::string bytes = build_compound_file(streams, layout);
    const CompoundFile file(bytes);
    for (const CfbStream& s : streams) {
      CAPTURE(s.name);
      CHECK(file.has_stream(s.name));
      CHECK(file.stream(s.name) == s.bytes);
    }
  }
}

TEST_CASE("compound file: a last sector left short by its writer still reads") {
  std::string bytes = build_compound_file({{"big", pattern(5000, 6)}});
  bytes.resize(bytes.size() - (512 - 5000 % 512));  // the stream's last sector is cut where the stream ends
  CHECK(CompoundFile(bytes).stream("big") == pattern(5000, 6));
}

// ------------------------------------------------------------------ damaged files

TEST_CASE("compound file: specific damage, specific messages") {
  const std::string good = fixture("encrypted.xlsx");
  auto error_of = [](const std::string& bytes) {
    return not_text_error([&] { (void)orderlens::read_encrypted_workbook(bytes); }).value_or("(no error)");
  };
  CHECK(error_of(good.substr(0, 300)) == "the file is damaged or incomplete: a header cut short in the compound file");
  CHECK(error_of("") == "the file is not a compound file (no D0 CF 11 E0 signature)");

  std::string shift = good;
  shift[30] = 10;
  CHECK(error_of(shift) == "the file is damaged or incomplete: a bad sector size (shift 10) in the compound file");

  // The FAT entry of the first directory sector pointing to itself: a chain that loops.
  const std::uint32_t fat0 = le32(good, 76);
  const std::uint32_t dir0 = le32(good, 48);
  std::string loop = good;
  put32(loop, (fat0 + 1) * 512 + 4 * dir0, dir0);
  CHECK(error_of(loop) == "the file is damaged or incomplete: a sector chain that loops in the compound file");

  std::string outside = good;
  put32(outside, (fat0 + 1) * 512 + 4 * dir0, 0x00FFFFFF);
  CHECK(error_of(outside) ==
        "the file is damaged or incomplete: a sector chain that points outside the file in the compound file");

  std::string fat_count = good;
  put32(fat_count, 44, 0xFFFFFFF0);
  CHECK(contains(error_of(fat_count), "a FAT sector count that does not fit the file"));

  const std::string with_difat = build_compound_file({{"s", "x"}}, {9, 200});
  std::string lost_difat = with_difat;
  put32(lost_difat, 68, 0xFFFFFFFE);
  CHECK(contains(error_of(lost_difat), "a DIFAT that ends before the FAT"));
  std::string difat_outside = with_difat;
  put32(difat_outside, 68, 0x00FFFFFF);
  CHECK(contains(error_of(difat_outside), "a sector chain that points outside the file"));
  CHECK(contains(error_of(with_difat), "neither an Excel workbook"));  // intact, it reads
}

TEST_CASE("compound file: the fixture cut at every length fails cleanly or reads the same") {
  const std::string good = fixture("encrypted.xlsx");
  const auto whole = orderlens::read_encrypted_workbook(good);
  std::size_t failures = 0;
  for (std::size_t n = 0; n < good.size(); ++n) {
    const std::string cut = good.substr(0, n);
    const auto error = not_text_error([&] {
      const auto workbook = orderlens::read_encrypted_workbook(cut);
      CHECK(workbook.package == whole.package);  // only the unused tail of the last sector was cut
    });
    if (error) {
      ++failures;
      CHECK(contains(*error, "the file"));
    }
  }
  CHECK(failures > good.size() - 1024);
}

TEST_CASE("compound file: bytes flipped in the header, the FAT and the directory never crash") {
  const std::string good = fixture("encrypted.xlsx");
  const std::uint32_t fat0 = le32(good, 76);
  const std::uint32_t dir0 = le32(good, 48);
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < 512; ++i) positions.push_back(i);                      // header
  for (std::size_t i = 0; i < 512; ++i) positions.push_back((fat0 + 1) * 512 + i);   // FAT
  for (std::size_t i = 0; i < 512; ++i) positions.push_back((dir0 + 1) * 512 + i);   // directory
  std::size_t failures = 0;
  for (std::size_t at : positions) {
    for (unsigned char value : {0x00, 0xFF, 0x7F, 0x01}) {
      std::string bad = good;
      if (static_cast<unsigned char>(bad[at]) == value) continue;
      bad[at] = static_cast<char>(value);
      failures += not_text_error([&] { (void)orderlens::read_encrypted_workbook(bad); }).has_value();
    }
  }
  CHECK(failures > 0);
}

// ------------------------------------------------------------------ encryptions not supported

TEST_CASE("agile encryption: other versions and algorithms are refused with what to do") {
  using orderlens::parse_encryption_info;
  auto error_of = [](const std::string& info) {
    return not_text_error([&] { (void)parse_encryption_info(info); }).value_or("(no error)");
  };
  CHECK(error_of(std::string("\x03\x00\x02\x00\x24\x00\x00\x00", 8) + "standard header") ==
        "this workbook uses an older Excel encryption (standard, version 3.2) that orderlens cannot open; open it in Excel "
        "and save it again with a password, or save it without one");
  CHECK(contains(error_of(std::string("\x04\x00\x02\x00\x24\x00\x00\x00", 8)), "standard, version 4.2"));
  CHECK(contains(error_of(std::string("\x04\x00\x03\x00\x00\x00\x00\x00", 8)), "extensible, version 4.3"));
  CHECK(contains(error_of(std::string("\x01\x00\x01\x00\x00\x00\x00\x00", 8)), "unknown encryption (version 1.1)"));
  CHECK(error_of(std::string("\x04\x00\x04", 3)) ==
        "the workbook's encryption information is damaged: the EncryptionInfo stream is cut short");

  CHECK(contains(error_of(edited_info("hashAlgorithm=\"SHA512\"", "hashAlgorithm=\"MD5\"")),
                 "an encryption hash (MD5) that orderlens cannot open"));
  CHECK(contains(error_of(edited_info("cipherAlgorithm=\"AES\"", "cipherAlgorithm=\"3DES\"")),
                 "an encryption cipher (3DES)"));
  CHECK(contains(error_of(edited_info("ChainingModeCBC", "ChainingModeCFB")),
                 "chaining mode (ChainingModeCFB)"));
  CHECK(contains(error_of(edited_info("keyEncryptor uri=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password",
                                             "keyEncryptor uri=\"urn:certificate")),
                 "encrypted for a certificate, not with a password"));
  CHECK(contains(error_of(edited_info("spinCount=\"100000\"", "spinCount=\"4000000000\"")),
                 "more than 10,000,000 hash rounds"));
  CHECK(contains(error_of(edited_info("spinCount=\"100000\"", "spinCount=\"1e5\"")),
                 "<encryptedKey> has a bad spinCount"));
  CHECK(contains(error_of(edited_info("keyBits=\"256\"", "keyBits=\"100\"")),
                 "gives keyBits 100 for AES"));
  CHECK(contains(error_of(edited_info("saltSize=\"16\"", "saltSize=\"17\"")),
                 "has a salt of the wrong size"));
  CHECK(contains(error_of(edited_info("encryptedKeyValue=\"", "encryptedKeyValue=\"*")),
                 "has a bad encryptedKeyValue"));
  CHECK(contains(error_of(edited_info("<keyData", "<keyDatum")), "no <keyData>"));
  // The descriptor cut anywhere fails cleanly, up to where the last attribute needed ends.
  const std::string info = CompoundFile(fixture("encrypted.xlsx")).stream("EncryptionInfo");
  const std::size_t needed = info.find("encryptedKeyValue=\"");
  REQUIRE(needed != std::string::npos);
  for (std::size_t n = 0; n < info.size(); ++n) {
    const std::string error = error_of(info.substr(0, n));
    if (n <= needed) CHECK(error != "(no error)");
  }
  CHECK(error_of(info) == "(no error)");
}
