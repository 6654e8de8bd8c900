// Unit tests of the streaming CSV tokenizer (src/ingest/csv_tokenizer.hpp).
//
// Every expected record below is worked out by hand from the header's documentation:
// RFC 4180 fields, record.line = 1-based physical line where the record starts (LF, CRLF and
// a lone CR each end one physical line, also inside quotes), blank = an empty line, and the
// leniencies listed in the header comment. The chunking property then checks that any split
// of the text into pushes gives exactly the one-push records.
#include <doctest.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/csv_tokenizer.hpp"
#include "ingest/ingest_error.hpp"

using orderlens::CsvDialect;
using orderlens::CsvRecord;
using orderlens::CsvTokenizer;
using orderlens::IngestError;
using orderlens::IngestErrorCode;
using orderlens::RecordSink;

namespace {

constexpr std::size_t kNoLimit = std::size_t{64} << 20;

// A full copy of one record, every field and flag, so chunked and one-push parses can be compared.
struct Rec {
  std::vector<std::string> fields;
  std::uint64_t line = 0;
  bool blank = false;
  bool unterminated_quote = false;
  std::uint64_t quote_open_line = 0;
  std::uint32_t quote_open_field = 0;
  std::uint32_t nul_bytes_removed = 0;
  std::uint32_t text_after_quote = 0;
  std::uint32_t text_after_quote_field = 0;

  bool operator==(const Rec&) const = default;
};

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == '\0') out += "\\0";
    else if (c == '"') out += "\\\"";
    else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", u);
      out += buf;
    } else out += c;
  }
  return out;
}

std::string describe(const Rec& r) {
  std::ostringstream os;
  os << "{line " << r.line << (r.blank ? " blank" : "") << " [";
  for (std::size_t i = 0; i < r.fields.size(); ++i) os << (i ? "," : "") << '"' << escape(r.fields[i]) << '"';
  os << "]";
  if (r.unterminated_quote) os << " unterminated(q-line " << r.quote_open_line << " q-field " << r.quote_open_field << ")";
  if (r.nul_bytes_removed) os << " nul=" << r.nul_bytes_removed;
  if (r.text_after_quote) os << " taq=" << r.text_after_quote << "@" << r.text_after_quote_field;
  os << "}";
  return os.str();
}

std::string describe(const std::vector<Rec>& rs) {
  std::string out;
  for (const Rec& r : rs) out += describe(r) + "\n";
  return out;
}

class Collector : public RecordSink {
 public:
  void on_record(const CsvRecord& r) override {
    Rec c;
    for (std::size_t i = 0; i < r.size(); ++i) c.fields.emplace_back(r.field(i));
    c.line = r.line;
    c.blank = r.blank;
    c.unterminated_quote = r.unterminated_quote;
    c.quote_open_line = r.quote_open_line;
    c.quote_open_field = r.quote_open_field;
    c.nul_bytes_removed = r.nul_bytes_removed;
    c.text_after_quote = r.text_after_quote;
    c.text_after_quote_field = r.text_after_quote_field;
    records.push_back(std::move(c));
  }
  std::vector<Rec> records;
};

struct ParseResult {
  std::vector<Rec> records;
  std::uint64_t line_breaks = 0;
  bool operator==(const ParseResult&) const = default;
};

// Parses `text` pushed as the chunks delimited by `cuts` (sorted offsets inside the text).
ParseResult parse_cut(std::string_view text, char delimiter, const std::vector<std::size_t>& cuts,
                      std::size_t limit = kNoLimit) {
  CsvTokenizer tok(CsvDialect{delimiter, '"'}, limit);
  Collector sink;
  std::size_t pos = 0;
  for (std::size_t cut : cuts) {
    tok.push(text.substr(pos, cut - pos), sink);
    pos = cut;
  }
  tok.push(text.substr(pos), sink);
  tok.finish(sink);
  return {std::move(sink.records), tok.line_breaks()};
}

ParseResult parse(std::string_view text, char delimiter = ',') { return parse_cut(text, delimiter, {}); }

// ------------------------------------------------------------------ expected records
// Expected record: fields, start line, blank; optional flags.
struct Want {
  std::vector<std::string> fields;
  std::uint64_t line;
  bool blank = false;
  bool unterminated = false;
  std::uint64_t quote_open_line = 0;
  std::uint32_t quote_open_field = 0;
  std::uint32_t nul = 0;
  std::uint32_t taq = 0;
  std::uint32_t taq_field = 0;
};

Want blank_line(std::uint64_t line) { return Want{{}, line, true}; }

struct Case {
  const char* name;
  std::string text;
  char delimiter;
  std::vector<Want> want;
  std::uint64_t line_breaks;
};

// A string literal that may hold NUL bytes.
template <std::size_t N>
std::string S(const char (&s)[N]) {
  return std::string(s, N - 1);
}

std::vector<Case> tricky_cases() {
  std::vector<Case> cs;
  auto add = [&](const char* name, std::string text, std::vector<Want> want, std::uint64_t breaks, char d = ',') {
    cs.push_back(Case{name, std::move(text), d, std::move(want), breaks});
  };
  add("plain LF", "a,b,c\n1,2,3\n", {{{"a", "b", "c"}, 1}, {{"1", "2", "3"}, 2}}, 2);
  add("quoted field with delimiter", "\"a,b\",c\n", {{{"a,b", "c"}, 1}}, 1);
  add("escaped quotes", "\"say \"\"hi\"\"\",x\n\"\"\"\"\n", {{{"say \"hi\"", "x"}, 1}, {{"\""}, 2}}, 2);
  add("quoted LF", "id,note\n1,\"line1\nline2\"\n2,x\n",
      {{{"id", "note"}, 1}, {{"1", "line1\nline2"}, 2}, {{"2", "x"}, 4}}, 4);
  add("quoted CRLF", "1,\"a\r\nb\"\r\n2,c\r\n", {{{"1", "a\r\nb"}, 1}, {{"2", "c"}, 3}}, 3);
  add("quoted lone CR", "1,\"a\rb\"\r2,c\r", {{{"1", "a\rb"}, 1}, {{"2", "c"}, 3}}, 3);
  add("quoted LF then CR (two lines)", "\"a\n\rb\",c\nd", {{{"a\n\rb", "c"}, 1}, {{"d"}, 4}}, 3);
  add("quoted CR then quote then LF", "\"a\r\"\nb", {{{"a\r"}, 1}, {{"b"}, 3}}, 2);
  add("quoted CRLF CRLF", "\"\r\n\r\n\",x\ny", {{{"\r\n\r\n", "x"}, 1}, {{"y"}, 4}}, 3);
  add("CR record ends", "a\rb\rc", {{{"a"}, 1}, {{"b"}, 2}, {{"c"}, 3}}, 2);
  add("LF record ends", "a\nb\nc\n", {{{"a"}, 1}, {{"b"}, 2}, {{"c"}, 3}}, 3);
  add("CRLF record ends", "a,b\r\nc,d\r\n", {{{"a", "b"}, 1}, {{"c", "d"}, 2}}, 2);
  add("mixed line ends", "a\r\nb\nc\rd", {{{"a"}, 1}, {{"b"}, 2}, {{"c"}, 3}, {{"d"}, 4}}, 3);
  add("lone CR line end then LF-ended", "x,y\rz\n", {{{"x", "y"}, 1}, {{"z"}, 2}}, 2);
  add("empty fields", ",,\na,,b\n", {{{"", "", ""}, 1}, {{"a", "", "b"}, 2}}, 2);
  add("trailing delimiter", "a,b,\nc,d,", {{{"a", "b", ""}, 1}, {{"c", "d", ""}, 2}}, 1);
  add("only a delimiter", ",", {{{"", ""}, 1}}, 0);
  add("last line without newline", "a,b\nc,d", {{{"a", "b"}, 1}, {{"c", "d"}, 2}}, 1);
  add("trailing empty lines", "a\n\n\n", {{{"a"}, 1}, blank_line(2), blank_line(3)}, 3);
  add("trailing empty CRLF lines", "a\r\n\r\n\r\n", {{{"a"}, 1}, blank_line(2), blank_line(3)}, 3);
  add("blank line in the middle", "a\n\nb\n", {{{"a"}, 1}, blank_line(2), {{"b"}, 3}}, 3);
  add("LF then CR are two blank lines", "\n\r", {blank_line(1), blank_line(2)}, 2);
  add("CRLF alone is one blank line", "\r\n", {blank_line(1)}, 1);
  add("empty input", "", {}, 0);
  add("empty quoted field", "\"\",a\n\"\"\n", {{{"", "a"}, 1}, {{""}, 2}}, 2);
  add("quote inside unquoted field", "12\" pizza,3\nab\"c\"d,e\n", {{{"12\" pizza", "3"}, 1}, {{"ab\"c\"d", "e"}, 2}},
      2);
  add("space before quote keeps quotes literal", " \"a\",b\n", {{{" \"a\"", "b"}, 1}}, 1);
  {
    Want w{{"ab", "c"}, 1};
    w.taq = 1;
    w.taq_field = 0;
    Want w2{{"x", "q  r"}, 2};
    w2.taq = 1;
    w2.taq_field = 1;
    Want w3{{"ab", "cd", "e"}, 3};
    w3.taq = 2;
    w3.taq_field = 0;
    add("text after closing quote", "\"a\"b,c\nx,\"q\"  r\n\"a\"b,\"c\"d,e\n", {w, w2, w3}, 3);
  }
  {
    Want w{{"ab", "c"}, 1};
    w.nul = 1;
    Want w2{{"xy", ""}, 2};
    w2.nul = 2;
    Want w3{{"d"}, 3};
    add("NUL bytes removed", S("a\0b,c\n\"x\0y\",\0\nd\n"), {w, w2, w3}, 3);
  }
  {
    Want w{{"1", "open\nmore\n"}, 2};
    w.unterminated = true;
    w.quote_open_line = 2;
    w.quote_open_field = 1;
    add("unterminated quote at EOF", "a,b\n1,\"open\nmore\n", {{{"a", "b"}, 1}, w}, 3);
  }
  {
    Want w{{"x\ny", "z"}, 1};
    Want w2{{"", "p,q\r\n"}, 3};
    w2.unterminated = true;
    w2.quote_open_line = 3;
    w2.quote_open_field = 1;
    add("closed quote then unterminated quote", "\"x\ny\",z\r\n,\"p,q\r\n", {w, w2}, 3);
  }
  add("Korean UTF-8", "이름,금액,메모\n김민수,\"1,000원\",\"배송 전\n연락\"\n",
      {{{"이름", "금액", "메모"}, 1}, {{"김민수", "1,000원", "배송 전\n연락"}, 2}}, 3);
  add("semicolon", "a;b;\"c;d\"\n1,5;2\n", {{{"a", "b", "c;d"}, 1}, {{"1,5", "2"}, 2}}, 2, ';');
  add("TAB", "a\tb\n\"x\ty\"\tz\n,\t\n", {{{"a", "b"}, 1}, {{"x\ty", "z"}, 2}, {{",", ""}, 3}}, 3, '\t');
  add("pipe", "a|b|c\n|\n\"|\"|,\n", {{{"a", "b", "c"}, 1}, {{"", ""}, 2}, {{"|", ","}, 3}}, 3, '|');
  add("quoted fields closed before CRLF and CR", "\"a\"\r\n\"b\"\r\"c\"", {{{"a"}, 1}, {{"b"}, 2}, {{"c"}, 3}}, 2);
  return cs;
}

Rec to_rec(const Want& w) {
  Rec r;
  r.fields = w.fields;
  r.line = w.line;
  r.blank = w.blank;
  r.unterminated_quote = w.unterminated;
  r.nul_bytes_removed = w.nul;
  r.text_after_quote = w.taq;
  r.text_after_quote_field = w.taq_field;
  return r;
}

// Compares what the header documents: fields (not for blank lines, whose field list is not
// documented), line, blank, and the leniency flags; quote_open_* only when the quote is open.
bool matches(const Rec& got, const Want& w) {
  if (got.line != w.line || got.blank != w.blank) return false;
  if (!w.blank && got.fields != w.fields) return false;
  if (got.unterminated_quote != w.unterminated) return false;
  if (w.unterminated && (got.quote_open_line != w.quote_open_line || got.quote_open_field != w.quote_open_field))
    return false;
  if (got.nul_bytes_removed != w.nul || got.text_after_quote != w.taq) return false;
  if (w.taq && got.text_after_quote_field != w.taq_field) return false;
  return true;
}

std::vector<std::size_t> random_cuts(std::size_t n, std::mt19937& rng, std::size_t max_chunk) {
  std::vector<std::size_t> cuts;
  std::uniform_int_distribution<std::size_t> step(1, max_chunk);
  for (std::size_t pos = step(rng); pos < n; pos += step(rng)) cuts.push_back(pos);
  return cuts;
}

}  // namespace

TEST_CASE("csv tokenizer: tricky inputs give the hand-computed records") {
  for (const Case& c : tricky_cases()) {
    const std::string name = c.name;
    CAPTURE(name);
    const ParseResult got = parse(c.text, c.delimiter);
    INFO("input: \"", escape(c.text), "\"\nrecords:\n", describe(got.records));
    CHECK(got.line_breaks == c.line_breaks);
    REQUIRE(got.records.size() == c.want.size());
    for (std::size_t i = 0; i < c.want.size(); ++i) {
      CAPTURE(i);
      INFO("expected ", describe(to_rec(c.want[i])));
      CHECK(matches(got.records[i], c.want[i]));
    }
  }
}

TEST_CASE("csv tokenizer: blank lines have no content and a field list of at most one empty field") {
  const ParseResult got = parse("\n");
  REQUIRE(got.records.size() == 1);
  CHECK(got.records[0].blank);
  CHECK(got.records[0].fields.size() <= 1);
  for (const auto& f : got.records[0].fields) CHECK(f.empty());
}

TEST_CASE("csv tokenizer: a record of one empty quoted field or one NUL is not blank") {
  {
    const ParseResult got = parse("\"\"\n");
    REQUIRE(got.records.size() == 1);
    CHECK_FALSE(got.records[0].blank);
    CHECK(got.records[0].fields == std::vector<std::string>{""});
  }
  {
    const ParseResult got = parse(std::string("\0\n", 2));
    REQUIRE(got.records.size() == 1);
    CHECK_FALSE(got.records[0].blank);  // a NUL is a byte between the line ends
    CHECK(got.records[0].nul_bytes_removed == 1);
    CHECK(got.records[0].fields == std::vector<std::string>{""});
  }
}

TEST_CASE("csv tokenizer: dialect() reports the delimiter") {
  CsvTokenizer tok(CsvDialect{';', '"'}, kNoLimit);
  CHECK(tok.dialect().delimiter == ';');
  CHECK(tok.dialect().quote == '"');
}

TEST_CASE("csv tokenizer: every chunking gives the one-push records and line breaks") {
  std::mt19937 rng(20240517u);
  for (const Case& c : tricky_cases()) {
    const std::string name = c.name;
    CAPTURE(name);
    const ParseResult whole = parse(c.text, c.delimiter);
    const std::size_t n = c.text.size();
    std::string first_mismatch;
    std::size_t mismatches = 0;
    auto check = [&](const std::vector<std::size_t>& cuts) {
      const ParseResult got = parse_cut(c.text, c.delimiter, cuts);
      if (got == whole) return;
      if (mismatches++ == 0) {
        std::string where;
        for (std::size_t k : cuts) where += std::to_string(k) + " ";
        first_mismatch = "cuts at [" + where + "] gave line_breaks " + std::to_string(got.line_breaks) + " and\n" +
                         describe(got.records) + "one push gave line_breaks " + std::to_string(whole.line_breaks) +
                         " and\n" + describe(whole.records);
      }
    };
    // Two chunks, at every split point (including an empty first or last chunk).
    for (std::size_t k = 0; k <= n; ++k) check({k});
    // Every byte its own chunk.
    {
      std::vector<std::size_t> cuts;
      for (std::size_t k = 1; k < n; ++k) cuts.push_back(k);
      check(cuts);
    }
    // Three chunks at every pair of split points for short inputs.
    if (n <= 40)
      for (std::size_t a = 1; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b) check({a, b});
    // Random multi-splits with chunks of 1..2, 1..3, 1..7 bytes.
    for (int rep = 0; rep < 200; ++rep) check(random_cuts(n, rng, rep % 3 == 0 ? 2 : rep % 3 == 1 ? 3 : 7));
    INFO(first_mismatch);
    CHECK(mismatches == 0);
  }
}

TEST_CASE("csv tokenizer: chunking property on a longer mixed input") {
  // All the tricky inputs glued together (with ',' as delimiter), a few hundred bytes.
  std::string text;
  for (const Case& c : tricky_cases())
    if (c.delimiter == ',' && !c.text.empty() && std::string_view(c.name).find("unterminated") == std::string_view::npos)
      text += c.text + "\n";
  const ParseResult whole = parse(text);
  CHECK(whole.records.size() > 50);
  std::mt19937 rng(7u);
  std::size_t mismatches = 0;
  for (std::size_t k = 0; k <= text.size(); ++k) mismatches += !(parse_cut(text, ',', {k}) == whole);
  for (int rep = 0; rep < 300; ++rep) mismatches += !(parse_cut(text, ',', random_cuts(text.size(), rng, 1 + rep % 16)) == whole);
  CHECK(mismatches == 0);
}

TEST_CASE("csv tokenizer: max_record_bytes") {
  // Parsing `text` as one chunk and cut at every byte must throw RecordTooLarge naming each of
  // `lines` ("line 3", ...).
  auto check_too_large = [](const std::string& text, std::size_t limit, std::initializer_list<const char*> lines) {
    std::vector<std::size_t> every_byte;
    for (std::size_t k = 1; k < text.size(); ++k) every_byte.push_back(k);
    for (const auto& cuts : {std::vector<std::size_t>{}, every_byte}) {
      bool threw = false;
      try {
        parse_cut(text, ',', cuts, limit);
      } catch (const IngestError& err) {
        threw = true;
        CHECK(err.code() == IngestErrorCode::RecordTooLarge);
        const std::string msg = err.what();
        INFO(msg);
        for (const char* line : lines) CHECK(msg.find(line) != std::string::npos);
      }
      CHECK(threw);
    }
  };

  SUBCASE("records under the limit parse") {
    const std::string text = "id,name\n1,abcdefghij\n";  // 6 and 11 field bytes
    const ParseResult got = parse_cut(text, ',', {}, 16);
    REQUIRE(got.records.size() == 2);
    CHECK(got.records[1].fields == std::vector<std::string>{"1", "abcdefghij"});
  }

  SUBCASE("an unquoted record over the limit names its line") {
    check_too_large("id,name\n1,short\n2," + std::string(40, 'x') + "\n3,y\n", 16, {"line 3"});
  }

  SUBCASE("an open quote: the message names the record's line and the quote's line") {
    // The record starts on line 2; its first quoted field closes on line 3 and the quote of
    // its second field opens on line 3 and never closes.
    check_too_large("h\n\"a\nb\",\"c\n" + std::string(40, 'd') + "\n", 16, {"line 2", "line 3"});
  }

  SUBCASE("an open quote whose limit is crossed by an escaped quote still names the quote's line") {
    // Record on line 2; field 0 = "a\nb" (3 bytes), field 1 opens its quote on line 3:
    // "c\n" + 10 x 'd' = 15 bytes, then "" adds a 16th byte (a quote) over the limit of 15.
    check_too_large("h\n\"a\nb\",\"c\ndddddddddd\"\"e\"\n", 15, {"line 2", "line 3"});
  }
}

TEST_CASE("csv tokenizer: a 10 MB field parses intact") {
  // A quoted field of 10 MB holding delimiters, line ends of all kinds and escaped quotes,
  // then an unquoted 10 MB field.
  const std::string unit = "abc,def\"\"gh\ni\r\nj\rk;|\t한글 ";  // 8+4+... bytes, one "" per unit
  std::string raw_field;
  std::string expected_field;
  std::uint64_t lf_in_field = 0;
  const std::string unit_expected = "abc,def\"gh\ni\r\nj\rk;|\t한글 ";
  while (expected_field.size() < (std::size_t{10} << 20)) {
    raw_field += unit;
    expected_field += unit_expected;
    lf_in_field += 3;  // LF, CRLF, lone CR
  }
  const std::string plain(std::size_t{10} << 20, 'z');
  const std::string text = "id,blob,tail\n1,\"" + raw_field + "\",end\n2," + plain + ",x\n3,y,z";
  std::mt19937 rng(99u);
  for (int variant = 0; variant < 2; ++variant) {
    std::vector<std::size_t> cuts;
    if (variant == 1) {  // chunks of random sizes up to 64 KB
      std::uniform_int_distribution<std::size_t> step(1, 65536);
      for (std::size_t pos = step(rng); pos < text.size(); pos += step(rng)) cuts.push_back(pos);
    }
    const ParseResult got = parse_cut(text, ',', cuts);
    REQUIRE(got.records.size() == 4);
    CHECK(got.records[1].line == 2);
    REQUIRE(got.records[1].fields.size() == 3);
    CHECK(got.records[1].fields[0] == "1");
    CHECK(got.records[1].fields[1].size() == expected_field.size());
    CHECK(got.records[1].fields[1] == expected_field);
    CHECK(got.records[1].fields[2] == "end");
    CHECK(got.records[2].line == 3 + lf_in_field);
    REQUIRE(got.records[2].fields.size() == 3);
    CHECK(got.records[2].fields[1] == plain);
    CHECK(got.records[3].line == 4 + lf_in_field);
    CHECK(got.records[3].fields == std::vector<std::string>{"3", "y", "z"});
    CHECK(got.line_breaks == 3 + lf_in_field);
  }
}

TEST_CASE("csv tokenizer: NULs between a closing quote and a second quote are removed, whatever the chunking (found by fuzzing)") {
  // "a"<NUL><NUL>"b": the NULs go, then "" is one quote inside the field: a"b, as a chunked
  // read already gave. A one-chunk read kept the NULs and both quotes (a"<NUL><NUL>"b).
  const std::string text("x,\"a\"\0\0\"b\",y\n", 13);
  for (const std::vector<std::size_t>& cuts : {std::vector<std::size_t>{}, {5}, {6}, {7}, {3, 6, 8}}) {
    const ParseResult got = parse_cut(text, ',', cuts);
    REQUIRE(got.records.size() == 1);
    CHECK(got.records[0].fields == std::vector<std::string>{"x", "a\"b", "y"});
    CHECK(got.records[0].nul_bytes_removed == 2);
  }
}
