#include "recommend/segment_membership.hpp"

#include <algorithm>

#include "ingest/ingest_error.hpp"
#include "recommend/recommend.hpp"
#include "segments/segmentation.hpp"

namespace orderlens::recommend {

namespace {

[[noreturn]] void bad_segment(const std::string& expected) {
  throw IngestError(IngestErrorCode::BadOption, "options.segment: expected " + expected);
}

}  // namespace

SegmentMembership segment_membership(const Dataset& ds, const std::string& segment,
                                     const std::optional<segments::RuleSet>& rules, std::int32_t end_day) {
  const std::size_t dot = segment.find('.');
  SegmentMembership m;
  m.pack = segment.substr(0, dot);
  const char* packs = "a pack (rfm, repurchase, cycle, crosssell, tiers, or custom with options.rules) or a group such as \"rfm.champions\"";
  const auto& keys = segments::kPackKeys;
  if (m.pack == "funnel" || std::find(std::begin(keys), std::end(keys), m.pack) == std::end(keys))
    bad_segment(std::string(packs) + ", not \"" + segment + "\"");
  if (m.pack == "custom" && !rules) bad_segment("options.rules with the custom segments for \"" + segment + "\"");
  segments::SegmentationOptions o;
  o.end_day = end_day;
  o.packs = {m.pack};
  o.rules = rules;
  const segments::Segmentation s = segments::segment_customers(ds, o);
  const auto pack = std::find_if(s.packs.begin(), s.packs.end(), [&](const segments::PackResult& p) { return p.key == m.pack; });
  if (pack == s.packs.end()) bad_segment("a pack that applies to this data; \"" + m.pack + "\" could not be computed");
  for (const segments::GroupDefinition& g : pack->groups) m.group_keys.push_back(g.key);
  if (dot != std::string::npos) {
    const std::string group = segment.substr(dot + 1);
    const std::size_t index = pack->group_index(group);
    if (index == pack->groups.size()) {
      std::string list;
      for (const std::string& k : m.group_keys) list += (list.empty() ? "" : ", ") + k;
      bad_segment("a group of " + m.pack + " (" + list + "), not \"" + group + "\"");
    }
    m.only_group = static_cast<std::uint32_t>(index);
  }
  m.group_of_customer.assign(ds.customers.size(), kNone);
  for (std::size_t row = 0; row < pack->group_of.size(); ++row) m.group_of_customer[s.base.summary.customer[row]] = pack->group_of[row];
  return m;
}

}  // namespace orderlens::recommend
