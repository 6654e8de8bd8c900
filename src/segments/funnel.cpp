#include "segments/funnel.hpp"

#include <algorithm>

#include "events/visitor_join.hpp"
#include "segments/group_catalog.hpp"
#include "util/civil_date.hpp"
#include "util/hash.hpp"

namespace orderlens::segments {

FunnelResult funnel_pack(const CustomerBase& base, const EventLog& events) {
  enum { VisitedOnly, ViewedNoCart, CartedNotBought, BoughtViaCart, QuickBuyers };
  const Dataset& ds = *base.dataset;
  const std::size_t n = events.size();
  FunnelResult result;
  PackResult& pack = result.pack;
  pack.key = "funnel";
  pack.groups = catalog_groups(CatalogPack::Funnel);
  result.visitor_row.assign(n, kNoRow);

  std::int32_t first_day = 0, last_day = -1;
  for (std::size_t i = 0; i < n; ++i) {
    first_day = i ? std::min(first_day, events.first_day[i]) : events.first_day[i];
    last_day = i ? std::max(last_day, events.last_day[i]) : events.last_day[i];
  }
  const VisitorJoin join(ds);
  std::size_t by_id = 0, by_email = 0, bought_by_orders = 0;
  pack.group_of.resize(n);
  MemberColumn columns[kEventKindCount] = {{"pageViews", {}}, {"productViews", {}}, {"addToCarts", {}}, {"purchaseEvents", {}},
                                           {"otherEvents", {}}};
  for (MemberColumn& c : columns) c.values.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const JoinedCustomer joined = join.customer_of(events, i);
    by_id += joined.by == JoinedBy::MemberId;
    by_email += joined.by == JoinedBy::Email;
    const std::uint32_t row = joined.by == JoinedBy::None ? kNoRow : base.row_of_customer[joined.customer];
    result.visitor_row[i] = row;

    const EventCounts& c = events.counts[i];
    for (std::size_t k = 0; k < kEventKindCount; ++k) columns[k].values[i] = c[k];
    bool bought = c[index_of(EventKind::Purchase)] > 0;
    if (!bought && row != kNoRow) {
      const auto days = base.purchase_days(row);
      const auto it = std::lower_bound(days.begin(), days.end(), first_day);
      if (it != days.end() && *it <= last_day) {
        bought = true;
        ++bought_by_orders;
      }
    }
    const bool carted = c[index_of(EventKind::AddToCart)] > 0;
    const bool viewed = c[index_of(EventKind::ProductView)] > 0;
    pack.group_of[i] = static_cast<std::uint8_t>(bought   ? (carted ? BoughtViaCart : QuickBuyers)
                                                 : carted ? CartedNotBought
                                                 : viewed ? ViewedNoCart
                                                          : VisitedOnly);
  }
  for (MemberColumn& c : columns) pack.columns.push_back(std::move(c));

  pack.totals.assign(pack.groups.size(), GroupTotals{});
  for (std::size_t i = 0; i < n; ++i) {
    GroupTotals& t = pack.totals[pack.group_of[i]];
    ++t.members;
    const std::uint32_t row = result.visitor_row[i];
    if (row == kNoRow) continue;
    ++t.customers;
    t.orders += base.summary.orders[row];
    t.revenue += base.summary.net_revenue[row];
    t.recency_days_sum += base.recency_days[row];
  }
  pack.details["visitors"] = n;
  pack.details["joinedByMemberId"] = by_id;
  pack.details["joinedByEmail"] = by_email;
  pack.details["buyersFromOrders"] = bought_by_orders;
  if (n) {
    pack.details["eventsFrom"] = format_iso_date(first_day);
    pack.details["eventsTo"] = format_iso_date(last_day);
  }
  if (n && by_id + by_email == 0)
    pack.notes.push_back("No visitor of the events file matched a customer of the orders file by member id or email; "
                         "the groups come from the events alone.");
  return result;
}

}  // namespace orderlens::segments
