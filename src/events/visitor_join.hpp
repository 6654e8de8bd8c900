// Which customer of an order file a visitor of an events file is: a user-id visitor whose key
// is a customer's member id, else the customer whose email (key or email column) is the
// visitor's email. Used by the funnel groups and the acquisition channel.
#pragma once

#include <cstdint>
#include <string_view>

#include <tsl/robin_map.h>

#include "events/event_log.hpp"
#include "model/dataset.hpp"

namespace orderlens {

enum class JoinedBy : std::uint8_t { None, MemberId, Email };

struct JoinedCustomer {
  std::uint32_t customer = kNoCustomer;  // index into CustomersTable
  JoinedBy by = JoinedBy::None;
  static constexpr std::uint32_t kNoCustomer = 0xFFFFFFFFu;
};

class VisitorJoin {
 public:
  explicit VisitorJoin(const Dataset& dataset);
  JoinedCustomer customer_of(const EventLog& events, std::size_t visitor) const;

 private:
  std::uint32_t by_email(std::string_view email) const;
  const Dataset& ds_;
  // Customers keyed otherwise with an email column (email-keyed ones are found by their key).
  tsl::robin_map<std::string_view, std::uint32_t> by_email_;
};

}  // namespace orderlens
