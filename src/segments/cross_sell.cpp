#include "segments/cross_sell.hpp"

#include <stdexcept>

#include "segments/group_catalog.hpp"
#include "util/civil_date.hpp"

namespace orderlens::segments {

PackResult cross_sell_pack(const CustomerBase& base, const CrossSellOptions& options) {
  const Dataset& ds = *base.dataset;
  const std::vector<std::uint32_t> a_products = matching_products(ds, options.a);
  if (a_products.empty())
    throw std::invalid_argument("crossSell.a: no product with " + options.a.describe() + " in the data");
  const std::int32_t window_start = months_before(base.end_day, options.months);  // exclusive
  const std::vector<std::int32_t> last_a = last_bought_day(base, a_products);

  PackResult pack;
  pack.key = "crosssell";
  pack.details["a"] = options.a.describe();
  pack.details["months"] = options.months;
  pack.details["windowStart"] = format_iso_date(window_start + 1);
  pack.group_of.resize(base.size());
  if (!options.b) {
    enum { Bought, Other };
    pack.groups = catalog_groups(CatalogPack::BoughtItem);
    for (std::size_t r = 0; r < base.size(); ++r) pack.group_of[r] = last_a[r] > window_start ? Bought : Other;
  } else {
    enum { ANotB, AAndB, Other };
    pack.groups = catalog_groups(CatalogPack::CrossSell);
    const std::vector<std::uint32_t> b_products = matching_products(ds, *options.b);
    if (b_products.empty())
      pack.notes.push_back("crossSell.b: no product with " + options.b->describe() +
                           " in the data, so nobody has bought it");
    const std::vector<std::int32_t> last_b = last_bought_day(base, b_products);
    for (std::size_t r = 0; r < base.size(); ++r)
      pack.group_of[r] = last_a[r] <= window_start ? Other : last_b[r] == kNeverBought ? ANotB : AAndB;
    pack.details["b"] = options.b->describe();
  }
  tally_customers(pack, base);
  return pack;
}

}  // namespace orderlens::segments
