#include "segments/rules.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>

#include "ingest/date_time.hpp"
#include "ingest/ingest_error.hpp"
#include "segments/group_catalog.hpp"
#include "util/json_keys.hpp"

namespace orderlens::segments {

namespace {

using json = nlohmann::json;

enum class FieldType : std::uint8_t { Number, Date, Text };

struct FieldInfo {
  const char* name;
  FieldType type;
  bool from_clv;
};

constexpr std::array kFields = {
    FieldInfo{"orders", FieldType::Number, false},        FieldInfo{"revenue", FieldType::Number, false},
    FieldInfo{"aov", FieldType::Number, false},           FieldInfo{"items", FieldType::Number, false},
    FieldInfo{"products", FieldType::Number, false},      FieldInfo{"recencyDays", FieldType::Number, false},
    FieldInfo{"tenureDays", FieldType::Number, false},    FieldInfo{"r", FieldType::Number, false},
    FieldInfo{"f", FieldType::Number, false},             FieldInfo{"m", FieldType::Number, false},
    FieldInfo{"pAlive", FieldType::Number, true},         FieldInfo{"clv", FieldType::Number, true},
    FieldInfo{"expectedPurchases", FieldType::Number, true}, FieldInfo{"churnProbability", FieldType::Number, true},
    FieldInfo{"firstOrderDate", FieldType::Date, false},  FieldInfo{"lastOrderDate", FieldType::Date, false},
    FieldInfo{"channel", FieldType::Text, false},
};

enum class Op : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge, Between, In };
constexpr std::array<const char*, 8> kOpNames = {"=", "!=", "<", "<=", ">", ">=", "between", "in"};

std::string field_list() {
  std::string out;
  for (const FieldInfo& f : kFields) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

}  // namespace

struct Condition {
  enum class Kind : std::uint8_t { All, Any, Not, Compare, InSegment, Bought, NeverBought };
  Kind kind = Kind::All;
  std::string path;  // JSON pointer, for errors found when the rule is bound to the data
  std::vector<Condition> children;
  // Compare
  std::size_t field = 0;
  Op op = Op::Eq;
  std::vector<double> numbers;      // one value; [lo, hi] for between; the list for in
  std::vector<std::string> texts;   // channel values
  // InSegment
  std::string pack, group;
  // Bought / NeverBought
  ItemRef item;
  std::optional<std::int32_t> within_days;
};

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& expected) {
  throw IngestError(IngestErrorCode::BadOption, "custom rules at " + (path.empty() ? std::string("/") : path) +
                                                    ": expected " + expected);
}

std::string child(const std::string& path, const std::string& key) { return path + "/" + key; }
std::string child(const std::string& path, std::size_t index) { return path + "/" + std::to_string(index); }

double number_at(const json& v, const std::string& path, FieldType type) {
  if (type == FieldType::Date) {
    const DateResult d = v.is_string() ? parse_date_time(v.get<std::string>(), DateParseOptions{DayMonthOrder::MonthFirst, false})
                                       : DateResult{{}, DateError::Unrecognized};
    if (!d.ok()) fail(path, "a date such as \"2024-03-31\"");
    return d.value.days;
  }
  if (!v.is_number()) fail(path, "a number");
  const double x = v.get<double>();
  if (!std::isfinite(x)) fail(path, "a finite number");
  return x;
}

ItemRef item_at(const json& v, const std::string& path) {
  ItemRefProblem problem;
  const std::optional<ItemRef> item = item_ref_from_json(v, problem);
  if (!item) fail(problem.key.empty() ? path : child(path, problem.key), problem.expected);
  return *item;
}

void reject_unknown_keys(const json& v, const std::string& path, std::initializer_list<const char*> allowed) {
  if (const auto key = unknown_key(v, allowed)) fail(child(path, *key), "no other key here than " + key_list(allowed));
}

Condition parse_condition(const json& v, const std::string& path, RuleSet& set) {
  if (!v.is_object() || v.empty())
    fail(path, "a condition: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}}, {\"field\", \"op\", \"value\"}, "
               "{\"inSegment\": \"pack.group\"}, {\"bought\": {...}} or {\"neverBought\": {...}}");
  Condition c;
  c.path = path;
  if (v.contains("all") || v.contains("any")) {
    const char* key = v.contains("all") ? "all" : "any";
    reject_unknown_keys(v, path, {key});
    const json& list = v[key];
    if (!list.is_array() || list.empty()) fail(child(path, key), "a non-empty array of conditions");
    c.kind = v.contains("all") ? Condition::Kind::All : Condition::Kind::Any;
    for (std::size_t i = 0; i < list.size(); ++i) c.children.push_back(parse_condition(list[i], child(child(path, key), i), set));
    return c;
  }
  if (v.contains("not")) {
    reject_unknown_keys(v, path, {"not"});
    c.kind = Condition::Kind::Not;
    c.children.push_back(parse_condition(v["not"], child(path, "not"), set));
    return c;
  }
  if (v.contains("inSegment")) {
    reject_unknown_keys(v, path, {"inSegment"});
    const json& s = v["inSegment"];
    const std::string text = s.is_string() ? s.get<std::string>() : "";
    const auto dot = text.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == text.size())
      fail(child(path, "inSegment"), "\"pack.group\", such as \"rfm.champions\" or \"repurchase.loyal\"");
    c.kind = Condition::Kind::InSegment;
    c.pack = text.substr(0, dot);
    c.group = text.substr(dot + 1);
    set.packs_referenced.insert(c.pack);
    return c;
  }
  if (v.contains("bought") || v.contains("neverBought")) {
    const char* key = v.contains("bought") ? "bought" : "neverBought";
    reject_unknown_keys(v, path, {key, "withinDays"});
    c.kind = v.contains("bought") ? Condition::Kind::Bought : Condition::Kind::NeverBought;
    c.item = item_at(v[key], child(path, key));
    if (v.contains("withinDays")) {
      const json& d = v["withinDays"];
      if (!d.is_number_integer() || d.get<std::int64_t>() < 1 || d.get<std::int64_t>() > 100000)
        fail(child(path, "withinDays"), "a whole number of days (1 or more)");
      c.within_days = static_cast<std::int32_t>(d.get<std::int64_t>());
    }
    return c;
  }
  if (!v.contains("field"))
    fail(path, "a condition with one of the keys all, any, not, field, inSegment, bought, neverBought");
  reject_unknown_keys(v, path, {"field", "op", "value"});
  c.kind = Condition::Kind::Compare;
  const json& f = v["field"];
  const std::string name = f.is_string() ? f.get<std::string>() : "";
  const auto it = std::find_if(kFields.begin(), kFields.end(), [&](const FieldInfo& info) { return name == info.name; });
  if (it == kFields.end()) fail(child(path, "field"), "one of " + field_list());
  c.field = static_cast<std::size_t>(it - kFields.begin());
  if (it->from_clv) set.needs_clv = true;
  const json& o = v.contains("op") ? v["op"] : json();
  const std::string op = o.is_string() ? o.get<std::string>() : "";
  const auto op_it = std::find(kOpNames.begin(), kOpNames.end(), op);
  if (op_it == kOpNames.end()) fail(child(path, "op"), "one of =, !=, <, <=, >, >=, between, in");
  c.op = static_cast<Op>(op_it - kOpNames.begin());
  if (!v.contains("value")) fail(child(path, "value"), "a value to compare with");
  const json& value = v["value"];
  const std::string vpath = child(path, "value");
  if (it->type == FieldType::Text) {
    if (c.op != Op::Eq && c.op != Op::Ne && c.op != Op::In) fail(child(path, "op"), "=, != or in for the text field " + name);
    if (c.op == Op::In) {
      if (!value.is_array() || value.empty()) fail(vpath, "a non-empty array of texts");
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string()) fail(child(vpath, i), "a text");
        c.texts.push_back(value[i].get<std::string>());
      }
    } else {
      if (!value.is_string()) fail(vpath, "a text");
      c.texts.push_back(value.get<std::string>());
    }
    return c;
  }
  if (c.op == Op::Between) {
    if (!value.is_array() || value.size() != 2) fail(vpath, "[low, high]");
    c.numbers = {number_at(value[0], child(vpath, 0), it->type), number_at(value[1], child(vpath, 1), it->type)};
    if (c.numbers[0] > c.numbers[1]) fail(vpath, "[low, high] with low <= high");
  } else if (c.op == Op::In) {
    if (!value.is_array() || value.empty()) fail(vpath, "a non-empty array");
    for (std::size_t i = 0; i < value.size(); ++i) c.numbers.push_back(number_at(value[i], child(vpath, i), it->type));
  } else {
    c.numbers.push_back(number_at(value, vpath, it->type));
  }
  return c;
}

Text text_at(const json& v, const std::string& path, const std::string& fallback) {
  if (v.is_null()) return {fallback, fallback};
  if (v.is_string()) return {v.get<std::string>(), v.get<std::string>()};
  if (!v.is_object()) fail(path, "a text or {\"en\": ..., \"ko\": ...}");
  reject_unknown_keys(v, path, {"en", "ko", "key"});
  Text t;
  for (const char* lang : {"en", "ko"})
    if (v.contains(lang) && !v[lang].is_string()) fail(child(path, lang), "a text");
  t.en = v.value("en", fallback);
  t.ko = v.value("ko", t.en);
  return t;
}

bool valid_key(const std::string& key) {
  return !key.empty() && key.size() <= 64 &&
         std::all_of(key.begin(), key.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-'; });
}

}  // namespace

RuleSet parse_rules(const json& rules) {
  RuleSet set;
  const json* list = &rules;
  std::string base_path;
  if (rules.is_object()) {
    reject_unknown_keys(rules, "", {"segments", "minSize"});
    if (rules.contains("minSize")) {
      const json& m = rules["minSize"];
      if (!m.is_number_integer() || m.get<std::int64_t>() < 0) fail("/minSize", "a whole number of customers (0 or more)");
      set.min_size = static_cast<std::uint64_t>(m.get<std::int64_t>());
    }
    if (!rules.contains("segments")) fail("/segments", "an array of segments");
    list = &rules["segments"];
    base_path = "/segments";
  }
  if (!list->is_array() || list->empty()) fail(base_path, "a non-empty array of segments");
  if (list->size() > 200) fail(base_path, "at most 200 segments");
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& s = (*list)[i];
    const std::string path = child(base_path, i);
    if (!s.is_object()) fail(path, "a segment {\"key\", \"name\", \"campaign\", \"rule\"}");
    reject_unknown_keys(s, path, {"key", "name", "campaign", "rule"});
    CustomSegment seg;
    const std::string key = s.contains("key") && s["key"].is_string() ? s["key"].get<std::string>() : "";
    if (!valid_key(key)) fail(child(path, "key"), "a key of letters, digits, _ or - (at most 64)");
    if (key == "other") fail(child(path, "key"), "a key other than \"other\" (customers matching no rule go there)");
    for (const CustomSegment& earlier : set.segments)
      if (earlier.group.key == key) fail(child(path, "key"), "a key not used by an earlier segment");
    seg.group.key = key;
    seg.group.name = text_at(s.contains("name") ? s["name"] : json(), child(path, "name"), key);
    const json campaign = s.contains("campaign") ? s["campaign"] : json();
    seg.group.campaign = text_at(campaign, child(path, "campaign"), "");
    seg.group.campaign_key = campaign.is_object() && campaign.contains("key") && campaign["key"].is_string()
                                 ? campaign["key"].get<std::string>()
                                 : key;
    if (!s.contains("rule")) fail(child(path, "rule"), "a rule (a condition)");
    seg.rule = std::make_shared<Condition>(parse_condition(s["rule"], child(path, "rule"), set));
    set.segments.push_back(std::move(seg));
  }
  return set;
}

namespace {

using Test = std::function<bool(std::size_t)>;

// Binds a parsed condition to the data: one closure per node over per-customer arrays.
class Binder {
 public:
  explicit Binder(const RuleContext& context) : ctx_(context) {}

  Test bind(const Condition& c) {
    switch (c.kind) {
      case Condition::Kind::All:
      case Condition::Kind::Any: {
        std::vector<Test> parts;
        for (const Condition& ch : c.children) parts.push_back(bind(ch));
        if (c.kind == Condition::Kind::All)
          return [parts](std::size_t r) { return std::all_of(parts.begin(), parts.end(), [r](const Test& t) { return t(r); }); };
        return [parts](std::size_t r) { return std::any_of(parts.begin(), parts.end(), [r](const Test& t) { return t(r); }); };
      }
      case Condition::Kind::Not: {
        Test inner = bind(c.children.front());
        return [inner](std::size_t r) { return !inner(r); };
      }
      case Condition::Kind::InSegment: return bind_segment(c);
      case Condition::Kind::Bought:
      case Condition::Kind::NeverBought: return bind_bought(c);
      case Condition::Kind::Compare: return kFields[c.field].type == FieldType::Text ? bind_text(c) : bind_number(c);
    }
    return [](std::size_t) { return false; };
  }

  std::vector<std::string> notes;

 private:
  Test bind_segment(const Condition& c) {
    const auto pack = std::find_if(ctx_.packs.begin(), ctx_.packs.end(), [&](const PackResult& p) { return p.key == c.pack; });
    // The funnel's members are visitors: rules read each customer's group through its visitor.
    const bool funnel = pack != ctx_.packs.end() && c.pack == "funnel" && ctx_.funnel_group_of_row;
    if (pack == ctx_.packs.end() || (!funnel && pack->group_of.size() != ctx_.base.size())) {
      std::string list;
      for (const PackResult& p : ctx_.packs)
        if (p.group_of.size() == ctx_.base.size()) list += (list.empty() ? "" : ", ") + p.key;
      fail(c.path + "/inSegment", "a pack computed for the customers (" + list + "), not \"" + c.pack + "\"");
    }
    const std::size_t g = pack->group_index(c.group);
    if (g == pack->groups.size()) {
      std::string list;
      for (const GroupDefinition& d : pack->groups) list += (list.empty() ? "" : ", ") + d.key;
      fail(c.path + "/inSegment", "a group of " + c.pack + " (" + list + "), not \"" + c.group + "\"");
    }
    const std::vector<std::uint8_t>* group_of = funnel ? ctx_.funnel_group_of_row : &pack->group_of;
    return [group_of, g](std::size_t r) { return (*group_of)[r] == g; };
  }

  Test bind_bought(const Condition& c) {
    const std::vector<std::uint32_t> products = matching_products(*ctx_.base.dataset, c.item);
    if (products.empty()) notes.push_back(c.path + ": no product with " + c.item.describe() + " in the data");
    auto last = std::make_shared<std::vector<std::int32_t>>(last_bought_day(ctx_.base, products));
    // Bought within the last n days: on one of the n days ending with the end date.
    const std::int32_t since = c.within_days ? ctx_.base.end_day - *c.within_days + 1 : kNeverBought + 1;
    const bool want = c.kind == Condition::Kind::Bought;
    return [last, since, want](std::size_t r) { return ((*last)[r] >= since) == want; };
  }

  Test bind_text(const Condition& c) {
    // Channels are interned texts: compare ids.
    std::vector<std::uint32_t> ids;
    for (const std::string& t : c.texts) ids.push_back(ctx_.base.dataset->text.find(t));
    const std::vector<std::uint32_t>* channel = &ctx_.base.summary.first_channel;
    const bool negate = c.op == Op::Ne;
    return [ids, channel, negate](std::size_t r) {
      const bool hit = std::find(ids.begin(), ids.end(), (*channel)[r]) != ids.end() && (*channel)[r] != 0;
      return hit != negate;
    };
  }

  Test bind_number(const Condition& c) {
    std::shared_ptr<const std::vector<double>> values = column(c);
    const Op op = c.op;
    const std::vector<double> n = c.numbers;
    return [values, op, n](std::size_t r) {
      const double x = (*values)[r];
      if (std::isnan(x)) return false;  // no prediction for this customer: no comparison holds
      switch (op) {
        case Op::Eq: return x == n[0];
        case Op::Ne: return x != n[0];
        case Op::Lt: return x < n[0];
        case Op::Le: return x <= n[0];
        case Op::Gt: return x > n[0];
        case Op::Ge: return x >= n[0];
        case Op::Between: return x >= n[0] && x <= n[1];
        case Op::In: return std::find(n.begin(), n.end(), x) != n.end();
      }
      return false;
    };
  }

  std::shared_ptr<const std::vector<double>> column(const Condition& c) {
    const std::string name = kFields[c.field].name;
    if (auto it = columns_.find(name); it != columns_.end()) return it->second;
    const CustomerBase& b = ctx_.base;
    const CustomerSummary& s = b.summary;
    const std::size_t n = b.size();
    auto values = std::make_shared<std::vector<double>>(n);
    auto fill = [&](auto get) {
      for (std::size_t r = 0; r < n; ++r) (*values)[r] = get(r);
    };
    if (name == "orders") fill([&](std::size_t r) { return double(s.orders[r]); });
    else if (name == "revenue") fill([&](std::size_t r) { return s.net_revenue[r]; });
    else if (name == "aov") fill([&](std::size_t r) { return s.aov[r]; });
    else if (name == "items") fill([&](std::size_t r) { return s.items[r]; });
    else if (name == "products") fill([&](std::size_t r) { return double(s.products[r]); });
    else if (name == "recencyDays") fill([&](std::size_t r) { return double(b.recency_days[r]); });
    else if (name == "tenureDays") fill([&](std::size_t r) { return double(b.end_day - s.first_day[r]); });
    else if (name == "firstOrderDate") fill([&](std::size_t r) { return double(s.first_day[r]); });
    else if (name == "lastOrderDate") fill([&](std::size_t r) { return double(s.last_day[r]); });
    else if (name == "r" || name == "f" || name == "m") *values = rfm_column(c, name);
    else *values = clv_column(c, name);
    columns_[name] = values;
    return values;
  }

  std::vector<double> rfm_column(const Condition& c, const std::string& name) {
    for (const PackResult& p : ctx_.packs)
      if (p.key == "rfm")
        for (const MemberColumn& col : p.columns)
          if (col.key == name) return col.values;
    fail(c.path + "/field", "a field of a computed pack: RFM scores need the rfm pack");
  }

  std::vector<double> clv_column(const Condition& c, const std::string& name) {
    const clv::CustomerPredictions* p = ctx_.clv;
    if (!p || p->p_alive.size() != ctx_.base.size()) fail(c.path + "/field", "a field that is available: " + name + " needs the CLV analysis");
    if (name == "pAlive") return p->p_alive;
    if (name == "clv") return p->clv;
    if (name == "expectedPurchases") return p->expected_purchases;
    return p->churn_probability;
  }

  const RuleContext& ctx_;
  std::map<std::string, std::shared_ptr<const std::vector<double>>> columns_;
};

}  // namespace

PackResult custom_pack(const RuleSet& rules, const RuleContext& context) {
  PackResult pack;
  pack.key = "custom";
  Binder binder(context);
  std::vector<Test> tests;
  for (const CustomSegment& s : rules.segments) {
    pack.groups.push_back(s.group);
    tests.push_back(binder.bind(*s.rule));
  }
  pack.groups.push_back(unmatched_group());
  const std::size_t other = rules.segments.size();
  pack.group_of.assign(context.base.size(), static_cast<std::uint8_t>(other));
  for (std::size_t r = 0; r < context.base.size(); ++r) {
    for (std::size_t g = 0; g < tests.size(); ++g) {
      if (tests[g](r)) {
        pack.group_of[r] = static_cast<std::uint8_t>(g);
        break;
      }
    }
  }
  pack.notes = std::move(binder.notes);
  tally_customers(pack, context.base);
  return pack;
}

}  // namespace orderlens::segments
