// Unit tests for src/util/text.hpp and src/util/string_pool.hpp.
#include <doctest.h>

#include <string>
#include <vector>

#include "util/string_pool.hpp"
#include "util/text.hpp"

using namespace orderlens;

namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";        // U+00A0, 2 bytes
constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF";  // U+202F, 3 bytes
constexpr std::string_view kIdeographic = "\xE3\x80\x80";  // U+3000, 3 bytes
constexpr std::string_view kBom = "\xEF\xBB\xBF";      // U+FEFF, 3 bytes

std::string cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (auto p : parts) s += p;
  return s;
}

// True when `s` is well-formed UTF-8 (no cut sequences).
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto u = static_cast<unsigned char>(s[i]);
    std::size_t len = u < 0x80 ? 1 : (u >> 5) == 0x6 ? 2 : (u >> 4) == 0xE ? 3 : (u >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

}  // namespace

TEST_CASE("test_text: ASCII helpers") {
  CHECK(is_ascii_digit('0'));
  CHECK(is_ascii_digit('9'));
  CHECK_FALSE(is_ascii_digit('a'));
  CHECK_FALSE(is_ascii_digit('/'));
  CHECK(is_ascii_alpha('a'));
  CHECK(is_ascii_alpha('Z'));
  CHECK_FALSE(is_ascii_alpha('0'));
  CHECK_FALSE(is_ascii_alpha('\xC3'));
  CHECK(ascii_lower('A') == 'a');
  CHECK(ascii_lower('z') == 'z');
  CHECK(ascii_lower('1') == '1');
  CHECK(ascii_lowercase("ABC def-XYZ") == "abc def-xyz");
  CHECK(ascii_lowercase("\xC3\x84" "BC") == "\xC3\x84" "bc");  // "Ä" is not ASCII: unchanged
  CHECK(ascii_lowercase("") == "");
}

TEST_CASE("test_text: leading_space_length / trailing_space_length") {
  CHECK(leading_space_length("") == 0);
  CHECK(leading_space_length("x") == 0);
  CHECK(leading_space_length(" x") == 1);
  CHECK(leading_space_length("\tx") == 1);
  CHECK(leading_space_length("\rx") == 1);
  CHECK(leading_space_length("\nx") == 1);
  CHECK(leading_space_length(cat({kNbsp, "x"})) == 2);
  CHECK(leading_space_length(cat({kNarrowNbsp, "x"})) == 3);
  CHECK(leading_space_length(cat({kIdeographic, "x"})) == 3);
  CHECK(leading_space_length(cat({kBom, "x"})) == 3);
  CHECK(leading_space_length("\xC3\xA9") == 0);        // "é" is a letter
  CHECK(leading_space_length("\xEA\xB0\x80") == 0);    // "가"
  CHECK(leading_space_length("\xC2") == 0);            // a cut NBSP is not a space
  CHECK(leading_space_length("\xE3\x80") == 0);        // a cut U+3000 is not a space
  CHECK(leading_space_length("  x") == 1);             // one space at a time

  CHECK(trailing_space_length("") == 0);
  CHECK(trailing_space_length("x") == 0);
  CHECK(trailing_space_length("x ") == 1);
  CHECK(trailing_space_length("x\r") == 1);
  CHECK(trailing_space_length(cat({"x", kNbsp})) == 2);
  CHECK(trailing_space_length(cat({"x", kNarrowNbsp})) == 3);
  CHECK(trailing_space_length(cat({"x", kIdeographic})) == 3);
  CHECK(trailing_space_length(cat({"x", kBom})) == 3);
  CHECK(trailing_space_length("\xC3\xA9") == 0);
  CHECK(trailing_space_length("\xA0") == 0);           // a continuation byte alone
  // "가" ends in 0x80 like U+3000 (E3 80 80), but it is not a space.
  CHECK(trailing_space_length("x\xEA\xB0\x80") == 0);
}

TEST_CASE("test_text: trim") {
  CHECK(trim("") == "");
  CHECK(trim("abc") == "abc");
  CHECK(trim("  abc  ") == "abc");
  CHECK(trim(" \t\r\nabc\r\n") == "abc");
  CHECK(trim(" a b ") == "a b");  // inner spaces stay
  CHECK(trim(cat({kNbsp, " abc ", kIdeographic})) == "abc");
  CHECK(trim(cat({kBom, "Name"})) == "Name");
  CHECK(trim(cat({kNarrowNbsp, kNbsp, kIdeographic, kBom, "x", kBom, kIdeographic, kNbsp, kNarrowNbsp})) == "x");
  CHECK(trim(cat({"a", kNbsp, "b"})) == cat({"a", kNbsp, "b"}));
  CHECK(trim(cat({kIdeographic, "주문번호", kIdeographic})) == "주문번호");
  CHECK(trim("   ") == "");
  CHECK(trim(cat({kNbsp, kIdeographic, kBom, " "})) == "");
  // trim returns a view into its argument
  const std::string s = "  abc ";
  const std::string_view t = trim(s);
  CHECK(t.data() == s.data() + 2);
  CHECK(t.size() == 3);
}

TEST_CASE("test_text: normalize_header_name") {
  CHECK(normalize_header_name("Lineitem quantity") == "lineitemquantity");
  CHECK(normalize_header_name("lineitem_quantity") == "lineitemquantity");
  CHECK(normalize_header_name("LINEITEM-QUANTITY") == "lineitemquantity");
  CHECK(normalize_header_name("총 결제금액") == "총결제금액");
  CHECK(normalize_header_name("총결제금액") == "총결제금액");
  CHECK(normalize_header_name(cat({"주문자", kNbsp, "휴대전화"})) == "주문자휴대전화");
  CHECK(normalize_header_name(cat({"주문자", kIdeographic, "휴대전화"})) == "주문자휴대전화");
  CHECK(normalize_header_name(cat({kBom, "Name"})) == "name");
  CHECK(normalize_header_name("Order #") == "order");
  CHECK(normalize_header_name("Coupon(s)") == "coupons");
  CHECK(normalize_header_name("Created date (UTC)") == "createddateutc");
  CHECK(normalize_header_name("결제일시(입금확인일)") == "결제일시입금확인일");
  CHECK(normalize_header_name("E-mail") == "email");
  CHECK(normalize_header_name("Product(s)") == "products");
  CHECK(normalize_header_name("a.b,c;d:e!f?g'h\"i/j\\k|l@m$n%o^p&q*r+s=t<u>v[w]x{y}z~`") ==
        "abcdefghijklmnopqrstuvwxyz");
  CHECK(normalize_header_name("주문자ID") == "주문자id");        // ASCII letters lower-cased
  CHECK(normalize_header_name("\xC3\x84nderung") == "\xC3\x84nderung");  // non-ASCII kept as is
  CHECK(normalize_header_name("Tax 1 Name") == "tax1name");      // digits kept
  CHECK(normalize_header_name("") == "");
  CHECK(normalize_header_name(" - ") == "");
}

TEST_CASE("test_text: append_utf8") {
  std::string out;
  append_utf8(out, U'A');
  CHECK(out == "A");
  append_utf8(out, U'\u00E9');  // é: C3 A9
  CHECK(out == "A\xC3\xA9");
  out.clear();
  append_utf8(out, U'\uAC00');  // 가: EA B0 80
  CHECK(out == "\xEA\xB0\x80");
  CHECK(out == "가");
  out.clear();
  append_utf8(out, U'\U0001F600');  // F0 9F 98 80
  CHECK(out == "\xF0\x9F\x98\x80");
  out.clear();
  append_utf8(out, U'\u07FF');  // last 2-byte: DF BF
  append_utf8(out, U'\u0800');  // first 3-byte: E0 A0 80
  append_utf8(out, U'\uFFFF');  // EF BF BF
  append_utf8(out, U'\U00010000');  // F0 90 80 80
  CHECK(out == "\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80");
}

TEST_CASE("test_text: is_placeholder_value") {
  CHECK(is_placeholder_value("-"));
  CHECK(is_placeholder_value("n/a"));
  CHECK(is_placeholder_value("N/A"));
  CHECK(is_placeholder_value("null"));
  CHECK(is_placeholder_value("NULL"));
  CHECK(is_placeholder_value("None"));
  CHECK(is_placeholder_value("none"));
  CHECK(is_placeholder_value("없음"));
  CHECK(is_placeholder_value("(없음)"));  // the same word in parentheses, as Korean exports write it

  CHECK_FALSE(is_placeholder_value("a"));
  CHECK_FALSE(is_placeholder_value("0"));
  CHECK_FALSE(is_placeholder_value("abc"));
  CHECK_FALSE(is_placeholder_value("nonexistent"));
  CHECK_FALSE(is_placeholder_value("없음없음"));
  CHECK_FALSE(is_placeholder_value("john@example.com"));
}

TEST_CASE("test_text: printable_excerpt") {
  CHECK(printable_excerpt("abc") == "abc");
  CHECK(printable_excerpt("") == "");
  CHECK(printable_excerpt("a\nb\tc\x01" "d\x7F" "e\r") == "a b\tc d e ");  // TAB kept
  CHECK(printable_excerpt("주문번호") == "주문번호");

  // Cut on a UTF-8 boundary: "가나다" is 9 bytes (3 per syllable); 4 or 5 bytes keep "가" only.
  for (std::size_t max_bytes : {3u, 4u, 5u}) {
    CAPTURE(max_bytes);
    const std::string e = printable_excerpt("가나다", max_bytes);
    CHECK(valid_utf8(e));
    CHECK(e.rfind("가", 0) == 0);
    CHECK(e.find("나") == std::string::npos);
  }
  {
    const std::string e = printable_excerpt("가나다", 6);
    CHECK(valid_utf8(e));
    CHECK(e.rfind("가나", 0) == 0);
    CHECK(e.find("다") == std::string::npos);
  }
  {
    // 2-byte and 4-byte sequences: "é" = 2 bytes, emoji = 4 bytes
    const std::string e = printable_excerpt("\xC3\xA9\xF0\x9F\x98\x80z", 4);
    CHECK(valid_utf8(e));
    CHECK(e.rfind("\xC3\xA9", 0) == 0);
    CHECK(e.find('\xF0') == std::string::npos);
  }
  {
    // An ASCII cut keeps exactly max_bytes of the text.
    const std::string e = printable_excerpt(std::string(100, 'x'), 60);
    CHECK(e.rfind(std::string(60, 'x'), 0) == 0);
    CHECK(e.find(std::string(61, 'x')) == std::string::npos);
    CHECK(valid_utf8(e));
  }
  {
    // A value of exactly max_bytes is not cut.
    CHECK(printable_excerpt("가나", 6) == "가나");
    CHECK(printable_excerpt(std::string(60, 'y')) == std::string(60, 'y'));
  }
  {
    // Control characters are replaced also in a cut excerpt.
    const std::string e = printable_excerpt("a\nb\nc\nd", 3);
    CHECK(e.rfind("a b", 0) == 0);
    CHECK(e.find('\n') == std::string::npos);
  }
}

TEST_CASE("test_text: StringPool basics") {
  StringPool pool;
  CHECK(pool.size() == 1);  // kNone only
  CHECK(pool.view(StringPool::kNone) == "");
  CHECK(pool.intern("") == StringPool::kNone);
  CHECK(pool.size() == 1);
  CHECK(pool.find("") == StringPool::kNone);
  CHECK(pool.find("a") == StringPool::kNone);

  CHECK(pool.intern("a") == 1u);
  CHECK(pool.intern("b") == 2u);
  CHECK(pool.intern("a") == 1u);
  CHECK(pool.intern("주문번호") == 3u);
  CHECK(pool.intern(std::string("b")) == 2u);
  CHECK(pool.size() == 4);
  CHECK(pool.find("a") == 1u);
  CHECK(pool.find("b") == 2u);
  CHECK(pool.find("주문번호") == 3u);
  CHECK(pool.find("c") == StringPool::kNone);
  CHECK(pool.find("A") == StringPool::kNone);  // case-sensitive
  CHECK(pool.size() == 4);                     // find adds nothing
  CHECK(pool.view(1) == "a");
  CHECK(pool.view(2) == "b");
  CHECK(pool.view(3) == "주문번호");
  // strings with embedded NUL bytes are distinct values
  const std::string with_nul("x\0y", 3);
  const std::uint32_t id = pool.intern(with_nul);
  CHECK(id == 4u);
  CHECK(pool.view(id) == with_nul);
  CHECK(pool.find("x") == StringPool::kNone);
  CHECK(pool.memory_bytes() > 0);
}

TEST_CASE("test_text: StringPool ids stay dense and views stable over 100k strings") {
  StringPool pool;
  constexpr std::uint32_t kCount = 100000;
  std::vector<std::string_view> first_views;
  first_views.reserve(kCount);
  const std::size_t memory_before = pool.memory_bytes();
  for (std::uint32_t i = 0; i < kCount; ++i) {
    std::string s = "customer-" + std::to_string(i) + "@example.com";
    const std::uint32_t id = pool.intern(s);
    if (id != i + 1) {
      FAIL_CHECK("id " << id << " for string " << i << ", expected " << i + 1);
      break;
    }
    first_views.push_back(pool.view(id));
    s.assign(s.size(), '#');  // the pool must have copied the characters
  }
  REQUIRE(first_views.size() == kCount);
  // A string longer than any block, added after all the others.
  const std::string big(3u << 20, 'z');
  CHECK(pool.intern(big) == kCount + 1);
  CHECK(pool.view(kCount + 1) == big);
  CHECK(pool.size() == kCount + 2);
  CHECK(pool.memory_bytes() > memory_before);
  CHECK(pool.memory_bytes() >= big.size());

  std::uint32_t bad_views = 0, bad_find = 0, bad_reintern = 0;
  for (std::uint32_t i = 0; i < kCount; ++i) {
    const std::string s = "customer-" + std::to_string(i) + "@example.com";
    const std::string_view v = pool.view(i + 1);
    // the same characters at the same address as when first handed out
    if (v.data() != first_views[i].data() || v != s || first_views[i] != s) ++bad_views;
    if (pool.find(s) != i + 1) ++bad_find;
    if (pool.intern(s) != i + 1) ++bad_reintern;
  }
  CHECK(bad_views == 0);
  CHECK(bad_find == 0);
  CHECK(bad_reintern == 0);
  CHECK(pool.size() == kCount + 2);
}
