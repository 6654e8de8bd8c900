#include "api/channels_json.hpp"

#include "api/analysis_options.hpp"
#include "api/optional_json.hpp"
#include "api/clv_json.hpp"
#include "api/readiness_json.hpp"
#include "api/timeline_options.hpp"
#include "ingest/ingest_error.hpp"
#include "util/civil_date.hpp"

#include <climits>
#include <stdexcept>

namespace orderlens {

using nlohmann::ordered_json;

namespace {

// One entry of options.spend; its period is read once the report's period is known.
struct SpendEntry {
  ChannelSpend spend;
  std::string period_text;
  std::string path;
  std::uint64_t line = 0, column = 0;  // where a spend file had it (api/spend_csv.hpp)
};

SpendEntry spend_entry(const nlohmann::json& v, const std::string& path) {
  if (!v.is_object()) bad_analysis_option(path, "an object such as {\"channel\": \"google\", \"period\": \"2024-03\", \"amount\": 1200000}");
  SpendEntry e;
  e.path = path;
  bool has_channel = false, has_amount = false;
  for (const auto& [key, x] : v.items()) {
    if (key == "channel") {
      if (!x.is_string()) bad_analysis_option(path + ".channel", "a channel name");
      e.spend.channel = x.get<std::string>();
      has_channel = true;
    } else if (key == "period") {
      if (!x.is_string() && !x.is_null()) bad_analysis_option(path + ".period", "a period such as \"2024-03\", \"2024-W09\" or a date");
      if (x.is_string()) e.period_text = x.get<std::string>();
    } else if (key == "amount") {
      e.spend.amount = number_option(path + ".amount", x, 0, 1e15, "an amount of money from 0");
      has_amount = true;
    } else if (key == "line" || key == "column") {
      (key == "line" ? e.line : e.column) = static_cast<std::uint64_t>(whole_number_option(x, path + "." + key, 1, INT32_MAX));
    } else {
      bad_analysis_option(path + "." + key, "no such field; expected channel, period or amount");
    }
  }
  if (!has_channel) bad_analysis_option(path + ".channel", "a channel name (the field is missing)");
  if (!has_amount) bad_analysis_option(path + ".amount", "an amount of money (the field is missing)");
  return e;
}

ordered_json row_json(const ChannelReport& report, const ChannelRow& r) {
  ordered_json j;
  j["channel"] = r.channel;
  j["period"] = r.period ? ordered_json(period_label(report.range.kind, *r.period)) : ordered_json();
  j["newCustomers"] = r.new_customers;
  j["revenue"] = r.revenue;
  j["spend"] = optional_number(r.spend);
  j["cac"] = optional_number(r.cac);
  for (const HistoricRevenue& h : r.historic)
    j["revenue" + std::to_string(h.months) + "m"] = {{"customers", h.customers}, {"perCustomer", optional_number(h.per_customer)}};
  j["predictedClv"] = optional_number(r.predicted_clv);
  j["ltv"] = optional_number(r.ltv);
  j["ltvBasis"] = ltv_basis_key(r.ltv_basis);
  j["ltvToCac"] = optional_number(r.ltv_to_cac);
  j["paybackMonths"] = optional_number(r.payback_months);
  j["revenueCurve"] = r.revenue_curve;
  return j;
}

}  // namespace

ChannelOptions parse_channel_options(std::string_view text) {
  ChannelOptions o;
  std::vector<SpendEntry> spend;
  std::string spend_file = "spend file";
  const nlohmann::json j = analysis_options_object(text, "channels");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null() || read_timeline_option(key, v, o.timeline, {"month", "week"})) continue;
    if (key == "spend") {
      if (!v.is_array()) bad_analysis_option(key, "an array of {channel, period, amount}");
      for (std::size_t i = 0; i < v.size(); ++i) spend.push_back(spend_entry(v[i], "spend[" + std::to_string(i) + "]"));
    } else if (key == "spendFileName") {
      if (!v.is_string()) bad_analysis_option(key, "a file name");
      spend_file = v.get<std::string>();
    } else if (key == "margin") {
      o.margin = number_option(key, v, 0, 1, "a share of revenue from 0 to 1");
    } else if (key == "predictClv") {
      o.predict_clv = bool_option(v, key);
    } else if (key == "clv") {
      if (!v.is_object()) bad_analysis_option(key, "an object of CLV options");
      o.clv = parse_clv_options(v.dump());
    } else {
      throw IngestError(IngestErrorCode::BadOption, "options." + key +
                                                        ": unknown option; expected period, startDate, endDate, spend, "
                                                        "spendFileName, margin, predictClv or clv");
    }
  }
  check_timeline_options(o.timeline);
  for (SpendEntry& e : spend) {
    if (!e.period_text.empty()) {
      e.spend.period = parse_period_text(o.timeline.period, e.period_text);
      if (!e.spend.period) {
        const std::string expected = o.timeline.period == PeriodKind::Month ? "a month such as \"2024-03\" or a date in it"
                                                                            : "an ISO week such as \"2024-W09\" or a date in it";
        if (!e.line) bad_analysis_option(e.path + ".period", expected);
        throw std::invalid_argument(spend_file + " line " + std::to_string(e.line) + ", column " + std::to_string(e.column) +
                                    " (period): expected " + expected + ", got \"" + e.period_text + "\"");
      }
    }
    o.spend.push_back(std::move(e.spend));
  }
  return o;
}

ordered_json channel_report_json(const ChannelReport& report, const Readiness& readiness) {
  ordered_json j;
  j["period"] = period_kind_key(report.range.kind);
  j["lastDate"] = report.range.size() ? ordered_json(format_iso_date(report.last_day)) : ordered_json();
  j["margin"] = report.options.margin;
  j["clv"] = {{"ran", report.clv_ran}, {"problem", report.clv_problem}};
  ordered_json channels = ordered_json::array();
  for (std::size_t i = 0; i < report.channels.size(); ++i) {
    ordered_json row = row_json(report, report.channels[i]);
    row["rawValues"] = report.raw_values[i];
    channels.push_back(std::move(row));
  }
  j["channels"] = std::move(channels);
  ordered_json rows = ordered_json::array();
  for (const ChannelRow& r : report.rows) rows.push_back(row_json(report, r));
  j["rows"] = std::move(rows);
  j["unmatchedSpend"] = report.unmatched_spend;
  j["channelsFromEvents"] = report.channels_from_events;
  j["readiness"] = analysis_readiness_json(readiness, "channels");
  return j;
}

std::string channels_report(const Dataset& ds, std::string_view options_json, const EventLog* events) {
  const ChannelOptions options = parse_channel_options(options_json);
  const PurchaseTimeline timeline = purchase_timeline(ds, options.timeline);
  const Readiness readiness = data_readiness(ds, timeline, events);
  return channel_report_json(channel_report(ds, timeline, options, events), readiness).dump();
}

}  // namespace orderlens
