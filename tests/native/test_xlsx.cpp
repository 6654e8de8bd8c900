// Reading .xlsx workbooks (src/xlsx): the XML scanner, Excel's date serials and formats, the
// zip directory, and whole workbooks made by tests/tools/make-xlsx-fixtures.mjs from known rows:
// the hand-made workbook's rows are worked out below; the re-saved CSV fixtures must read exactly
// as their CSV. Damaged files give a clear error naming the part, never a crash.
#include <doctest.h>

#include <string>
#include <vector>

#include "api/report_json.hpp"
#include "fixture_support.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingestor.hpp"
#include "native/xlsx_file.hpp"
#include "xlsx/excel_dates.hpp"
#include "xlsx/sheet_reader.hpp"
#include "xlsx/xml_scanner.hpp"
#include "xlsx/zip_directory.hpp"

using namespace orderlens;
using namespace orderlens::xlsx;
using json = nlohmann::ordered_json;

namespace {

std::string fixture(const std::string& name) { return testing::read_file(testing::source_dir() / "tests/fixtures/xlsx" / name); }

// The report JSON ({diagnostics, customers}) of a workbook, or {error}.
json xlsx_report(const std::string& bytes, const std::string& options = "{}", std::size_t chunk = 1 << 16) {
  json out;
  try {
    IngestResult r = read_xlsx_bytes(bytes, parse_ingest_options(options), chunk);
    out["diagnostics"] = diagnostics_json(r.diagnostics);
    out["customers"] = customers_json(*r.dataset, summarize_customers(*r.dataset, {}));
  } catch (const IngestError& e) {
    out["error"] = {{"code", ingest_error_code_name(e.code())}, {"message", e.what()}};
  }
  return out;
}

// Records every event as text: "<row r=1>", "</row>", "text".
struct Recorder : XmlHandler {
  std::string log;
  void on_start(std::string_view name, const XmlTag& tag, bool) override {
    log += "<" + std::string(name);
    tag.each([&](std::string_view n, std::string_view v) { log += " " + std::string(n) + "=" + std::string(v); });
    log += ">";
  }
  void on_end(std::string_view name) override { log += "</" + std::string(name) + ">"; }
  void on_text(std::string_view text) override { log += text; }
};

// A stored (uncompressed) zip of the given parts: enough for crafted damaged workbooks.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  auto u16 = [](std::string& s, std::uint32_t v) { s.push_back(char(v & 0xFF)), s.push_back(char(v >> 8 & 0xFF)); };
  auto u32 = [&](std::string& s, std::uint32_t v) { u16(s, v & 0xFFFF), u16(s, v >> 16); };
  std::string file, dir;
  for (const auto& [name, data] : parts) {
    const auto offset = static_cast<std::uint32_t>(file.size());
    file += "PK\x03\x04";
    u16(file, 20), u16(file, 0), u16(file, 0), u16(file, 0), u16(file, 0), u32(file, 0);
    u32(file, static_cast<std::uint32_t>(data.size())), u32(file, static_cast<std::uint32_t>(data.size()));
    u16(file, static_cast<std::uint32_t>(name.size())), u16(file, 0);
    file += name + data;
    dir += "PK\x01\x02";
    u16(dir, 20), u16(dir, 20), u16(dir, 0), u16(dir, 0), u16(dir, 0), u16(dir, 0), u32(dir, 0);
    u32(dir, static_cast<std::uint32_t>(data.size())), u32(dir, static_cast<std::uint32_t>(data.size()));
    u16(dir, static_cast<std::uint32_t>(name.size())), u16(dir, 0), u16(dir, 0), u16(dir, 0), u16(dir, 0), u32(dir, 0), u32(dir, offset);
    dir += name;
  }
  const auto dir_offset = static_cast<std::uint32_t>(file.size());
  file += dir;
  file += "PK\x05\x06";
  u16(file, 0), u16(file, 0), u16(file, static_cast<std::uint32_t>(parts.size())), u16(file, static_cast<std::uint32_t>(parts.size()));
  u32(file, static_cast<std::uint32_t>(dir.size())), u32(file, dir_offset), u16(file, 0);
  return file;
}

const std::string kWorkbook =
    R"(<workbook xmlns:r="r"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>)";
const std::string kRels =
    R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>)";

std::string crafted(const std::string& sheet1, const std::string& shared = "") {
  std::vector<std::pair<std::string, std::string>> parts = {{"xl/workbook.xml", kWorkbook}, {"xl/_rels/workbook.xml.rels", kRels},
                                                            {"xl/worksheets/sheet1.xml", sheet1},
                                                            {"xl/worksheets/sheet2.xml", "<worksheet><sheetData/></worksheet>"}};
  if (!shared.empty()) parts.push_back({"xl/sharedStrings.xml", shared});
  return stored_zip(parts);
}

std::string inline_row(int r, const std::vector<std::string>& cells) {
  std::string s = "<row r=\"" + std::to_string(r) + "\">";
  for (std::size_t c = 0; c < cells.size(); ++c)
    s += "<c r=\"" + std::string(1, char('A' + c)) + std::to_string(r) + "\" t=\"inlineStr\"><is><t>" + cells[c] + "</t></is></c>";
  return s + "</row>";
}

}  // namespace

TEST_CASE("XML scanner: tags, attributes, entities, CDATA, comments; any chunking gives the same events") {
  const std::string xml =
      "<?xml version=\"1.0\"?><!-- a comment --><x:sst a='1' b=\"x &amp; y\"><si><t>a &lt;b&gt; &#xD55C;&#44544;</t></si>"
      "<si><t><![CDATA[<raw>]]></t></si><e/></x:sst>";
  Recorder whole;
  XmlScanner s;
  s.push(xml, whole);
  s.finish(whole);
  CHECK(whole.log == "<sst a=1 b=x & y><si><t>a <b> 한글</t></si><si><t><raw></t></si><e></e></sst>");
  for (std::size_t step = 1; step < 9; ++step) {
    Recorder r;
    XmlScanner chunked;
    for (std::size_t i = 0; i < xml.size(); i += step) chunked.push(std::string_view(xml).substr(i, step), r);
    chunked.finish(r);
    CHECK(r.log == whole.log);
  }
  Recorder cut;
  XmlScanner broken;
  broken.push("<row><c r=\"A1", cut);
  CHECK_THROWS_AS(broken.finish(cut), XmlError);
}

TEST_CASE("Excel dates: serials in both date systems, the 1900 leap-year bug, date formats") {
  CHECK(excel_serial_to_text("1", false) == "1900-01-01");
  CHECK(excel_serial_to_text("59", false) == "1900-02-28");
  CHECK(excel_serial_to_text("60", false).empty());  // the 29 February 1900 that never was
  CHECK(excel_serial_to_text("61", false) == "1900-03-01");
  CHECK(excel_serial_to_text("45352.395833333336", false) == "2024-03-01 09:30:00");
  CHECK(excel_serial_to_text("45366.75", false) == "2024-03-15 18:00:00");
  CHECK(excel_serial_to_text("0", true) == "1904-01-01");
  CHECK(excel_serial_to_text("43890", true) == "2024-03-01");  // 45352 - 1462
  CHECK(excel_serial_to_text("abc", false).empty());
  CHECK(excel_serial_to_text("-1", false).empty());
  CHECK(is_date_format(14, ""));
  CHECK(is_date_format(22, ""));
  CHECK(is_date_format(57, ""));  // East Asian date
  CHECK_FALSE(is_date_format(0, ""));
  CHECK_FALSE(is_date_format(3, ""));
  CHECK(is_date_format(164, "yyyy\\-mm\\-dd\\ hh:mm:ss"));
  CHECK(is_date_format(165, "[$-412]yyyy\"년\" m\"월\" d\"일\""));
  CHECK(is_date_format(166, "[h]:mm"));
  CHECK_FALSE(is_date_format(167, "#,##0\"원\""));
  CHECK_FALSE(is_date_format(168, "[Red]0.00;[Blue]-0.00"));
  CHECK_FALSE(is_date_format(169, "General"));
}

TEST_CASE("cell references name columns") {
  CHECK(column_of_reference("A1") == 0);
  CHECK(column_of_reference("Z9") == 25);
  CHECK(column_of_reference("AA10") == 26);
  CHECK(column_of_reference("XFD1048576") == 16383);
  CHECK(column_of_reference("12") == 0xFFFFFFFFu);
}

TEST_CASE("the hand-made workbook: hidden guide sheet, title rows, typed cells, skipped cells and rows") {
  for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{1} << 16}) {
    const json r = xlsx_report(fixture("hand-minimal.xlsx"), "{}", chunk);
    REQUIRE_MESSAGE(!r.contains("error"), r.dump());
    const json& d = r["diagnostics"];
    CHECK(d["workbook"]["sheet"] == "주문");  // the first visible sheet; 안내 is hidden
    CHECK(d["workbook"]["sheets"] == json::array({"안내", "주문"}));
    CHECK(d["encoding"]["name"] == "xlsx");
    // Row 1 is a title, row 2 empty, the header on row 3 (the line numbers are the rows).
    CHECK(d["header"]["line"] == 3);
    CHECK(d["rows"]["read"] == 3);
    CHECK(d["rows"]["used"] == 3);
    CHECK(d["orders"]["paid"] == 3);
    CHECK(d["products"] == 3);  // 도자기 머그, 찻잔 세트 (two runs, no phonetic guide), Teapot "Classic", 1L
    const json& c = r["customers"];
    REQUIRE(c.size() == 2);
    // kim: A-1 on 2024-03-01 (12,000) and A-3 on 2024-03-15 (a formula's 24,000).
    CHECK(c[0]["id"] == "kim");
    CHECK(c[0]["orders"] == 2);
    CHECK(c[0]["netRevenue"] == 36000);
    CHECK(c[0]["firstOrder"] == "2024-03-01");
    CHECK(c[0]["lastOrder"] == "2024-03-15");
    CHECK(c[1]["id"] == "lee");
    CHECK(c[1]["netRevenue"] == 8500.5);
    CHECK(c[1]["firstOrder"] == "2024-03-02");
  }
  // The 1904 date system and stored entries give the same rows.
  const json a = xlsx_report(fixture("hand-minimal.xlsx")), b = xlsx_report(fixture("hand-1904.xlsx"));
  CHECK(a["customers"] == b["customers"]);
  // By name, ignoring case.
  CHECK(xlsx_report(fixture("hand-minimal.xlsx"), R"({"sheet":"안내"})")["error"]["code"] == "no_header");
}

TEST_CASE("an Excel re-save of a CSV reads exactly like the CSV (Korean text, dates, numbers)") {
  for (const auto& files : {std::pair<std::string, std::string>{"tests/fixtures/hand/cafe24-cp949.csv", "cafe24-cp949.xlsx"},
                                   {"tests/fixtures/generated/shopify-small.csv", "shopify-small.xlsx"}}) {
    // Named copies, not a structured binding: clang 14 (the sanitizer tree) cannot capture one
    // in the CHECK_MESSAGE lambdas.
    const std::string& csv = files.first;
    const std::string& xlsx = files.second;
    const json from_csv = testing::run_report(testing::read_file(testing::source_dir() / csv), "{}", "{}", 0);
    const json from_xlsx = xlsx_report(fixture(xlsx));
    REQUIRE_MESSAGE(!from_xlsx.contains("error"), from_xlsx.dump());
    CHECK(from_xlsx["customers"] == from_csv["customers"]);
    for (const char* key : {"rows", "orders", "lineItems", "customers", "products", "preset"})
      CHECK_MESSAGE(from_xlsx["diagnostics"][key] == from_csv["diagnostics"][key], xlsx << " " << key);
    // The same skipped rows and warnings, by reason and count; their line numbers differ where
    // the CSV has notes over several lines (a workbook's lines are its row numbers).
    for (const char* key : {"skipped", "warnings"}) {
      json a = from_xlsx["diagnostics"][key], b = from_csv["diagnostics"][key];
      for (json* list : {&a, &b})
        for (json& issue : *list) issue.erase("examples");
      CHECK_MESSAGE(a == b, xlsx << " " << key);
    }
  }
}

TEST_CASE("damaged workbooks: a clear error naming the part, never a crash") {
  const std::string good = fixture("hand-minimal.xlsx");
  for (std::size_t cut : {std::size_t{0}, std::size_t{10}, good.size() / 3, good.size() / 2, good.size() - 30, good.size() - 1}) {
    const json r = xlsx_report(good.substr(0, cut));
    REQUIRE(r.contains("error"));
    CHECK(r["error"]["code"] == "bad_workbook");
  }
  CHECK(xlsx_report(good.substr(0, good.size() - 1))["error"]["message"] ==
        "input: the file is not a complete zip (.xlsx) file: no end-of-directory record (was it cut short?)");
  const json missing = xlsx_report(good, R"({"sheet":"Returns","fileName":"orders.xlsx"})");
  CHECK(missing["error"]["code"] == "bad_option");
  CHECK(missing["error"]["message"] == "orders.xlsx: the workbook has no sheet \"Returns\"; its sheets are \"안내\", \"주문\"");
  // A sheet whose XML breaks off inside a tag.
  const json broken = xlsx_report(crafted("<worksheet><sheetData>" + inline_row(1, {"order_id", "customer_id", "date", "amount"}) + "<row r=\"2\"><c r=\"A2"));
  CHECK(broken["error"]["code"] == "bad_workbook");
  CHECK(broken["error"]["message"] == "input: the workbook part xl/worksheets/sheet1.xml does not parse: the XML ends inside a tag (at byte 255)");
  // A cell pointing past the shared strings.
  const json shared = xlsx_report(crafted(R"(<worksheet><sheetData><row r="1"><c r="B1" t="s"><v>5</v></c></row></sheetData></worksheet>)",
                                          "<sst><si><t>x</t></si></sst>"));
  CHECK(shared["error"]["message"] ==
        "input: the workbook part xl/worksheets/sheet1.xml does not parse: cell B1: refers to shared string 5, but the workbook has 1");
  // A </row> inside an open cell (found by mutating the fixtures): the cell ends with the row.
  const json open_cell = xlsx_report(crafted("<worksheet><sheetData>" + inline_row(1, {"order_id", "customer_id", "date", "amount"}) +
                                             R"(<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></row></sheetData></worksheet>)"));
  REQUIRE_MESSAGE(!open_cell.contains("error"), open_cell.dump());
  CHECK(open_cell["diagnostics"]["rows"]["read"] == 1);  // the row, with its one cell
  CHECK(open_cell["diagnostics"]["skipped"][0]["reason"] == "missing_customer");
  // A zip without a workbook.
  CHECK(xlsx_report(stored_zip({{"word/document.xml", "<w/>"}}))["error"]["message"] ==
        "input: a zip file without xl/workbook.xml, so not an Excel workbook (.xlsx)");
  // The second sheet by name, through an absolute relationship target: no rows.
  CHECK(xlsx_report(crafted(inline_row(1, {"a"})), R"({"sheet":"notes"})")["error"]["code"] == "empty_file");
}

TEST_CASE("rows keep their Excel row numbers in diagnostics, after a cell with line breaks too") {
  std::string sheet = "<worksheet><sheetData>" + inline_row(1, {"order_id", "customer_id", "date", "amount"}) +
                      inline_row(2, {"1", "a", "2024-01-05", "100"}) + inline_row(3, {"3", "note&#10;over&#10;lines", "2024-01-06", "5"}) +
                      inline_row(9, {"2", "b", "not a date", "100"}) +
                      "</sheetData></worksheet>";
  const json r = xlsx_report(crafted(sheet));
  REQUIRE_MESSAGE(!r.contains("error"), r.dump());
  const json& skipped = r["diagnostics"]["skipped"];
  REQUIRE(skipped.size() == 1);
  CHECK(skipped[0]["examples"][0]["line"] == 9);
  CHECK(skipped[0]["examples"][0]["column"] == 3);
}

namespace {

// Each record of a sheet as "line:v1|v2|…", read by SheetReader in chunks of `step` bytes.
std::vector<std::string> sheet_rows(const std::string& xml, std::size_t step, const SharedStringsReader* shared = nullptr) {
  std::vector<std::string> rows;
  SheetReader reader(shared, {false, true}, false, [&](const CsvRecord& record) {
    std::string row = std::to_string(record.line) + ":";
    for (std::size_t i = 0; i < record.size(); ++i) row += (i ? "|" : "") + std::string(record.field(i));
    rows.push_back(row);
  });
  for (std::size_t i = 0; i < xml.size(); i += step) reader.push(std::string_view(xml).substr(i, step));
  reader.finish();
  return rows;
}

}  // namespace

TEST_CASE("a </row> with no row open ends nothing (found by fuzzing: it gave an empty row 0)") {
  // fuzz/seeds/sheet_rows/stray-row-end holds the input the fuzzer found.
  const std::string xml = "<worksheet><sheetData></row><row r=\"2\"><c><v>5</v></c></row></row><row><c><v>6</v></c></row>"
                          "</sheetData></worksheet>";
  const std::vector<std::string> expected = {"2:5", "3:6"};
  for (std::size_t step = 1; step <= xml.size(); ++step) CHECK(sheet_rows(xml, step) == expected);
}

TEST_CASE("the rows scanner reads the XML a sheet may hold, in any chunking, and hands back what follows the rows") {
  // Prefixed names, single quotes, a '>' inside a value, entities in a reference and in text,
  // a comment and a processing instruction between cells, CDATA inside a value, a formula,
  // rich text with a phonetic run, self-closing cells and rows, and a row without "r".
  const std::string xml =
      "<x:worksheet><x:dimension ref='A1:C1'/><x:sheetData>"
      "<x:row r='1' spans=\"1:3\"><x:c r='A1' t='inlineStr' x14:note='a>b'><x:is><x:t>id</x:t></x:is></x:c>"
      "<x:c r=\"B&#49;\" t=\"s\"><x:v>1</x:v></x:c><!-- a <comment> --><?pi x?><x:c r=\"C1\"><x:v>3&amp;4</x:v></x:c></x:row>\n"
      "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>한</t></r><r><t xml:space=\"preserve\"> 글</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>ハン</t></rPh></is></c><c r=\"B4\" s=\"1\"><v>45352.5</v></c>"
      "<c r=\"C4\"><f>1+1</f><v><![CDATA[2]]></v></c></row>"
      "<row r=\"5\"/><row><c r=\"B6\" t=\"b\"><v>1</v></c><c r=\"C6\"/></row>"
      "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"A1:C1\"/></x:mergeCells></x:worksheet>";
  SharedStringsReader shared;
  shared.push("<sst><si><t>zero</t></si><si><t>name &lt;1&gt;</t></si></sst>");
  shared.finish();
  // By hand: row 1 from an inline string, shared string 1 and "3&4"; row 4 joins the runs and
  // leaves out the phonetic one, B4 is a date (style 1) at noon — serial 45292 is 2024-01-01,
  // so 45352 is 60 days later, 1 March of the leap year — and C4 the formula's result; the empty
  // row 5 is a record without values (a blank line, as in a CSV); the row without "r" is row 6.
  const std::vector<std::string> expected = {"1:id|name <1>|3&4", "4:한 글|2024-03-01 12:00:00|2", "5:", "6:|TRUE|"};
  CHECK(sheet_rows(xml, xml.size(), &shared) == expected);
  for (std::size_t step = 1; step <= 13; ++step) CHECK(sheet_rows(xml, step, &shared) == expected);
  CHECK_THROWS_AS(sheet_rows("<worksheet><sheetData><row><c r=\"A1\"><v>1</v></c></row><row><c r=\"A", 7), XmlError);
  CHECK_THROWS_AS(sheet_rows("<worksheet><sheetData><row><c r=A1><v>1</v></c></row></sheetData></worksheet>", 64), XmlError);
}

TEST_CASE("one long token pushed a byte at a time reads like one chunk (the carried token is not rescanned per byte)") {
  // 200,000-byte tokens: a tag with a long attribute, a comment, and a cell's text. Rescanning
  // the carried token on every one-byte push would take some 2·10^10 steps here.
  const std::string long_value(200000, 'x');
  const std::string xml = "<sst><si a=\"" + long_value + "\"><t>" + long_value + "</t></si><!--" + long_value + "--></sst>";
  Recorder whole;
  XmlScanner one;
  one.push(xml, whole);
  one.finish(whole);
  CHECK(whole.log == "<sst><si a=" + long_value + "><t>" + long_value + "</t></si></sst>");
  Recorder bytewise;
  XmlScanner scanner;
  for (const char c : xml) scanner.push(std::string_view(&c, 1), bytewise);
  scanner.finish(bytewise);
  CHECK(bytewise.log == whole.log);
  const std::string sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + long_value +
                            "</t></is></c></row></sheetData></worksheet>";
  CHECK(sheet_rows(sheet, 1) == std::vector<std::string>{"1:" + long_value});
}
