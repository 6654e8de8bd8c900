#include "api/readiness_json.hpp"

#include "api/analysis_options.hpp"
#include "api/timeline_options.hpp"
#include "ingest/ingest_error.hpp"

namespace orderlens {

using nlohmann::ordered_json;

namespace {
ordered_json verdict_json(const AnalysisReadiness& a) {
  ordered_json j;
  j["analysis"] = a.analysis;
  j["ready"] = a.ready;
  ordered_json checks = ordered_json::array();
  for (const ReadinessCheck& c : a.checks) {
    ordered_json check;
    check["key"] = c.key;
    check["value"] = c.value;
    check["required"] = c.required;
    check["passed"] = c.passed;
    check["message"] = {{"en", c.en}, {"ko", c.ko}};
    checks.push_back(std::move(check));
  }
  j["checks"] = std::move(checks);
  return j;
}
}  // namespace

ordered_json readiness_json(const Readiness& r) {
  const ReadinessMeasures& m = r.measures;
  ordered_json j;
  j["measures"] = {{"customers", m.customers},
                   {"historyDays", m.history_days},
                   {"repeatCustomers", m.repeat_customers},
                   {"repeatShare", m.repeat_share},
                   {"customersThreeDays", m.customers_three_days},
                   {"ordersLast30Days", m.orders_last_30_days},
                   {"completeMonths", m.complete_months},
                   {"channelKnownShare", m.channel_known_share},
                   {"channels", m.channels},
                   {"hasEvents", m.has_events}};
  ordered_json analyses = ordered_json::array();
  for (const AnalysisReadiness& a : r.analyses) analyses.push_back(verdict_json(a));
  j["analyses"] = std::move(analyses);
  return j;
}

ordered_json analysis_readiness_json(const Readiness& r, std::string_view analysis) {
  const AnalysisReadiness* a = r.find(analysis);
  return a ? verdict_json(*a) : ordered_json();
}

std::string readiness_report(const Dataset& ds, std::string_view options_json, const EventLog* events) {
  TimelineOptions o;
  const nlohmann::json j = analysis_options_object(options_json, "readiness");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null()) continue;
    if (key == "startDate" || key == "endDate") {
      read_timeline_option(key, v, o, {});
      continue;
    }
    throw IngestError(IngestErrorCode::BadOption, "options." + key + ": unknown option; expected startDate or endDate");
  }
  check_timeline_options(o);
  return readiness_json(data_readiness(ds, purchase_timeline(ds, o), events)).dump();
}

}  // namespace orderlens
