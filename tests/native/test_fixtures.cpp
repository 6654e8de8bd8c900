// Runs every hand-made fixture (tests/fixtures/hand) through the native core, pushed whole and in
// several chunk sizes: every chunking must give the same report, and the report must contain
// the hand-computed expectations.
#include <doctest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "fixture_support.hpp"

namespace fs = std::filesystem;
using orderlens::testing::read_file;
using orderlens::testing::run_report;
using orderlens::testing::source_dir;
using orderlens::testing::subset_mismatch;

namespace {

struct Fixture {
  fs::path data;
  fs::path expected;
};

std::vector<Fixture> hand_fixtures() {
  std::vector<Fixture> out;
  const fs::path dir = source_dir() / "tests" / "fixtures" / "hand";
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = ".expected.json";
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    const std::string stem = name.substr(0, name.size() - suffix.size());
    for (const auto& other : fs::directory_iterator(dir)) {
      const std::string o = other.path().filename().string();
      if (o != name && o.rfind(stem + ".", 0) == 0 && o.find(".expected.json") == std::string::npos)
        out.push_back({other.path(), entry.path()});
    }
  }
  std::sort(out.begin(), out.end(), [](const Fixture& a, const Fixture& b) { return a.data < b.data; });
  return out;
}

}  // namespace

TEST_CASE("hand-made fixtures: expected results, identical for every chunking") {
  const std::vector<Fixture> fixtures = hand_fixtures();
  CHECK(fixtures.size() >= 1);
  for (const Fixture& f : fixtures) {
    CAPTURE(f.data.filename().string());
    const auto expected = nlohmann::ordered_json::parse(read_file(f.expected));
    const std::string bytes = read_file(f.data);
    const std::string options = expected.contains("options") ? expected["options"].dump() : "";
    const std::string summary = expected.contains("summary") ? expected["summary"].dump() : "";
    const auto whole = run_report(bytes, options, summary, 0);
    for (std::size_t chunk : {1, 2, 3, 7, 64, 4096}) {
      CAPTURE(chunk);
      CHECK(run_report(bytes, options, summary, chunk).dump() == whole.dump());
    }
    if (expected.contains("error")) {
      REQUIRE_MESSAGE(whole.contains("error"), whole.dump(1));
      CHECK(whole["error"]["code"] == expected["error"]["code"]);
      for (const auto& part : expected["error"].value("messageIncludes", nlohmann::ordered_json::array())) {
        CAPTURE(whole["error"]["message"].get<std::string>());
        CHECK(whole["error"]["message"].get<std::string>().find(part.get<std::string>()) != std::string::npos);
      }
      continue;
    }
    REQUIRE_MESSAGE(!whole.contains("error"), whole.dump(1));
    if (expected.contains("diagnostics")) {
      const std::string mismatch = subset_mismatch(expected["diagnostics"], whole["diagnostics"], "diagnostics");
      CHECK_MESSAGE(mismatch.empty(), mismatch);
    }
    const auto& d = whole["diagnostics"]["rows"];
    CHECK(d["read"].get<std::uint64_t>() == d["used"].get<std::uint64_t>() + d["skipped"].get<std::uint64_t>());
    if (expected.contains("customers")) {
      const auto& want = expected["customers"];
      const auto& got = whole["customers"];
      CHECK_MESSAGE(got.size() == want.size(), got.dump(1));
      for (const auto& c : want) {
        auto it = std::find_if(got.begin(), got.end(), [&](const auto& g) { return g["id"] == c["id"]; });
        REQUIRE_MESSAGE(it != got.end(), "customer " << c["id"].dump() << " missing");
        const std::string mismatch = subset_mismatch(c, *it, "customer " + c["id"].get<std::string>());
        CHECK_MESSAGE(mismatch.empty(), mismatch);
      }
    }
  }
}
