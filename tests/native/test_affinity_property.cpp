// Product affinity against a brute-force count with std::set / std::map on random shops built
// table by table: every count(A), count(A,B), first, next and pair, at both levels, with and
// without an end date; and top_n keeps the head of the full ranking.
#include <doctest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "segments/affinity.hpp"

using namespace orderlens;

namespace {

// A shop of `customers` customers and `products` products with messy orders: same-day orders,
// every status, every line kind, lines without a product, products without a category,
// repeated products in an order, a few 40-line orders and one customer with 40 orders (past
// the insertion-sort limits of the core), all in shuffled file order.
std::unique_ptr<Dataset> random_shop(std::uint32_t seed, std::uint32_t customers, std::uint32_t products) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto ds = std::make_unique<Dataset>();

  for (std::uint32_t c = 0; c < customers; ++c) {
    CustomersTable& t = ds->customers;
    t.key.push_back(ds->customer_keys.intern("c" + std::to_string(c)));
    t.key_kind.push_back(IdentityKind::MemberId);
    t.email.push_back(0);
    t.phone.push_back(0);
    t.name.push_back(0);
  }
  for (std::uint32_t p = 0; p < products; ++p) {
    ProductsTable& t = ds->products;
    t.key.push_back(ds->product_keys.intern("sku" + std::to_string(p)));
    t.name.push_back(ds->text.intern("Product " + std::to_string(p)));
    t.vendor.push_back(0);
    t.category.push_back(p % 7 == 3 ? StringPool::kNone : ds->text.intern("cat" + std::to_string(uniform(0, 5))));
  }

  struct OrderDraft {
    std::uint32_t customer;
    std::int32_t day;
    OrderStatus status;
  };
  std::vector<OrderDraft> drafts;
  const OrderStatus statuses[] = {OrderStatus::Paid,     OrderStatus::Paid,      OrderStatus::Paid,
                                  OrderStatus::Paid,     OrderStatus::Paid,      OrderStatus::PartiallyRefunded,
                                  OrderStatus::Refunded, OrderStatus::Cancelled, OrderStatus::Pending};
  for (std::uint32_t c = 0; c < customers; ++c) {
    const int orders = c == 0 ? 40 : uniform(0, 6);
    for (int i = 0; i < orders; ++i)
      drafts.push_back({c, 19700 + uniform(0, 25), statuses[uniform(0, 8)]});
  }
  std::shuffle(drafts.begin(), drafts.end(), rng);

  OrdersTable& o = ds->orders;
  LineItemsTable& l = ds->lines;
  const LineKind kinds[] = {LineKind::Sale,     LineKind::Sale,      LineKind::Sale,    LineKind::Sale,
                            LineKind::Sale,     LineKind::Refunded,  LineKind::Cancelled, LineKind::Pending,
                            LineKind::Refund};
  for (const OrderDraft& d : drafts) {
    const auto k = static_cast<std::uint32_t>(o.size());
    o.key.push_back(0);
    o.customer.push_back(d.customer);
    o.day.push_back(d.day);
    o.second_of_day.push_back(uniform(0, 86399));
    o.status.push_back(d.status);
    o.total.push_back(0);
    o.refunded.push_back(0);
    o.net.push_back(0);
    o.items.push_back(0);
    o.channel.push_back(0);
    o.coupon.push_back(0);
    o.currency.push_back(0);
    o.source_line.push_back(k + 2);
    const int lines = uniform(0, 49) == 0 ? 40 : uniform(0, 5);
    for (int i = 0; i < lines; ++i) {
      l.order.push_back(k);
      l.product.push_back(uniform(0, 19) == 0 ? LineItemsTable::kNoProduct
                                              : static_cast<std::uint32_t>(uniform(0, static_cast<int>(products) - 1)));
      l.quantity.push_back(1);
      l.amount.push_back(1);
      l.kind.push_back(kinds[uniform(0, 8)]);
    }
  }
  return ds;
}

using KeyPair = std::pair<std::string, std::string>;

// The definitions of affinity.hpp, counted the slow obvious way, by item key.
struct BruteForce {
  std::uint32_t baskets = 0;
  std::map<std::string, std::uint32_t> count;
  std::map<KeyPair, std::uint32_t> together;
  std::uint32_t sequences = 0;
  std::map<std::string, std::uint32_t> first, next;
  std::map<KeyPair, std::uint32_t> pair;
};

BruteForce brute_force(const Dataset& ds, AffinityLevel level, std::optional<std::int32_t> end_day) {
  auto item_of = [&](std::uint32_t product) -> std::string {
    if (product == LineItemsTable::kNoProduct) return "";
    return std::string(level == AffinityLevel::Product ? ds.product_keys.view(ds.products.key[product])
                                                       : ds.text.view(ds.products.category[product]));
  };
  std::map<std::uint32_t, std::set<std::string>> basket_of_order;
  for (std::size_t i = 0; i < ds.lines.size(); ++i) {
    const std::uint32_t k = ds.lines.order[i];
    const std::string item = item_of(ds.lines.product[i]);
    if (ds.lines.kind[i] != LineKind::Sale || item.empty() || !ds.orders.counts_as_purchase(k)) continue;
    if (end_day && ds.orders.day[k] > *end_day) continue;
    basket_of_order[k].insert(item);
  }
  BruteForce b;
  std::map<std::uint32_t, std::map<std::int32_t, std::set<std::string>>> days_of_customer;
  for (const auto& [k, basket] : basket_of_order) {
    ++b.baskets;
    for (const std::string& x : basket) {
      ++b.count[x];
      for (const std::string& y : basket)
        if (x != y) ++b.together[{x, y}];
    }
    std::set<std::string>& day = days_of_customer[ds.orders.customer[k]][ds.orders.day[k]];
    day.insert(basket.begin(), basket.end());
  }
  for (const auto& [customer, by_day] : days_of_customer) {
    if (by_day.size() < 2) continue;
    ++b.sequences;
    std::vector<std::set<std::string>> days;
    for (const auto& [day, items] : by_day) days.push_back(items);
    std::set<std::string> firsts, nexts;
    std::set<KeyPair> pairs;
    for (std::size_t d = 0; d + 1 < days.size(); ++d) {
      firsts.insert(days[d].begin(), days[d].end());
      nexts.insert(days[d + 1].begin(), days[d + 1].end());
      for (const std::string& x : days[d])
        for (const std::string& y : days[d + 1]) pairs.insert({x, y});
    }
    for (const std::string& x : firsts) ++b.first[x];
    for (const std::string& y : nexts) ++b.next[y];
    for (const KeyPair& p : pairs) ++b.pair[p];
  }
  return b;
}

std::uint32_t at(const std::map<std::string, std::uint32_t>& m, const std::string& key) {
  const auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

// Every rule of `rules` is one of `counts` with the ratios of the definitions, and none is missing.
void check_against(const AffinityResult& r, const std::vector<AffinityRule>& rules,
                   const std::map<KeyPair, std::uint32_t>& counts, double total,
                   const std::map<std::string, std::uint32_t>& antecedent_counts,
                   const std::map<std::string, std::uint32_t>& consequent_counts) {
  CHECK(rules.size() == counts.size());
  for (const AffinityRule& rule : rules) {
    const KeyPair keys{r.item_keys[rule.antecedent], r.item_keys[rule.consequent]};
    INFO(keys.first << " -> " << keys.second);
    const auto it = counts.find(keys);
    REQUIRE(it != counts.end());
    const double count = it->second;
    CHECK(rule.count == it->second);
    CHECK(rule.support == doctest::Approx(count / total).epsilon(1e-12));
    CHECK(rule.confidence == doctest::Approx(count / at(antecedent_counts, keys.first)).epsilon(1e-12));
    CHECK(rule.lift == doctest::Approx(count / at(antecedent_counts, keys.first) /
                                       (at(consequent_counts, keys.second) / total))
                           .epsilon(1e-12));
  }
}

// The order the header promises, checked independently of the core's comparator.
bool in_output_order(const std::vector<AffinityRule>& rules) {
  for (std::size_t i = 1; i < rules.size(); ++i) {
    const AffinityRule& a = rules[i - 1];
    const AffinityRule& b = rules[i];
    if (a.antecedent != b.antecedent) {
      if (a.antecedent > b.antecedent) return false;
      continue;
    }
    const auto ka = std::make_tuple(-a.lift, -static_cast<double>(a.count), -a.confidence, a.consequent);
    const auto kb = std::make_tuple(-b.lift, -static_cast<double>(b.count), -b.confidence, b.consequent);
    if (!(ka < kb)) return false;
  }
  return true;
}

// The first `top_n` rules of each antecedent of `all`.
std::vector<AffinityRule> head_per_antecedent(const std::vector<AffinityRule>& all, std::uint32_t top_n) {
  std::vector<AffinityRule> out;
  std::map<std::uint32_t, std::uint32_t> taken;
  for (const AffinityRule& rule : all)
    if (taken[rule.antecedent]++ < top_n) out.push_back(rule);
  return out;
}

bool same_rules(const std::vector<AffinityRule>& a, const std::vector<AffinityRule>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].antecedent != b[i].antecedent || a[i].consequent != b[i].consequent || a[i].count != b[i].count)
      return false;
  return true;
}

}  // namespace

TEST_CASE("affinity property: every count equals a brute-force count on random shops") {
  for (std::uint32_t seed = 1; seed <= 6; ++seed) {
    const std::unique_ptr<Dataset> ds = random_shop(seed, 200, 30);
    for (AffinityLevel level : {AffinityLevel::Product, AffinityLevel::Category}) {
      for (std::optional<std::int32_t> end_day : {std::optional<std::int32_t>(), std::optional<std::int32_t>(19712)}) {
        CAPTURE(seed);
        CAPTURE(static_cast<int>(level));
        CAPTURE(end_day.value_or(-1));
        AffinityOptions options;
        options.level = level;
        options.min_count = 1;
        options.top_n = 0;
        options.end_day = end_day;
        const AffinityResult r = product_affinity(*ds, options);
        const BruteForce b = brute_force(*ds, level, end_day);

        REQUIRE(r.item_keys.size() == r.basket_count.size());
        REQUIRE(r.item_names.size() == r.item_keys.size());
        if (level == AffinityLevel::Category) {
          std::set<std::string> categories;
          for (std::uint32_t c : ds->products.category)
            if (c != StringPool::kNone) categories.insert(std::string(ds->text.view(c)));
          CHECK(std::set<std::string>(r.item_keys.begin(), r.item_keys.end()) == categories);
          CHECK(r.item_keys.size() == categories.size());
        } else {
          CHECK(r.item_keys.size() == ds->products.size());
        }
        CHECK(r.baskets == b.baskets);
        for (std::size_t i = 0; i < r.item_keys.size(); ++i) CHECK(r.basket_count[i] == at(b.count, r.item_keys[i]));
        check_against(r, r.co_purchase, b.together, b.baskets, b.count, b.count);

        CHECK(r.sequences == b.sequences);
        CHECK(r.sequences > 10);  // the shop has enough repeat customers to test anything
        check_against(r, r.next_purchase, b.pair, b.sequences, b.first, b.next);
        // Every first(A) > 0 has a rule A -> (some B), and every next(B) > 0 one to B, so the
        // ratios above pin down first and next for every item.
        std::set<std::string> antecedents, consequents;
        for (const AffinityRule& rule : r.next_purchase) {
          antecedents.insert(r.item_keys[rule.antecedent]);
          consequents.insert(r.item_keys[rule.consequent]);
        }
        CHECK(antecedents.size() == b.first.size());
        CHECK(consequents.size() == b.next.size());

        CHECK(in_output_order(r.co_purchase));
        CHECK(in_output_order(r.next_purchase));

        // top_n and min_count: the head of each antecedent's full ranking, among the rules
        // that reach the count.
        AffinityOptions narrow = options;
        narrow.top_n = 3;
        narrow.min_count = 2;
        const AffinityResult n = product_affinity(*ds, narrow);
        std::vector<AffinityRule> co_reaching, next_reaching;
        for (const AffinityRule& rule : r.co_purchase)
          if (rule.count >= 2) co_reaching.push_back(rule);
        for (const AffinityRule& rule : r.next_purchase)
          if (rule.count >= 2) next_reaching.push_back(rule);
        CHECK(same_rules(n.co_purchase, head_per_antecedent(co_reaching, 3)));
        CHECK(same_rules(n.next_purchase, head_per_antecedent(next_reaching, 3)));
      }
    }
  }
}
