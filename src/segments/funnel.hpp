// The CRM playbook's five funnel groups, from a website events file joined to the customers.
//
// Members are the visitors of the events file (visitors without orders included). A visitor is
// joined to a customer by member id (a user-id visitor whose key is a customer's member id) or
// by email (the visitor's email is a customer's email key or email column). A visitor counts as
// a buyer when the events record a purchase, or when the joined customer has a purchase order
// within the events file's date range (tags miss purchases: ad blockers, orders taken by phone).
// Then, by the counts: bought with an add-to-cart -> bought_via_cart; bought without ->
// quick_buyers; carted, not bought -> carted_not_bought; product views, no cart ->
// viewed_no_cart; anything else (page views or other events only) -> visited_only.
#pragma once

#include <vector>

#include "events/event_log.hpp"
#include "segments/pack.hpp"

namespace orderlens::segments {

struct FunnelResult {
  PackResult pack;                        // group_of and columns per visitor
  std::vector<std::uint32_t> visitor_row;  // customer row of `base` per visitor, kNoRow when not joined or no purchase
};

FunnelResult funnel_pack(const CustomerBase& base, const EventLog& events);

}  // namespace orderlens::segments
