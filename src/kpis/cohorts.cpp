#include "kpis/cohorts.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <unordered_map>

#include "kpis/channel_names.hpp"

namespace orderlens {

namespace {

constexpr std::uint32_t kNone = PurchaseTimeline::kNone;

// Each customer's cohort key as a string id: the first order's product (by its first sale line
// with a product), channel (normalized) or coupon.
struct CohortKeys {
  std::vector<std::string> keys, labels;
  std::vector<std::uint32_t> of_customer;  // index into keys; kNone: no purchase
};

CohortKeys attribute_keys(const Dataset& ds, const PurchaseTimeline& t, CohortBy by) {
  const OrdersTable& o = ds.orders;
  CohortKeys out;
  out.of_customer.assign(ds.customers.size(), kNone);
  std::vector<std::uint32_t> value(ds.customers.size(), kNone);  // product index or text id per customer
  if (by == CohortBy::FirstProduct) {
    const LineItemsTable& l = ds.lines;
    for (std::size_t i = 0; i < l.size(); ++i) {
      const std::uint32_t c = o.customer[l.order[i]];
      if (t.first_order[c] == l.order[i] && value[c] == kNone && l.kind[i] == LineKind::Sale &&
          l.product[i] != LineItemsTable::kNoProduct)
        value[c] = l.product[i];
    }
  }
  // Distinct values -> key index; a text id of 0 / kNone is "no value".
  std::vector<std::uint32_t> key_of_value(by == CohortBy::FirstProduct ? ds.products.size() + 1 : ds.text.size() + 1, kNone);
  std::unordered_map<std::string, std::uint32_t> key_index;
  auto key_for = [&](std::uint32_t v) -> std::uint32_t {
    const std::size_t slot = v == kNone ? key_of_value.size() - 1 : v;
    std::uint32_t& k = key_of_value[slot];
    if (k != kNone) return k;
    std::string key, label;
    if (by == CohortBy::FirstProduct) {
      if (v != kNone) {
        key = ds.product_keys.view(ds.products.key[v]);
        label = ds.text.view(ds.products.name[v]);
      }
    } else {
      const std::string_view text = v == kNone ? std::string_view() : ds.text.view(v);
      key = by == CohortBy::FirstChannel ? normalize_channel(text) : std::string(text);
    }
    // Channels normalize several raw values to one key (a lookup, not a search of the keys:
    // product cohorts have thousands).
    const auto [same, added] = key_index.try_emplace(key, static_cast<std::uint32_t>(out.keys.size()));
    if (!added) return k = same->second;
    out.keys.push_back(key);
    out.labels.push_back(label.empty() ? key : label);
    return k = static_cast<std::uint32_t>(out.keys.size() - 1);
  };
  for (std::size_t c = 0; c < ds.customers.size(); ++c) {
    const std::uint32_t first = t.first_order[c];
    if (!t.acquired_in_range(c)) continue;
    std::uint32_t v = by == CohortBy::FirstProduct ? value[c] : by == CohortBy::FirstChannel ? o.channel[first] : o.coupon[first];
    out.of_customer[c] = key_for(v);
  }
  return out;
}

CohortKeys period_keys(const Dataset& ds, const PurchaseTimeline& t) {
  CohortKeys out;
  for (std::size_t p = 0; p < t.periods(); ++p) {
    out.keys.push_back(period_label(t.range.kind, t.range.first + static_cast<std::int32_t>(p)));
    out.labels.push_back(out.keys.back());
  }
  out.of_customer.assign(ds.customers.size(), kNone);
  for (std::size_t c = 0; c < ds.customers.size(); ++c)
    if (t.acquired_in_range(c)) out.of_customer[c] = static_cast<std::uint32_t>(t.first_period[c]);
  return out;
}

// Per cohort and age, as difference arrays over ages (a customer observed at ages 0..span adds
// to those cells only).
struct Accumulators {
  std::size_t ages = 0;
  std::vector<double> observed, active, orders, revenue, repeat, cumulative, at_edge;
  explicit Accumulators(std::size_t cohorts, std::size_t periods)
      : ages(periods + 1), observed(cohorts * ages), active(cohorts * ages), orders(cohorts * ages),
        revenue(cohorts * ages), repeat(cohorts * ages), cumulative(cohorts * ages), at_edge(cohorts * ages) {}
  std::size_t at(std::uint32_t cohort, std::size_t age) const { return cohort * ages + age; }
};

}  // namespace

std::string_view cohort_by_key(CohortBy by) {
  constexpr std::array<std::string_view, 4> kKeys = {"firstPeriod", "firstProduct", "firstChannel", "firstCoupon"};
  return kKeys[static_cast<std::size_t>(by)];
}

std::optional<CohortBy> cohort_by_from_key(std::string_view key) {
  for (std::size_t i = 0; i < 4; ++i)
    if (cohort_by_key(static_cast<CohortBy>(i)) == key) return static_cast<CohortBy>(i);
  return std::nullopt;
}

CohortTable cohort_table(const Dataset& ds, const CohortOptions& options) {
  return cohort_table(ds, purchase_timeline(ds, options.timeline), options);
}

CohortTable cohort_table(const Dataset& ds, const PurchaseTimeline& t, const CohortOptions& options) {
  const OrdersTable& o = ds.orders;
  CohortTable table;
  table.options = options;
  table.range = t.range;
  const std::size_t periods = t.periods();
  if (periods == 0) return table;
  const CohortKeys keys = options.by == CohortBy::FirstPeriod ? period_keys(ds, t) : attribute_keys(ds, t, options.by);

  // Cohort sizes; attribute cohorts past max_cohorts (by size, then key) become one "other".
  std::vector<double> size(keys.keys.size(), 0);
  for (std::uint32_t k : keys.of_customer)
    if (k != kNone) ++size[k];
  std::vector<std::uint32_t> order(keys.keys.size());
  std::iota(order.begin(), order.end(), 0u);
  std::vector<std::uint32_t> slot(keys.keys.size());
  std::size_t cohorts = keys.keys.size();
  bool has_other = false;
  if (options.by != CohortBy::FirstPeriod) {
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return size[a] != size[b] ? size[a] > size[b] : keys.keys[a] < keys.keys[b];
    });
    if (options.max_cohorts && cohorts > options.max_cohorts) {
      cohorts = options.max_cohorts + 1;
      has_other = true;
    }
  }
  for (std::size_t i = 0; i < order.size(); ++i) slot[order[i]] = static_cast<std::uint32_t>(std::min(i, cohorts - 1));

  Accumulators acc(cohorts, periods);
  const std::size_t last = periods - 1;
  for (std::size_t c = 0; c < ds.customers.size(); ++c) {
    if (keys.of_customer[c] == kNone) continue;
    const std::uint32_t cohort = slot[keys.of_customer[c]];
    const std::size_t span = last - static_cast<std::size_t>(t.first_period[c]);
    acc.observed[acc.at(cohort, 0)] += 1;
    acc.observed[acc.at(cohort, span + 1)] -= 1;
    acc.at_edge[acc.at(cohort, span)] += 1;
    if (t.second_period[c] != PurchaseTimeline::kNoPeriod) {
      acc.repeat[acc.at(cohort, static_cast<std::size_t>(t.second_period[c] - t.first_period[c]))] += 1;
      acc.repeat[acc.at(cohort, span + 1)] -= 1;
    }
  }
  std::vector<std::int32_t> stamp(ds.customers.size(), -1);
  for (std::size_t p = 0; p < periods; ++p) {
    for (std::uint32_t m = t.orders_by_period.begin(p); m < t.orders_by_period.end(p); ++m) {
      const std::uint32_t k = t.orders_by_period.members[m];
      const std::uint32_t c = o.customer[k];
      // Customers acquired before the range belong to no cohort; a refund before the first
      // purchase has no age.
      if (keys.of_customer[c] == kNone || o.day[k] < o.day[t.first_order[c]]) continue;
      const std::uint32_t cohort = slot[keys.of_customer[c]];
      const std::size_t age = p - static_cast<std::size_t>(t.first_period[c]);
      acc.revenue[acc.at(cohort, age)] += o.net[k];
      acc.cumulative[acc.at(cohort, age)] += o.net[k];
      acc.cumulative[acc.at(cohort, last - static_cast<std::size_t>(t.first_period[c]) + 1)] -= o.net[k];
      if (!o.counts_as_purchase(k)) continue;
      acc.orders[acc.at(cohort, age)] += 1;
      if (stamp[c] != static_cast<std::int32_t>(p)) {
        stamp[c] = static_cast<std::int32_t>(p);
        acc.active[acc.at(cohort, age)] += 1;
      }
    }
  }

  for (std::size_t i = 0; i < cohorts; ++i) {
    Cohort cohort;
    const std::uint32_t first_key = order[i];
    cohort.other = has_other && i + 1 == cohorts;
    cohort.key = cohort.other ? "(other)" : keys.keys[first_key];
    cohort.label = cohort.other ? "(other)" : keys.labels[first_key];
    if (options.by == CohortBy::FirstPeriod) cohort.first_period = t.range.first + static_cast<std::int32_t>(first_key);
    const auto c = static_cast<std::uint32_t>(i);
    double observed = 0, repeat = 0, cumulative = 0;
    for (std::size_t age = 0; age < periods; ++age) {
      observed += acc.observed[acc.at(c, age)];
      repeat += acc.repeat[acc.at(c, age)];
      cumulative += acc.cumulative[acc.at(c, age)];
      if (observed <= 0 || (options.max_age && age >= options.max_age)) break;
      CohortCell cell;
      cell.age = static_cast<std::uint32_t>(age);
      cell.observed = observed;
      cell.active = acc.active[acc.at(c, age)];
      cell.orders = acc.orders[acc.at(c, age)];
      cell.revenue = acc.revenue[acc.at(c, age)];
      cell.repeat_customers = repeat;
      cell.cumulative_revenue = cumulative;
      cell.partial = t.range.last_partial && acc.at_edge[acc.at(c, age)] > 0;
      cohort.cells.push_back(cell);
    }
    cohort.customers = cohort.cells.empty() ? 0 : cohort.cells.front().observed;
    table.customers += cohort.customers;
    if (options.by == CohortBy::FirstPeriod && cohort.customers == 0) continue;  // a period nobody started in
    table.cohorts.push_back(std::move(cohort));
  }
  return table;
}

}  // namespace orderlens
