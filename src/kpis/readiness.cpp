#include "kpis/readiness.hpp"

#include <algorithm>
#include <array>

#include "clv/sufficiency.hpp"
#include "kpis/channel_names.hpp"

namespace orderlens {

namespace {

ReadinessMeasures measure(const Dataset& ds, const PurchaseTimeline& t, const EventLog* events) {
  const OrdersTable& o = ds.orders;
  ReadinessMeasures m;
  m.has_events = events != nullptr && events->size() > 0;
  if (t.periods() == 0) return m;
  m.history_days = t.last_day - t.first_day + 1;
  m.complete_months = static_cast<double>(t.periods()) - (t.range.first_partial ? 1 : 0) -
                      (t.range.last_partial && t.periods() > (t.range.first_partial ? 1u : 0u) ? 1 : 0);
  // Up to three distinct purchase days per customer (INT32_MIN: none yet).
  std::vector<std::array<std::int32_t, 3>> days(ds.customers.size(), {INT32_MIN, INT32_MIN, INT32_MIN});
  for (std::size_t k = 0; k < o.size(); ++k) {
    if (!o.counts_as_purchase(k) || o.day[k] < t.first_day || o.day[k] > t.last_day) continue;
    if (o.day[k] > t.last_day - 30) ++m.orders_last_30_days;
    auto& d = days[o.customer[k]];
    for (std::int32_t& slot : d) {
      if (slot == o.day[k]) break;
      if (slot == INT32_MIN) {
        slot = o.day[k];
        break;
      }
    }
  }
  // Channels as the channel report names them: "Naver" and "naver.com" are one.
  ChannelIndex channels;
  std::vector<bool> counted;  // per channel: a known one, counted
  double known = 0;
  for (std::size_t c = 0; c < ds.customers.size(); ++c) {
    if (t.first_order[c] == PurchaseTimeline::kNone) continue;
    ++m.customers;
    if (t.second_period[c] != PurchaseTimeline::kNoPeriod) ++m.repeat_customers;
    if (days[c][2] != INT32_MIN) ++m.customers_three_days;
    const std::uint32_t ch = o.channel[t.first_order[c]];
    if (ch == StringPool::kNone) continue;
    const std::uint32_t n = channels.of(ds.text.view(ch));
    if (channels.names()[n] == "unknown") continue;
    ++known;
    if (counted.size() <= n) counted.resize(n + 1);
    if (!counted[n]) ++m.channels;
    counted[n] = true;
  }
  m.repeat_share = m.customers ? m.repeat_customers / m.customers : 0;
  m.channel_known_share = m.customers ? known / m.customers : 0;
  return m;
}

struct CheckSpec {
  std::string_view key;
  double ReadinessMeasures::*measure;
  std::string_view en, ko;
};

void add(AnalysisReadiness& a, const ReadinessMeasures& m, const CheckSpec& spec, double required) {
  const double value = m.*(spec.measure);
  a.checks.push_back({std::string(spec.key), value, required, value >= required, spec.en, spec.ko});
}

constexpr CheckSpec kCustomers{"customers", &ReadinessMeasures::customers,
                               "too few customers with a purchase for the figures to be stable",
                               "구매 고객 수가 적어 수치가 안정적이지 않습니다"};
constexpr CheckSpec kHistory{"history_days", &ReadinessMeasures::history_days,
                             "the order history is too short for this analysis",
                             "주문 기간이 짧아 이 분석을 믿기 어렵습니다"};
constexpr CheckSpec kRecent{"orders_last_30_days", &ReadinessMeasures::orders_last_30_days,
                            "no purchases in the last 30 days of the data: the export may be incomplete or old",
                            "마지막 30일 동안 구매가 없습니다: 내보낸 파일이 불완전하거나 오래되었을 수 있습니다"};
constexpr CheckSpec kCompleteMonths{"complete_months", &ReadinessMeasures::complete_months,
                                    "fewer than two complete months: there is no month-over-month comparison",
                                    "완전한 달이 두 달 미만이라 전월 대비 비교가 없습니다"};
constexpr CheckSpec kRepeat{"repeat_customers", &ReadinessMeasures::repeat_customers,
                            "too few customers bought twice: repurchase and retention figures rest on a handful",
                            "두 번 이상 구매한 고객이 너무 적어 재구매·유지율 수치가 불안정합니다"};
constexpr CheckSpec kChannelShare{"channel_known_share", &ReadinessMeasures::channel_known_share,
                                  "most first orders name no channel: map the source / channel column",
                                  "대부분의 첫 주문에 유입 채널이 없습니다: 채널(유입경로) 열을 지정하세요"};
constexpr CheckSpec kChannels{"channels", &ReadinessMeasures::channels,
                              "only one channel in the data: there is nothing to compare",
                              "채널이 하나뿐이라 비교할 대상이 없습니다"};
constexpr CheckSpec kThreeDays{"repeat_customers_3_days", &ReadinessMeasures::customers_three_days,
                               "too few customers bought on three or more days: repeat behaviour cannot be estimated",
                               "세 번 이상(서로 다른 날) 구매한 고객이 너무 적어 재구매 행동을 추정할 수 없습니다"};

}  // namespace

const AnalysisReadiness* Readiness::find(std::string_view analysis) const {
  for (const AnalysisReadiness& a : analyses)
    if (a.analysis == analysis) return &a;
  return nullptr;
}

Readiness data_readiness(const Dataset& ds, const EventLog* events) {
  return data_readiness(ds, purchase_timeline(ds, TimelineOptions{}), events);
}

Readiness data_readiness(const Dataset& ds, const PurchaseTimeline& timeline, const EventLog* events) {
  if (timeline.range.kind != PeriodKind::Month && timeline.periods() > 0) {
    TimelineOptions monthly;
    monthly.start_day = timeline.first_day;
    monthly.end_day = timeline.last_day;
    return data_readiness(ds, purchase_timeline(ds, monthly), events);
  }
  const PurchaseTimeline& t = timeline;
  Readiness r;
  r.measures = measure(ds, t, events);
  const ReadinessMeasures& m = r.measures;
  const clv::SufficiencyThresholds gate;
  auto analysis = [&](std::string_view key, auto&&... checks) {
    AnalysisReadiness a;
    a.analysis = key;
    (add(a, m, checks.first, checks.second), ...);
    a.ready = std::all_of(a.checks.begin(), a.checks.end(), [](const ReadinessCheck& c) { return c.passed; });
    r.analyses.push_back(std::move(a));
  };
  using P = std::pair<CheckSpec, double>;
  analysis("kpis", P{kCompleteMonths, 2}, P{kCustomers, 30}, P{kRecent, 1});
  analysis("cohorts", P{kHistory, 90}, P{kCustomers, 100}, P{kRepeat, 10});
  analysis("channels", P{kChannelShare, 0.5}, P{kChannels, 2}, P{kCustomers, 100});
  analysis("segments", P{kCustomers, 100}, P{kRepeat, 10});
  analysis("clv", P{kCustomers, gate.customers}, P{kHistory, gate.history_days}, P{kThreeDays, gate.repeat_customers},
           P{kRecent, gate.recent_orders});
  AnalysisReadiness funnel;
  funnel.analysis = "funnel";
  funnel.checks.push_back({"events_file", m.has_events ? 1.0 : 0.0, 1.0, m.has_events,
                           "no website events file: visitor KPIs, conversion and the funnel groups need one",
                           "웹사이트 이벤트 파일이 없습니다: 방문자 지표, 전환율, 퍼널 그룹에 필요합니다"});
  funnel.ready = m.has_events;
  r.analyses.push_back(std::move(funnel));
  return r;
}

}  // namespace orderlens
