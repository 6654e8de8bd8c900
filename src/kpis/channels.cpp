#include "kpis/channels.hpp"

#include <algorithm>
#include <map>

#include "events/visitor_join.hpp"
#include "kpis/channel_names.hpp"
#include "util/text.hpp"
#include "util/civil_date.hpp"

namespace orderlens {

namespace {

constexpr std::uint32_t kNone = PurchaseTimeline::kNone;

// Whole months from (month number a, day of month a) to (b, b): the one rule both
// whole_months_between and the per-day table below follow.
std::int32_t months_apart(std::int32_t month_a, unsigned day_a, std::int32_t month_b, unsigned day_b) {
  return month_b - month_a - (day_b < day_a ? 1 : 0);
}

std::int32_t month_number(const CivilDate& d) { return d.year * 12 + static_cast<std::int32_t>(d.month); }

// Month number and day of month of every day from `first` to `last` (one calendar conversion
// per day, not per order).
struct DayTable {
  std::int32_t first = 0;
  std::vector<std::int32_t> month;
  std::vector<std::uint8_t> mday;
  DayTable(std::int32_t from, std::int32_t to) : first(from) {
    for (std::int32_t d = from; d <= to; ++d) {
      const CivilDate c = civil_from_days(d);
      month.push_back(month_number(c));
      mday.push_back(static_cast<std::uint8_t>(c.day));
    }
  }
  std::int32_t months_between(std::int32_t from, std::int32_t to) const {
    const auto a = static_cast<std::size_t>(from - first), b = static_cast<std::size_t>(to - first);
    return months_apart(month[a], mday[a], month[b], mday[b]);
  }
};

// Per report row: customers observed for at least m whole months and their revenue in their
// first m months, as difference arrays over m.
struct Curve {
  std::vector<double> observed, revenue;
  explicit Curve(std::size_t months) : observed(months + 2), revenue(months + 2) {}
};

struct RowState {
  ChannelRow row;
  Curve curve;
  double clv_sum = 0, ltv_sum = 0, clv_customers = 0;
};

}  // namespace

std::string_view ltv_basis_key(LtvBasis basis) {
  constexpr std::array<std::string_view, 5> kKeys = {"clv", "revenue12m", "revenue6m", "revenue3m", "none"};
  return kKeys[static_cast<std::size_t>(basis)];
}

std::int32_t whole_months_between(std::int32_t from, std::int32_t to) {
  const CivilDate a = civil_from_days(from), b = civil_from_days(to);
  return months_apart(month_number(a), a.day, month_number(b), b.day);
}

ChannelReport channel_report(const Dataset& ds, const ChannelOptions& options, const EventLog* events) {
  return channel_report(ds, purchase_timeline(ds, options.timeline), options, events);
}

ChannelReport channel_report(const Dataset& ds, const PurchaseTimeline& t, const ChannelOptions& options, const EventLog* events) {
  const OrdersTable& o = ds.orders;
  ChannelReport report;
  report.options = options;
  report.range = t.range;
  report.last_day = t.last_day;
  if (t.periods() == 0) return report;
  const DayTable days(t.first_day, t.last_day + 1);
  const auto months = static_cast<std::size_t>(days.months_between(t.first_day, t.last_day + 1));

  // The raw channel of each customer's first order; from their visitor's traffic source when the
  // order names none and an events file is given.
  std::vector<std::string_view> raw(ds.customers.size());
  for (std::size_t c = 0; c < ds.customers.size(); ++c)
    if (t.acquired_in_range(c)) raw[c] = ds.text.view(o.channel[t.first_order[c]]);
  if (events) {
    const VisitorJoin join(ds);
    for (std::size_t i = 0; i < events->size(); ++i) {
      if (events->source[i] == StringPool::kNone) continue;
      const JoinedCustomer j = join.customer_of(*events, i);
      if (j.by == JoinedBy::None || !t.acquired_in_range(j.customer) || !trim(raw[j.customer]).empty()) continue;
      raw[j.customer] = events->user_keys.view(events->source[i]);
      ++report.channels_from_events;
    }
  }
  // Channel of each customer, through the normalized name of each distinct raw value.
  ChannelIndex channels;
  std::vector<std::uint32_t> channel(ds.customers.size(), kNone);
  std::map<std::pair<std::uint32_t, std::string_view>, double> raw_counts;  // (channel, raw value) -> customers
  for (std::size_t c = 0; c < ds.customers.size(); ++c) {
    if (!t.acquired_in_range(c)) continue;
    channel[c] = channels.of(raw[c]);
    ++raw_counts[{channel[c], raw[c]}];
  }
  std::vector<std::uint32_t> spend_channel;  // per options.spend entry
  for (const ChannelSpend& s : options.spend) {
    bool added = false;
    spend_channel.push_back(channels.of_name(normalize_channel(s.channel), &added));
    if (added) report.unmatched_spend.push_back(channels.names().back());
  }
  const std::vector<std::string>& names = channels.names();

  // Rows: one total per channel (index = channel), then (channel, period) rows on demand.
  std::vector<RowState> rows;
  for (const std::string& name : names) {
    rows.push_back({ChannelRow{}, Curve(months), 0, 0, 0});
    rows.back().row.channel = name;
  }
  std::map<std::pair<std::uint32_t, std::int32_t>, std::uint32_t> row_of;
  auto period_row = [&](std::uint32_t ch, std::int32_t period) {
    const auto [it, added] = row_of.try_emplace({ch, period}, static_cast<std::uint32_t>(rows.size()));
    if (added) {
      rows.push_back({ChannelRow{}, Curve(months), 0, 0, 0});
      rows.back().row.channel = names[ch];
      rows.back().row.period = period;
    }
    return it->second;
  };

  std::vector<std::uint32_t> row_of_customer(ds.customers.size(), kNone);
  std::vector<std::int32_t> span(ds.customers.size(), 0);
  for (std::size_t c = 0; c < ds.customers.size(); ++c) {
    if (channel[c] == kNone) continue;
    const std::int32_t d0 = o.day[t.first_order[c]];
    span[c] = days.months_between(d0, t.last_day + 1);
    row_of_customer[c] = period_row(channel[c], t.range.first + t.first_period[c]);
    for (const std::uint32_t r : {channel[c], row_of_customer[c]}) {
      ++rows[r].row.new_customers;
      rows[r].curve.observed[0] += 1;
      rows[r].curve.observed[static_cast<std::size_t>(span[c]) + 1] -= 1;
    }
  }
  for (std::size_t p = 0; p < t.periods(); ++p) {
    for (std::uint32_t m = t.orders_by_period.begin(p); m < t.orders_by_period.end(p); ++m) {
      const std::uint32_t k = t.orders_by_period.members[m];
      const std::uint32_t c = o.customer[k];
      if (channel[c] == kNone || o.day[k] < o.day[t.first_order[c]]) continue;
      const auto age = static_cast<std::size_t>(days.months_between(o.day[t.first_order[c]], o.day[k]));
      for (const std::uint32_t r : {channel[c], row_of_customer[c]}) {
        rows[r].row.revenue += o.net[k];
        rows[r].curve.revenue[age + 1] += o.net[k];
        rows[r].curve.revenue[static_cast<std::size_t>(span[c]) + 1] -= o.net[k];
      }
    }
  }

  // Predicted CLV from the models fitted on the same range.
  std::vector<double> revenue_to_date(ds.customers.size(), 0);
  if (options.predict_clv) {
    try {
      clv::ClvOptions clv_options = options.clv;
      clv_options.margin = options.margin;
      clv_options.end_day = t.last_day;
      const clv::ClvAnalysis a = clv::analyze_clv(ds, clv_options);
      for (std::size_t i = 0; i < a.summary.size(); ++i) {
        const std::uint32_t c = a.summary.customer[i];
        if (channel[c] == kNone) continue;
        for (const std::uint32_t r : {channel[c], row_of_customer[c]}) {
          rows[r].clv_sum += a.predictions.clv[i];
          rows[r].ltv_sum += a.summary.net_revenue[i] * options.margin + a.predictions.clv[i];
          ++rows[r].clv_customers;
        }
      }
      report.clv_ran = true;
    } catch (const std::exception& e) {
      report.clv_problem = e.what();
    }
  } else {
    report.clv_problem = "not asked for (predictClv: false)";
  }

  // Spend.
  for (std::size_t i = 0; i < options.spend.size(); ++i) {
    const ChannelSpend& s = options.spend[i];
    const std::uint32_t ch = spend_channel[i];
    std::vector<std::uint32_t> targets = {ch};
    if (s.period) targets.push_back(period_row(ch, *s.period));
    for (std::uint32_t r : targets) rows[r].row.spend = rows[r].row.spend.value_or(0) + s.amount;
  }

  for (RowState& st : rows) {
    ChannelRow& r = st.row;
    double observed = 0, revenue = 0;
    for (std::size_t m = 0; m <= months; ++m) {
      observed += st.curve.observed[m];
      revenue += st.curve.revenue[m];
      if (m == 0) continue;
      if (observed <= 0) break;
      r.revenue_curve.push_back(revenue / observed * options.margin);
      for (std::size_t h = 0; h < kHistoricMonths.size(); ++h) {
        if (static_cast<std::size_t>(kHistoricMonths[h]) != m) continue;
        r.historic[h].customers = observed;
        r.historic[h].per_customer = revenue / observed;
      }
    }
    for (std::size_t h = 0; h < kHistoricMonths.size(); ++h) r.historic[h].months = kHistoricMonths[h];
    if (r.spend && r.new_customers > 0) r.cac = *r.spend / r.new_customers;
    if (st.clv_customers > 0) {
      r.predicted_clv = st.clv_sum / st.clv_customers;
      r.ltv = st.ltv_sum / st.clv_customers;
      r.ltv_basis = LtvBasis::Clv;
    } else {
      for (std::size_t h = kHistoricMonths.size(); h-- > 0;) {
        if (!r.historic[h].per_customer) continue;
        r.ltv = *r.historic[h].per_customer * options.margin;
        r.ltv_basis = h == 2 ? LtvBasis::Revenue12 : h == 1 ? LtvBasis::Revenue6 : LtvBasis::Revenue3;
        break;
      }
    }
    if (r.ltv && r.cac && *r.cac > 0) r.ltv_to_cac = *r.ltv / *r.cac;
    if (r.cac) {
      for (std::size_t m = 0; m < r.revenue_curve.size(); ++m)
        if (r.revenue_curve[m] >= *r.cac) {
          r.payback_months = static_cast<double>(m + 1);
          break;
        }
    }
  }

  // Channels by new customers, then name; their period rows after, in the same channel order.
  std::vector<std::uint32_t> order(names.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return rows[a].row.new_customers != rows[b].row.new_customers ? rows[a].row.new_customers > rows[b].row.new_customers
                                                                  : names[a] < names[b];
  });
  std::vector<std::uint32_t> position(names.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) position[order[i]] = i;
  report.channel_of_customer.assign(ds.customers.size(), ChannelReport::kNoChannel);
  for (std::size_t c = 0; c < ds.customers.size(); ++c)
    if (channel[c] != kNone) report.channel_of_customer[c] = position[channel[c]];
  for (std::uint32_t ch : order) {
    report.channels.push_back(rows[ch].row);
    std::vector<std::pair<double, std::string>> raws;
    for (const auto& [key, n] : raw_counts)
      if (key.first == ch) raws.push_back({-n, std::string(key.second)});
    std::sort(raws.begin(), raws.end());
    std::vector<std::string> top;
    for (std::size_t i = 0; i < raws.size() && i < 5; ++i) top.push_back(raws[i].second);
    report.raw_values.push_back(std::move(top));
    for (auto it = row_of.lower_bound({ch, INT32_MIN}); it != row_of.end() && it->first.first == ch; ++it)
      report.rows.push_back(rows[it->second].row);
  }
  return report;
}

}  // namespace orderlens
