// Turns mapped data rows into orders, line items, customers and products.
//
// Rows are grouped by order id (without an order id column every row is an order). Order-level
// values (customer, date, total, refund, status, channel) come from the first row of an order
// that has them; Shopify writes them on the first row only, Cafe24 / WooCommerce repeat them.
// A later row that disagrees is kept as a line but reported (conflicting_order_value); a later
// row with a negative order amount is a refund of that order (WooCommerce Analytics).
// Revenue rules per status are in order_status.hpp; finish() applies them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ingest/column_mapping.hpp"
#include "ingest/csv_tokenizer.hpp"
#include "ingest/date_time.hpp"
#include "ingest/diagnostics.hpp"
#include "ingest/mapped_value.hpp"
#include "ingest/money.hpp"
#include "ingest/order_status.hpp"
#include "ingest/presets.hpp"
#include "model/dataset.hpp"

namespace orderlens {

struct AssemblerConfig {
  ColumnMapping mapping;
  std::vector<ColumnRole> identity_roles;
  StatusScope status_scope = StatusScope::Order;
  DateParseOptions date_options;
  DecimalSeparator decimal = DecimalSeparator::Point;
  std::size_t header_fields = 0;
  // Caller's own status words (normalized with normalize_header_name) checked first.
  std::vector<std::pair<std::string, OrderStatus>> custom_statuses;
  std::optional<std::int32_t> today_day;  // orders after it are warned about (future_date)
};

class OrderAssembler {
 public:
  OrderAssembler(AssemblerConfig config, Dataset& dataset, Diagnostics& diagnostics);

  void add_row(const CsvRecord& record);
  // Applies the status and refund rules to every order. `shrink` gives back the tables' slack
  // (skipped for a part of a parallel read, which is encoded or merged).
  void finish(bool shrink = true);

  using Value = MappedValue;
  // The first non-empty, non-placeholder value of `role`'s columns in `record`.
  static Value value_in(const ColumnMapping& mapping, const CsvRecord& record, ColumnRole role);

 private:
  Value value_of(const CsvRecord& record, ColumnRole role) const;
  std::optional<OrderStatus> status_of(std::string_view text);
  std::optional<OrderStatus> classify_status_word(std::string_view text) const;
  struct CachedStatus {
    std::string text;
    std::optional<OrderStatus> status;
  };
  std::array<CachedStatus, 8> status_cache_;
  std::size_t status_cache_next_ = 0;

  bool check_shape(const CsvRecord& record);
  struct Identity {
    std::string key;
    IdentityKind kind = IdentityKind::MemberId;
    Value source;
    Value first_unusable;
    IdentityProblem problem = IdentityProblem::None;
  };
  Identity resolve_identity(const CsvRecord& record) const;
  struct Line {
    bool present = false;
    double quantity = 1;
    double amount = 0;
    LineKind kind = LineKind::Sale;
    std::string_view product_key;
    std::string_view product_name;
  };
  bool parse_line(const CsvRecord& record, Line& line);
  bool is_duplicate(const CsvRecord& record, std::uint32_t order);
  void remember_row(std::uint64_t fingerprint, std::uint32_t order);
  std::uint32_t create_order(const CsvRecord& record, std::string_view order_key);
  // Warns about values that differ from the order's first row; returns the refunded amount when
  // the row is a refund of the order (a negative amount), whose other values are not compared.
  std::optional<double> check_conflicts(const CsvRecord& record, std::uint32_t order);
  void add_line(std::uint32_t order, const Line& line, const CsvRecord& record);
  std::uint32_t customer_for(const Identity& id, const CsvRecord& record);
  void conflict(const Value& v, std::string_view kept);
  void flush_warnings(const CsvRecord& record);
  void release_ingestion_state();

  // Warnings about a row are held until the row is known to be used, so a skipped row is
  // counted once, under its skip reason.
  struct PendingWarning {
    WarningKind kind;
    Value value;
    std::string detail;
  };
  std::vector<PendingWarning> pending_warnings_;

  AssemblerConfig config_;
  Dataset& ds_;
  Diagnostics& diag_;
  bool has_order_id_;
  bool has_line_roles_;
  // Fingerprints of the used rows of each order, as a chain per order (order -> its last row ->
  // the row before ...): duplicates are only looked for among the rows of the same order.
  std::vector<std::uint64_t> row_fingerprint_;
  std::vector<std::uint32_t> row_previous_;
  std::vector<std::uint32_t> order_last_row_;
  std::uint64_t pending_fingerprint_ = 0;

  // Per order, while assembling (indexed like OrdersTable).
  std::vector<double> written_total_;   // NaN when the order row had none
  std::vector<double> refund_column_;   // NaN when absent
  std::vector<double> refund_rows_;     // negative order-level amounts on later rows
  std::vector<std::int8_t> order_status_;  // -1 when not given at order level
  std::vector<std::uint8_t> cancelled_at_;
  // 32-bit hashes of the first row's date and amount text: a later row with the same text needs
  // no parsing to be compared (a collision only skips a comparison).
  std::vector<std::uint32_t> date_text_hash_;
  std::vector<std::uint32_t> total_text_hash_;
  std::vector<std::uint32_t> identity_text_hash_;

  // Rows of one order usually follow each other: the last order id seen, to skip its lookup.
  std::string last_order_key_;
  std::uint32_t last_order_ = 0xFFFFFFFFu;
  // The last value interned for the few-valued order columns (channel, coupon, currency).
  struct LastInterned {
    std::string text;
    std::uint32_t id = 0;
  };
  LastInterned last_channel_, last_coupon_, last_currency_;
  std::uint32_t intern_repeated(LastInterned& last, std::string_view text);
  // The order's channel as written: a utm_source tag from the attribution text, else the
  // referring site, else the channel column (the channel report normalizes all three).
  std::string_view channel_text(const CsvRecord& record) const;
};

}  // namespace orderlens
