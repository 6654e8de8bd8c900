// Unit tests of the streaming decoder (src/ingest/encoding.hpp) and the CP949 table
// (src/ingest/cp949_table.hpp).
//
// Expected texts are written by hand (UTF-8 literals, hand-encoded UTF-16, CP949 bytes checked
// against glibc iconv, which is an independent implementation). Invalid sequences follow the
// documented rule "the bytes are replaced by U+FFFD", one U+FFFD per maximal invalid subpart
// (the Unicode / WHATWG convention), and bytes after an invalid prefix are decoded on their own.
#include <doctest.h>

#include <iconv.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/cp949_encoder.hpp"
#include "ingest/cp949_table.hpp"
#include "ingest/encoding.hpp"

using orderlens::cp949_lookup;
using orderlens::DecodeIssue;
using orderlens::Encoding;
using orderlens::encoding_from_name;
using orderlens::StreamingDecoder;
using orderlens::TextSink;
using orderlens::utf16_by_zero_pattern;

namespace {

const std::string kFFFD = "\xEF\xBF\xBD";

class StringSink : public TextSink {
 public:
  void on_text(std::string_view utf8) override { text.append(utf8); }
  std::string text;
};

struct Issue {
  std::uint64_t line;
  std::uint64_t offset;
  std::string hex;
  bool operator==(const Issue&) const = default;
};

struct Decoded {
  std::string text;
  Encoding encoding = Encoding::Auto;
  std::string reason;
  bool had_bom = false;
  std::uint64_t invalid = 0;
  std::vector<Issue> examples;
  std::uint64_t bytes_in = 0;
  bool operator==(const Decoded&) const = default;
};

Decoded decode_cut(std::string_view bytes, Encoding requested, const std::vector<std::size_t>& cuts) {
  StreamingDecoder dec(requested);
  StringSink sink;
  std::size_t pos = 0;
  for (std::size_t cut : cuts) {
    dec.push(bytes.substr(pos, cut - pos), sink);
    pos = cut;
  }
  dec.push(bytes.substr(pos), sink);
  dec.finish(sink);
  Decoded d;
  d.text = std::move(sink.text);
  d.encoding = dec.encoding();
  d.reason = dec.detection_reason();
  d.had_bom = dec.had_bom();
  d.invalid = dec.invalid_sequences();
  for (const DecodeIssue& i : dec.invalid_examples()) d.examples.push_back({i.line, i.byte_offset, i.bytes_hex});
  d.bytes_in = dec.bytes_in();
  return d;
}

Decoded decode(std::string_view bytes, Encoding requested = Encoding::Auto) { return decode_cut(bytes, requested, {}); }

std::string hex(std::string_view s) {
  std::string out;
  char buf[4];
  for (unsigned char c : s) {
    std::snprintf(buf, sizeof buf, "%02X", c);
    if (!out.empty()) out += ' ';
    out += buf;
  }
  return out;
}

std::string describe(const Decoded& d) {
  std::ostringstream os;
  os << "encoding " << orderlens::encoding_name(d.encoding) << " (" << d.reason << ") bom=" << d.had_bom
     << " invalid=" << d.invalid << " text=[" << hex(d.text.substr(0, 96)) << (d.text.size() > 96 ? " ..." : "")
     << "] examples:";
  for (const Issue& i : d.examples) os << " {line " << i.line << " @" << i.offset << " " << i.hex << "}";
  return os.str();
}

// Hand-written UTF-8 -> UTF-16 encoder (independent of the code under test).
std::string utf16(std::string_view utf8, bool little, bool bom) {
  std::vector<std::uint32_t> cps;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    std::uint32_t cp;
    std::size_t len;
    if (c < 0x80) cp = c, len = 1;
    else if (c < 0xE0) cp = c & 0x1F, len = 2;
    else if (c < 0xF0) cp = c & 0x0F, len = 3;
    else cp = c & 0x07, len = 4;
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    cps.push_back(cp);
    i += len;
  }
  std::string out;
  auto unit = [&](std::uint32_t u) {
    const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    if (little) out += lo, out += hi;
    else out += hi, out += lo;
  };
  if (bom) unit(0xFEFF);
  for (std::uint32_t cp : cps) {
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out;
}

// UTF-8 -> CP949 / EUC-KR with glibc iconv (the test oracle).
std::string iconv_from_utf8(std::string_view utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string in(utf8);
  std::string out(in.size() * 4 + 16, '\0');
  char* ip = in.data();
  std::size_t il = in.size();
  char* op = out.data();
  std::size_t ol = out.size();
  const std::size_t r = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  REQUIRE(r != static_cast<std::size_t>(-1));
  out.resize(out.size() - ol);
  return out;
}

std::vector<std::size_t> random_cuts(std::size_t n, std::mt19937& rng, std::size_t max_chunk) {
  std::vector<std::size_t> cuts;
  std::uniform_int_distribution<std::size_t> step(1, max_chunk);
  for (std::size_t pos = step(rng); pos < n; pos += step(rng)) cuts.push_back(pos);
  return cuts;
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const std::string kKoreanCsv = "이름,금액,메모\n김민수,15000,배송 전 연락\n이영희,23000,문 앞\n";

}  // namespace

// ------------------------------------------------------------------ CP949 table

TEST_CASE("cp949 table: known code points") {
  CHECK(cp949_lookup(0xB0, 0xA1) == 0xAC00);  // 가
  CHECK(cp949_lookup(0x8C, 0x63) == 0xB620);  // 똠, a CP949 extension syllable (not in EUC-KR)
  CHECK(cp949_lookup(0xC7, 0xD1) == 0xD55C);  // 한
  CHECK(cp949_lookup(0xB1, 0xDB) == 0xAE00);  // 글
  CHECK(cp949_lookup(0xA2, 0xE6) == 0x20AC);  // € (added to KS X 1001 in 1998)
  // Outside the table's lead / trail ranges.
  CHECK(cp949_lookup(0x80, 0xA1) == 0);
  CHECK(cp949_lookup(0xFF, 0xA1) == 0);
  CHECK(cp949_lookup(0xB0, 0x40) == 0);
  CHECK(cp949_lookup(0xB0, 0xFF) == 0);
  CHECK(cp949_lookup(0x41, 0x41) == 0);
}

TEST_CASE("cp949 table: every pair matches glibc iconv") {
  iconv_t cd = iconv_open("UTF-32LE", "CP949");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::size_t mapped = 0, mismatches = 0;
  std::string first_mismatches;
  for (int lead = 0x81; lead <= 0xFE; ++lead) {
    for (int trail = 0x41; trail <= 0xFE; ++trail) {
      char in[2] = {static_cast<char>(lead), static_cast<char>(trail)};
      unsigned char out[16] = {};
      char* ip = in;
      std::size_t il = 2;
      char* op = reinterpret_cast<char*>(out);
      std::size_t ol = sizeof out;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset the state
      const std::size_t r = iconv(cd, &ip, &il, &op, &ol);
      std::uint32_t expected = 0;
      // Mapped only when both bytes were consumed into exactly one code point.
      if (r != static_cast<std::size_t>(-1) && il == 0 && sizeof out - ol == 4)
        expected = out[0] | (out[1] << 8) | (out[2] << 16) | (static_cast<std::uint32_t>(out[3]) << 24);
      const std::uint32_t got = cp949_lookup(static_cast<unsigned char>(lead), static_cast<unsigned char>(trail));
      mapped += expected != 0;
      if (got != expected) {
        if (mismatches++ < 10) {
          char buf[80];
          std::snprintf(buf, sizeof buf, "%02X%02X: table U+%04X, iconv U+%04X\n", lead, trail, got, expected);
          first_mismatches += buf;
        }
      }
    }
  }
  iconv_close(cd);
  INFO(first_mismatches);
  CHECK(mismatches == 0);
  // CP949 maps 8822 extension Hangul + the 8,000-odd KS X 1001 characters.
  CHECK(mapped > 17000);
}

TEST_CASE("encode_cp949: Hangul, ASCII and the euro sign as glibc iconv writes them; the rest counted as '?'") {
  // Bytes from `printf '가나 한글 €' | iconv -f utf-8 -t cp949`.
  const orderlens::Cp949Text korean = orderlens::encode_cp949("가나 한글 €");
  CHECK(korean.bytes == "\xB0\xA1\xB3\xAA \xC7\xD1\xB1\xDB \xA2\xE6");
  CHECK(korean.unmappable == 0);
  CHECK(orderlens::encode_cp949("=SUM(A1), 1,5").bytes == "=SUM(A1), 1,5");
  // An emoji (outside CP949) and an invalid UTF-8 byte become '?', counted.
  const orderlens::Cp949Text other = orderlens::encode_cp949("a\xF0\x9F\x98\x80" "b\xFF" "c");
  CHECK(other.bytes == "a?b?c");
  CHECK(other.unmappable == 2);
}

TEST_CASE("encode_cp949 round-trips every character of the CP949 table through glibc iconv") {
  iconv_t cd = iconv_open("CP949", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::size_t checked = 0, mismatches = 0;
  for (int lead = 0x81; lead <= 0xFE; ++lead) {
    for (int trail = 0x41; trail <= 0xFE; ++trail) {
      const std::uint32_t cp = cp949_lookup(static_cast<unsigned char>(lead), static_cast<unsigned char>(trail));
      if (cp == 0) continue;
      std::string utf8;
      if (cp < 0x800) {
        utf8 = {static_cast<char>(0xC0 | cp >> 6), static_cast<char>(0x80 | (cp & 0x3F))};
      } else {
        utf8 = {static_cast<char>(0xE0 | cp >> 12), static_cast<char>(0x80 | (cp >> 6 & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
      }
      char out[8] = {};
      char* ip = utf8.data();
      std::size_t il = utf8.size();
      char* op = out;
      std::size_t ol = sizeof out;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
      const bool converted = iconv(cd, &ip, &il, &op, &ol) != static_cast<std::size_t>(-1);
      const std::string expected = converted ? std::string(out, sizeof out - ol) : std::string("(iconv failed)");
      ++checked;
      mismatches += orderlens::encode_cp949(utf8).bytes != expected;
    }
  }
  iconv_close(cd);
  CHECK(checked > 17000);
  CHECK(mismatches == 0);
}

// ------------------------------------------------------------------ names and zero pattern

TEST_CASE("encoding_from_name: labels, case and punctuation ignored") {
  CHECK(encoding_from_name("auto") == Encoding::Auto);
  CHECK(encoding_from_name("utf-8") == Encoding::Utf8);
  CHECK(encoding_from_name("UTF8") == Encoding::Utf8);
  CHECK(encoding_from_name("Utf_8") == Encoding::Utf8);
  CHECK(encoding_from_name("cp949") == Encoding::Cp949);
  CHECK(encoding_from_name("CP-949") == Encoding::Cp949);
  CHECK(encoding_from_name("euc-kr") == Encoding::Cp949);
  CHECK(encoding_from_name("EUC_KR") == Encoding::Cp949);
  CHECK(encoding_from_name("uhc") == Encoding::Cp949);
  CHECK(encoding_from_name("ks_c_5601-1987") == Encoding::Cp949);
  CHECK(encoding_from_name("windows-949") == Encoding::Cp949);
  CHECK(encoding_from_name("utf-16le") == Encoding::Utf16Le);
  CHECK(encoding_from_name("UTF-16") == Encoding::Utf16Le);
  CHECK(encoding_from_name("Unicode") == Encoding::Utf16Le);
  CHECK(encoding_from_name("utf-16be") == Encoding::Utf16Be);
  CHECK(encoding_from_name("UTF-16BE") == Encoding::Utf16Be);
  CHECK_FALSE(encoding_from_name("latin1").has_value());
  CHECK_FALSE(encoding_from_name("shift_jis").has_value());
  CHECK_FALSE(encoding_from_name("").has_value());
}

TEST_CASE("utf16_by_zero_pattern") {
  const std::string ascii = "Order ID\tName\tAmount\r\n1001\tKim\t15000\r\n";
  CHECK(utf16_by_zero_pattern(utf16(ascii, true, false)) == Encoding::Utf16Le);
  CHECK(utf16_by_zero_pattern(utf16(ascii, false, false)) == Encoding::Utf16Be);
  CHECK_FALSE(utf16_by_zero_pattern(ascii).has_value());
  CHECK_FALSE(utf16_by_zero_pattern(kKoreanCsv).has_value());
  CHECK_FALSE(utf16_by_zero_pattern(std::string(64, '\0')).has_value());  // zeros everywhere: no pattern
}

// ------------------------------------------------------------------ decoding

TEST_CASE("decode: UTF-8 without BOM") {
  const Decoded d = decode(kKoreanCsv);
  INFO(describe(d));
  CHECK(d.text == kKoreanCsv);
  CHECK(d.encoding == Encoding::Utf8);
  CHECK_FALSE(d.had_bom);
  CHECK(d.invalid == 0);
  CHECK(d.examples.empty());
  CHECK(contains(d.reason, "UTF-8"));
  CHECK(d.bytes_in == kKoreanCsv.size());
}

TEST_CASE("decode: UTF-8 with BOM, the BOM stripped") {
  const std::string bytes = "\xEF\xBB\xBF" + kKoreanCsv;
  const Decoded d = decode(bytes);
  INFO(describe(d));
  CHECK(d.text == kKoreanCsv);
  CHECK(d.encoding == Encoding::Utf8);
  CHECK(d.had_bom);
  CHECK(d.invalid == 0);
  CHECK(d.bytes_in == bytes.size());
  // An ASCII-only file with a BOM.
  const Decoded a = decode("\xEF\xBB\xBF" "a,b\n");
  CHECK(a.text == "a,b\n");
  CHECK(a.had_bom);
  CHECK(a.encoding == Encoding::Utf8);
}

TEST_CASE("decode: CP949 auto-detected") {
  SUBCASE("hand-written bytes") {
    // "한글,가\n" : 한 C7D1, 글 B1DB, 가 B0A1.
    const Decoded d = decode("\xC7\xD1\xB1\xDB,\xB0\xA1\n");
    INFO(describe(d));
    CHECK(d.text == "한글,가\n");
    CHECK(d.encoding == Encoding::Cp949);
    CHECK(contains(d.reason, "CP949"));
    CHECK(d.invalid == 0);
    CHECK_FALSE(d.had_bom);
  }
  SUBCASE("after an ASCII header, with CP949 extension syllables") {
    const std::string utf8 = "order_id,name,item\n1001,김똠순,똠양꿍\n1002,이영희,떡볶이\n";
    const std::string bytes = iconv_from_utf8(utf8, "CP949");
    REQUIRE(contains(bytes, "\x8C\x63"));  // 똠
    const Decoded d = decode(bytes);
    INFO(describe(d));
    CHECK(d.text == utf8);
    CHECK(d.encoding == Encoding::Cp949);
    CHECK(contains(d.reason, "CP949"));
    CHECK(d.invalid == 0);
  }
  SUBCASE("EUC-KR subset") {
    const std::string bytes = iconv_from_utf8(kKoreanCsv, "EUC-KR");
    const Decoded d = decode(bytes);
    INFO(describe(d));
    CHECK(d.text == kKoreanCsv);
    CHECK(d.encoding == Encoding::Cp949);
    CHECK(d.invalid == 0);
    const Decoded named = decode(bytes, *encoding_from_name("euc-kr"));
    CHECK(named.text == kKoreanCsv);
    CHECK(named.encoding == Encoding::Cp949);
  }
}

TEST_CASE("decode: UTF-16LE with BOM (Excel Unicode text, TAB separated)") {
  const std::string utf8 = "주문번호\t이름\t금액\r\n1001\t김민수\t15000\r\n";
  const std::string bytes = utf16(utf8, true, true);
  REQUIRE(bytes.substr(0, 2) == "\xFF\xFE");
  const Decoded d = decode(bytes);
  INFO(describe(d));
  CHECK(d.text == utf8);
  CHECK(d.encoding == Encoding::Utf16Le);
  CHECK(d.had_bom);
  CHECK(d.invalid == 0);
}

TEST_CASE("decode: UTF-16LE without BOM, by the zero pattern") {
  const std::string utf8 = "Order ID\tName\tAmount\r\n1001\t김민수\t15000\r\n1002\tLee\t23000\r\n";
  const Decoded d = decode(utf16(utf8, true, false));
  INFO(describe(d));
  CHECK(d.text == utf8);
  CHECK(d.encoding == Encoding::Utf16Le);
  CHECK_FALSE(d.had_bom);
  CHECK(d.invalid == 0);
}

TEST_CASE("decode: UTF-16BE with BOM, and without BOM") {
  const std::string utf8 = "Order ID\tName\r\n1001\t한글\r\n";
  const Decoded d = decode(utf16(utf8, false, true));
  INFO(describe(d));
  CHECK(d.text == utf8);
  CHECK(d.encoding == Encoding::Utf16Be);
  CHECK(d.had_bom);
  CHECK(d.invalid == 0);
  const Decoded n = decode(utf16(utf8, false, false));
  CHECK(n.text == utf8);
  CHECK(n.encoding == Encoding::Utf16Be);
  CHECK_FALSE(n.had_bom);
}

TEST_CASE("decode: surrogate pairs (emoji)") {
  const std::string utf8 = "memo\n\xF0\x9F\x98\x80 thanks \xF0\x9F\x8E\x81\n";  // U+1F600, U+1F381
  const std::string le = utf16(utf8, true, true);
  // U+1F600 = D83D DE00
  REQUIRE(contains(le, std::string("\x3D\xD8\x00\xDE", 4)));
  for (const std::string& bytes : {le, utf16(utf8, false, true), "\xEF\xBB\xBF" + utf8, utf8}) {
    const Decoded d = decode(bytes);
    INFO(describe(d));
    CHECK(d.text == utf8);
    CHECK(d.invalid == 0);
  }
}

TEST_CASE("decode: pure ASCII is undecided until the end, then UTF-8") {
  const std::string ascii = repeat("order_id,amount,date\n1001,15000,2024-05-01\n", 20);  // > 512 bytes
  REQUIRE(ascii.size() > 600);
  StreamingDecoder dec(Encoding::Auto);
  StringSink sink;
  dec.push(ascii, sink);
  CHECK(dec.encoding() == Encoding::Auto);
  dec.push(ascii, sink);
  CHECK(dec.encoding() == Encoding::Auto);
  dec.finish(sink);
  CHECK(dec.encoding() == Encoding::Utf8);
  CHECK(sink.text == ascii + ascii);
  CHECK(dec.invalid_sequences() == 0);
  CHECK_FALSE(dec.had_bom());
  CHECK(dec.bytes_in() == 2 * ascii.size());
  // Then non-ASCII in a later chunk is still detected.
  StreamingDecoder later(Encoding::Auto);
  StringSink s2;
  later.push(ascii, s2);
  later.push("x,\xC7\xD1\xB1\xDB\n", s2);  // CP949 한글
  later.finish(s2);
  CHECK(later.encoding() == Encoding::Cp949);
  CHECK(s2.text == ascii + "x,한글\n");
}

TEST_CASE("decode: an explicit encoding overrides detection") {
  SUBCASE("UTF-8 requested for CP949 bytes") {
    // C7: 2-byte lead, D1 is not a continuation -> U+FFFD; D1 B1 = U+0471; DB at EOF -> U+FFFD.
    const Decoded d = decode("\xC7\xD1\xB1\xDB", Encoding::Utf8);
    INFO(describe(d));
    CHECK(d.encoding == Encoding::Utf8);
    CHECK(d.text == kFFFD + "\xD1\xB1" + kFFFD);
    CHECK(d.invalid == 2);
  }
  SUBCASE("CP949 requested for ASCII") {
    const Decoded d = decode("a,b\n", Encoding::Cp949);
    CHECK(d.encoding == Encoding::Cp949);
    CHECK(d.text == "a,b\n");
  }
  SUBCASE("UTF-16LE requested for 8-bit text") {
    const Decoded d = decode("ab", Encoding::Utf16Le);  // unit 0x6261 = U+6261
    INFO(describe(d));
    CHECK(d.encoding == Encoding::Utf16Le);
    CHECK(d.text == "\xE6\x89\xA1");
    CHECK(d.invalid == 0);
  }
  SUBCASE("UTF-16BE requested for a UTF-16LE BOM: the BOM is not one") {
    // FF FE -> U+FFFE; 'a' 00 -> U+6100.
    const Decoded d = decode(std::string("\xFF\xFE" "a\0", 4), Encoding::Utf16Be);
    INFO(describe(d));
    CHECK(d.encoding == Encoding::Utf16Be);
    CHECK_FALSE(d.had_bom);
    CHECK(d.text == "\xEF\xBF\xBE\xE6\x84\x80");
  }
  SUBCASE("UTF-16LE requested with its BOM: BOM stripped") {
    const Decoded d = decode(utf16("a", true, true), Encoding::Utf16Le);
    CHECK(d.had_bom);
    CHECK(d.text == "a");
  }
  SUBCASE("CP949 requested for a UTF-8 BOM: the BOM bytes are CP949 text") {
    const std::string bytes = "\xEF\xBB\xBF" "A";
    const Decoded d = decode(bytes, Encoding::Cp949);
    INFO(describe(d));
    CHECK(d.encoding == Encoding::Cp949);
    CHECK_FALSE(d.had_bom);
    // EF BB is a hanja, BF 41 an extension syllable (per iconv).
    std::string expected;
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
      iconv_t cd = iconv_open("UTF-8", "CP949");
      char in[2] = {bytes[i], bytes[i + 1]};
      char out[8];
      char* ip = in;
      char* op = out;
      std::size_t il = 2, ol = sizeof out;
      REQUIRE(iconv(cd, &ip, &il, &op, &ol) != static_cast<std::size_t>(-1));
      expected.append(out, sizeof out - ol);
      iconv_close(cd);
    }
    CHECK(d.text == expected);
    CHECK(d.invalid == 0);
  }
}

// ------------------------------------------------------------------ invalid input

TEST_CASE("decode: invalid UTF-8 in a UTF-8 file") {
  // Offsets: BOM 0-2, "a,b\n" 3-6, 'x' 7, C3 8, '(' 9, 'y' 10, '\n' 11, FF 12, 'z' 13, '\n' 14,
  // E2 82 15-16, 'w' 17, '\n' 18, C0 19, AF 20, '\n' 21, ED 22, A0 23, 80 24.
  const std::string bytes =
      "\xEF\xBB\xBF" "a,b\nx\xC3(y\n\xFFz\n\xE2\x82w\n\xC0\xAF\n\xED\xA0\x80";
  const Decoded d = decode(bytes);
  INFO(describe(d));
  CHECK(d.encoding == Encoding::Utf8);
  CHECK(d.had_bom);
  const std::string expected = "a,b\nx" + kFFFD + "(y\n" + kFFFD + "z\n" + kFFFD + "w\n" + kFFFD + kFFFD + "\n" +
                               kFFFD + kFFFD + kFFFD;
  CHECK(d.text == expected);
  CHECK(d.invalid == 8);
  REQUIRE(d.examples.size() >= 3);
  CHECK(d.examples.size() <= 8);
  CHECK(d.examples[0] == Issue{2, 8, "C3"});
  CHECK(d.examples[1] == Issue{3, 12, "FF"});
  CHECK(d.examples[2] == Issue{4, 15, "E2 82"});
  const std::vector<Issue> all = {{2, 8, "C3"},  {3, 12, "FF"}, {4, 15, "E2 82"}, {5, 19, "C0"},
                                  {5, 20, "AF"}, {6, 22, "ED"}, {6, 23, "A0"},    {6, 24, "80"}};
  for (std::size_t i = 0; i < d.examples.size(); ++i) CHECK(d.examples[i] == all[i]);
}

TEST_CASE("decode: invalid UTF-8 with the encoding requested") {
  const Decoded d = decode("ok\n\xF0\x9F\x98", Encoding::Utf8);  // emoji cut at EOF
  INFO(describe(d));
  CHECK(d.text == "ok\n" + kFFFD);
  CHECK(d.invalid == 1);
  REQUIRE(d.examples.size() == 1);
  CHECK(d.examples[0] == Issue{2, 3, "F0 9F 98"});
}

TEST_CASE("decode: truncated UTF-8 sequence at EOF") {
  // BOM 0-2, 'a' 3, 'b' 4, E4 B8 at 5-6 (U+4E00 cut short).
  const Decoded d = decode("\xEF\xBB\xBF" "ab\xE4\xB8");
  INFO(describe(d));
  CHECK(d.encoding == Encoding::Utf8);
  CHECK(d.text == "ab" + kFFFD);
  CHECK(d.invalid == 1);
  REQUIRE(d.examples.size() == 1);
  CHECK(d.examples[0] == Issue{1, 5, "E4 B8"});
}

TEST_CASE("decode: auto-detection follows the first non-ASCII text (UTF-8 file cut at EOF)") {
  // The first non-ASCII text (이름, 김민수) is valid UTF-8; only the very last character is cut
  // short by the end of the file. Per the documented detection order this is a UTF-8 file
  // with one invalid sequence at the end, not a CP949 file.
  const std::string bytes = "이름,금액\n김민수,15000\n이\xEC\x98";  // 영 = EC 98 81, cut
  const Decoded d = decode(bytes);
  INFO(describe(d));
  CHECK(d.encoding == Encoding::Utf8);
  CHECK(d.text == "이름,금액\n김민수,15000\n이" + kFFFD);
  CHECK(d.invalid == 1);
}

TEST_CASE("decode: auto-detection of a long UTF-8 file with one bad byte does not depend on chunking") {
  // 1,500 bytes of valid Korean UTF-8, one invalid byte, then more valid text. The first
  // non-ASCII text is valid UTF-8, so the file is UTF-8 with one U+FFFD, whether pushed whole
  // or in chunks.
  const std::string head = "이름,금액\n" + repeat("김민수,15000\n", 100);
  const std::string bytes = head + "x\xFFy\n" + repeat("이영희,23000\n", 10);
  const std::string expected = head + "x" + kFFFD + "y\n" + repeat("이영희,23000\n", 10);
  for (std::size_t chunk : {std::size_t{0}, std::size_t{64}, std::size_t{1}}) {
    CAPTURE(chunk);
    std::vector<std::size_t> cuts;
    if (chunk)
      for (std::size_t k = chunk; k < bytes.size(); k += chunk) cuts.push_back(k);
    const Decoded d = decode_cut(bytes, Encoding::Auto, cuts);
    INFO(describe(d));
    CHECK(d.encoding == Encoding::Utf8);
    CHECK(d.text == expected);
    CHECK(d.invalid == 1);
    REQUIRE_FALSE(d.examples.empty());
    CHECK(d.examples[0] == Issue{102, head.size() + 1, "FF"});
  }
}

TEST_CASE("decode: invalid CP949") {
  // Offsets: x 0, C9 1 (no trail 0x41 for lead C9: 'A' is kept), 'A' 2, y 3, B0 FF 4-5 (FF is
  // never a trail), z 6, 80 7 (never a lead), '\n' 8, C9 A1 9-10 (user-defined area, unmapped),
  // B0 11 (lead at EOF).
  const std::string bytes = "x\xC9" "Ay\xB0\xFFz\x80\n\xC9\xA1\xB0";
  REQUIRE(cp949_lookup(0xC9, 0xA1) == 0);
  const Decoded d = decode(bytes, Encoding::Cp949);
  INFO(describe(d));
  CHECK(d.text == "x" + kFFFD + "Ay" + kFFFD + "z" + kFFFD + "\n" + kFFFD + kFFFD);
  CHECK(d.invalid == 5);
  const std::vector<Issue> all = {{1, 1, "C9"}, {1, 4, "B0 FF"}, {1, 7, "80"}, {2, 9, "C9 A1"}, {2, 11, "B0"}};
  REQUIRE(d.examples.size() >= 3);
  for (std::size_t i = 0; i < d.examples.size() && i < all.size(); ++i) CHECK(d.examples[i] == all[i]);
  // Auto-detected CP949 (the first non-ASCII pair is valid CP949 and invalid UTF-8).
  const Decoded a = decode("\xC7\xD1," + bytes);
  INFO(describe(a));
  CHECK(a.encoding == Encoding::Cp949);
  CHECK(a.text == "한," + d.text);
  CHECK(a.invalid == 5);
}

TEST_CASE("decode: lone UTF-16 surrogates") {
  SUBCASE("UTF-16LE") {
    // FF FE | 'a' 2 | D800 4 | '\n' 6 | 'b' 8 | DC00 10 | 'c' 12 | D83D D83D DE00 14,16,18 | D83D 20 (EOF)
    std::string bytes("\xFF\xFE" "a\0" "\x00\xD8" "\n\0" "b\0" "\x00\xDC" "c\0" "\x3D\xD8" "\x3D\xD8\x00\xDE" "\x3D\xD8", 22);
    const Decoded d = decode(bytes);
    INFO(describe(d));
    CHECK(d.encoding == Encoding::Utf16Le);
    CHECK(d.text == "a" + kFFFD + "\nb" + kFFFD + "c" + kFFFD + "\xF0\x9F\x98\x80" + kFFFD);
    CHECK(d.invalid == 4);
    const std::vector<Issue> all = {{1, 4, "00 D8"}, {2, 10, "00 DC"}, {2, 14, "3D D8"}, {2, 20, "3D D8"}};
    REQUIRE(d.examples.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) CHECK(d.examples[i] == all[i]);
  }
  SUBCASE("UTF-16BE") {
    // FE FF | DC00 2 | 'a' 4 | D800 6 (EOF)
    std::string bytes("\xFE\xFF" "\xDC\x00" "\0a" "\xD8\x00", 8);
    const Decoded d = decode(bytes);
    INFO(describe(d));
    CHECK(d.encoding == Encoding::Utf16Be);
    CHECK(d.text == kFFFD + "a" + kFFFD);
    CHECK(d.invalid == 2);
    REQUIRE(d.examples.size() == 2);
    CHECK(d.examples[0] == Issue{1, 2, "DC 00"});
    CHECK(d.examples[1] == Issue{1, 6, "D8 00"});
  }
}

TEST_CASE("decode: odd byte count in UTF-16") {
  // FF FE | 'a' 2 | 0x62 at 4 alone.
  const Decoded d = decode(std::string("\xFF\xFE" "a\0" "b", 5));
  INFO(describe(d));
  CHECK(d.text == "a" + kFFFD);
  CHECK(d.invalid == 1);
  REQUIRE(d.examples.size() == 1);
  CHECK(d.examples[0] == Issue{1, 4, "62"});
}

TEST_CASE("decode: high surrogate then an odd byte at EOF are reported in file order") {
  // FF FE | 'a' 2 | D83D at 4 (no low surrogate follows) | 0x41 at 6 alone.
  const Decoded d = decode(std::string("\xFF\xFE" "a\0" "\x3D\xD8" "A", 7));
  INFO(describe(d));
  CHECK(d.text == "a" + kFFFD + kFFFD);
  CHECK(d.invalid == 2);
  REQUIRE(d.examples.size() == 2);
  CHECK(d.examples[0] == Issue{1, 4, "3D D8"});
  CHECK(d.examples[1] == Issue{1, 6, "41"});
}

// ------------------------------------------------------------------ chunking property

namespace {

struct Input {
  const char* name;
  std::string bytes;
  Encoding requested = Encoding::Auto;
};

std::vector<Input> chunking_inputs() {
  std::vector<Input> in;
  const std::string emoji = "memo\n\xF0\x9F\x98\x80 thanks \xF0\x9F\x8E\x81\n";
  in.push_back({"utf-8", kKoreanCsv});
  in.push_back({"utf-8 bom", "\xEF\xBB\xBF" + kKoreanCsv});
  in.push_back({"utf-8 emoji", emoji});
  in.push_back({"cp949", iconv_from_utf8("order_id,name,item\n1001,김똠순,똠양꿍\n1002,이영희,떡볶이\n", "CP949")});
  in.push_back({"euc-kr", iconv_from_utf8(kKoreanCsv, "EUC-KR")});
  in.push_back({"utf-16le bom", utf16("주문번호\t이름\r\n1001\t김민수\r\n" + emoji, true, true)});
  in.push_back({"utf-16le no bom", utf16("Order ID\tName\tAmount\r\n1001\t김민수\t15000\r\n", true, false)});
  in.push_back({"utf-16be bom", utf16("Order ID\tName\r\n1001\t한글\r\n" + emoji, false, true)});
  in.push_back({"ascii", "order_id,amount\n1001,15000\n"});
  in.push_back({"explicit utf-8 on cp949", "\xC7\xD1\xB1\xDB", Encoding::Utf8});
  in.push_back({"explicit utf-16le", "ab", Encoding::Utf16Le});
  in.push_back({"invalid utf-8", "\xEF\xBB\xBF" "a,b\nx\xC3(y\n\xFFz\n\xE2\x82w\n\xC0\xAF\n\xED\xA0\x80"});
  in.push_back({"truncated utf-8", "\xEF\xBB\xBF" "ab\xE4\xB8"});
  in.push_back({"utf-8 emoji cut", "ok\n\xF0\x9F\x98", Encoding::Utf8});
  in.push_back({"invalid cp949", "x\xC9" "Ay\xB0\xFFz\x80\n\xC9\xA1\xB0", Encoding::Cp949});
  in.push_back({"lone surrogates le",
                std::string("\xFF\xFE" "a\0" "\x00\xD8" "\n\0" "b\0" "\x00\xDC" "c\0" "\x3D\xD8" "\x3D\xD8\x00\xDE" "\x3D\xD8", 22)});
  in.push_back({"lone surrogates be", std::string("\xFE\xFF" "\xDC\x00" "\0a" "\xD8\x00", 8)});
  in.push_back({"odd utf-16", std::string("\xFF\xFE" "a\0" "b", 5)});
  // Longer than the decoder's look-ahead windows.
  in.push_back({"long utf-8", repeat("김민수,15000,배송 전 연락 바랍니다\n", 40)});
  in.push_back({"long ascii then utf-8", repeat("order_id,amount\n", 50) + kKoreanCsv});
  in.push_back({"long ascii then cp949", repeat("order_id,amount\n", 50) + iconv_from_utf8(kKoreanCsv, "CP949")});
  in.push_back({"long utf-8 with one bad byte",
                "이름,금액\n" + repeat("김민수,15000\n", 100) + "x\xFFy\n" + repeat("이영희,23000\n", 10)});
  {
    // UTF-16LE without BOM: an ASCII header, then rows that are mostly Korean (Hangul code
    // units here have no zero byte). Only the start of the file has the zero pattern.
    std::string utf8 = "Order ID\tOrder Date\tCustomer Name\tShipping Address\tProduct Name\tQuantity\tAmount\r\n";
    utf8 += repeat("1\t한국어상품명입니다아주긴상품이름\t서울특별시강남구테헤란로\r\n", 30);
    in.push_back({"long utf-16le no bom, Korean rows", utf16(utf8, true, false)});
  }
  return in;
}

}  // namespace

TEST_CASE("decode: every chunking gives the one-push text and invalid counts") {
  std::mt19937 rng(1234567u);
  for (const Input& input : chunking_inputs()) {
    const std::string name = input.name;
    CAPTURE(name);
    const Decoded whole = decode(input.bytes, input.requested);
    const std::size_t n = input.bytes.size();
    std::size_t mismatches = 0;
    std::string first;
    auto check = [&](const std::vector<std::size_t>& cuts) {
      const Decoded got = decode_cut(input.bytes, input.requested, cuts);
      // The text, the encoding and every count and example must be the same; the reason may
      // mention offsets and is compared too, since it is derived from the same bytes.
      if (got == whole) return;
      if (mismatches++ == 0) {
        std::string where;
        for (std::size_t k : cuts) where += std::to_string(k) + " ";
        if (where.size() > 200) where = where.substr(0, 200) + "...";
        first = "cuts [" + where + "] gave\n  " + describe(got) + "\none push gave\n  " + describe(whole);
      }
    };
    for (std::size_t k = 0; k <= n; ++k) check({k});
    {
      std::vector<std::size_t> cuts;
      for (std::size_t k = 1; k < n; ++k) cuts.push_back(k);
      check(cuts);  // 1-byte chunks
    }
    const int reps = n > 1000 ? 20 : 100;
    for (int rep = 0; rep < reps; ++rep) check(random_cuts(n, rng, rep % 4 == 0 ? 2 : rep % 4 == 1 ? 5 : rep % 4 == 2 ? 64 : 700));
    INFO(first);
    CHECK(mismatches == 0);
  }
}

TEST_CASE("decode: the long UTF-16LE file without BOM is read as UTF-16LE whole or in chunks") {
  std::string utf8 = "Order ID\tOrder Date\tCustomer Name\tShipping Address\tProduct Name\tQuantity\tAmount\r\n";
  utf8 += repeat("1\t한국어상품명입니다아주긴상품이름\t서울특별시강남구테헤란로\r\n", 30);
  const std::string bytes = utf16(utf8, true, false);
  for (std::size_t chunk : {std::size_t{0}, std::size_t{512}, std::size_t{1}}) {
    CAPTURE(chunk);
    std::vector<std::size_t> cuts;
    if (chunk)
      for (std::size_t k = chunk; k < bytes.size(); k += chunk) cuts.push_back(k);
    const Decoded d = decode_cut(bytes, Encoding::Auto, cuts);
    INFO(describe(d));
    CHECK(d.encoding == Encoding::Utf16Le);
    CHECK(d.text == utf8);
    CHECK(d.invalid == 0);
  }
}

TEST_CASE("decode: an invalid UTF-8 sequence split by a chunk boundary is one U+FFFD, as in one chunk (found by fuzzing)") {
  // EC 83 is a valid start of a 3-byte sequence that ']' breaks: one maximal subpart, one U+FFFD.
  // Before the fix a cut after EC replaced EC and then 83 on its own: two U+FFFD.
  const std::string bytes = "a\xEC\x83]b";
  for (const std::vector<std::size_t>& cuts : {std::vector<std::size_t>{}, {2}, {3}, {1, 2, 3}}) {
    const Decoded d = decode_cut(bytes, Encoding::Utf8, cuts);
    CHECK(d.text == "a" + kFFFD + "]b");
    CHECK(d.invalid == 1);
    CHECK(d.examples == std::vector<Issue>{{1, 1, "EC 83"}});
  }
  // Cut short by the end of the file: F0 90 is one part whatever the chunking.
  for (const std::vector<std::size_t>& cuts : {std::vector<std::size_t>{}, {2}}) {
    const Decoded d = decode_cut("a\xF0\x90", Encoding::Utf8, cuts);
    CHECK(d.text == "a" + kFFFD);
    CHECK(d.examples == std::vector<Issue>{{1, 1, "F0 90"}});
  }
}

TEST_CASE("decode: a sequence cut short at the end of the file, held from the last push (found by UBSan while fuzzing)") {
  // finish() decodes the held EC 83 with no bytes after them: one U+FFFD, and no memcpy from
  // the null pointer of an empty view (undefined behaviour, reported by UBSan).
  const Decoded d = decode_cut("ab\xEC\x83", Encoding::Utf8, {3});
  CHECK(d.text == "ab" + kFFFD);
  CHECK(d.examples == std::vector<Issue>{{1, 2, "EC 83"}});
}
