#include "api/cohorts_json.hpp"

#include "api/analysis_options.hpp"
#include "api/readiness_json.hpp"
#include "api/timeline_options.hpp"
#include "ingest/ingest_error.hpp"
#include "util/civil_date.hpp"

namespace orderlens {

using nlohmann::ordered_json;

CohortOptions parse_cohort_options(std::string_view text) {
  CohortOptions o;
  const nlohmann::json j = analysis_options_object(text, "cohorts");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null() || read_timeline_option(key, v, o.timeline, {"month", "week"})) continue;
    if (key == "by") {
      o.by = *cohort_by_from_key(choice_option(v, key, {"firstPeriod", "firstProduct", "firstChannel", "firstCoupon"}));
    } else if (key == "maxCohorts") {
      o.max_cohorts = static_cast<std::uint32_t>(whole_number_option(v, key, 0, 100000));
    } else if (key == "maxAge") {
      o.max_age = static_cast<std::uint32_t>(whole_number_option(v, key, 0, 100000));
    } else {
      throw IngestError(IngestErrorCode::BadOption,
                        "options." + key + ": unknown option; expected period, by, maxCohorts, maxAge, startDate or endDate");
    }
  }
  check_timeline_options(o.timeline);
  return o;
}

ordered_json cohort_table_json(const CohortTable& table, const Readiness& readiness) {
  ordered_json j;
  j["period"] = period_kind_key(table.range.kind);
  j["by"] = cohort_by_key(table.options.by);
  j["customers"] = table.customers;
  ordered_json cohorts = ordered_json::array();
  for (const Cohort& c : table.cohorts) {
    ordered_json cohort;
    cohort["key"] = c.key;
    cohort["label"] = c.key.empty() ? "(none)" : c.label;
    cohort["other"] = c.other;
    if (table.options.by == CohortBy::FirstPeriod) cohort["start"] = format_iso_date(period_first_day(table.range.kind, c.first_period));
    cohort["customers"] = c.customers;
    ordered_json cells = ordered_json::array();
    for (const CohortCell& cell : c.cells)
      cells.push_back({{"age", cell.age},
                       {"customers", cell.observed},
                       {"active", cell.active},
                       {"activeRate", cell.active_rate()},
                       {"orders", cell.orders},
                       {"revenue", cell.revenue},
                       {"revenuePerCustomer", cell.revenue_per_customer()},
                       {"repeatCustomers", cell.repeat_customers},
                       {"repeatRate", cell.repeat_rate()},
                       {"partial", cell.partial}});
    cohort["cells"] = std::move(cells);
    cohorts.push_back(std::move(cohort));
  }
  j["cohorts"] = std::move(cohorts);
  j["readiness"] = analysis_readiness_json(readiness, "cohorts");
  return j;
}

std::string cohorts_report(const Dataset& ds, std::string_view options_json) {
  const CohortOptions options = parse_cohort_options(options_json);
  const PurchaseTimeline timeline = purchase_timeline(ds, options.timeline);
  const Readiness readiness = data_readiness(ds, timeline, nullptr);
  return cohort_table_json(cohort_table(ds, timeline, options), readiness).dump();
}

}  // namespace orderlens
