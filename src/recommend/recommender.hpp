// One customer's recommendations from the fitted parts (recommend.hpp lists the tiers). Scratch
// arrays over the products are reused from customer to customer, so a list costs the customer's
// products times their neighbours, never the catalogue.
#pragma once

#include <cstdint>
#include <vector>

#include "recommend/item_neighbours.hpp"
#include "recommend/popularity.hpp"
#include "recommend/purchase_history.hpp"
#include "recommend/recommend.hpp"
#include "recommend/reorder.hpp"

namespace orderlens::recommend {

struct RecommenderModel {
  std::int32_t end_day = 0;
  PurchaseHistory history;
  ItemNeighbours neighbours;
  Popularity popularity;
  ContentGroups content;
  Consumables consumables;
  double popularity_weight = 0;
};

RecommenderModel fit_recommender(const Dataset& dataset, const RecommendOptions& options, std::int32_t end_day);

class Recommender {
 public:
  Recommender(const RecommenderModel& model, std::size_t products);

  // Appends customer c's top n (all tiers) to `out`.
  void recommend(std::uint32_t c, std::uint32_t n, std::vector<Recommendation>& out);
  // Appends the popularity baseline: the n best sellers c has not bought.
  void best_sellers(std::uint32_t c, std::uint32_t n, std::vector<Recommendation>& out);

 private:
  void mark_bought(std::uint32_t c);
  void add_reorders(std::uint32_t c, std::uint32_t n, std::vector<Recommendation>& out);
  void add_collaborative(std::uint32_t c, std::uint32_t n, std::vector<Recommendation>& out);
  void add_favourite_group(std::uint32_t c, std::uint32_t n, std::vector<Recommendation>& out);
  // The products of [first, last) not taken yet, in that order, until the list holds n.
  void add_ranked(const std::uint32_t* first, const std::uint32_t* last, Reason reason,
                  std::uint32_t because, std::uint32_t n, std::vector<Recommendation>& out);
  void take_sorted(std::vector<Recommendation>& candidates, std::uint32_t n, std::vector<Recommendation>& out);
  bool taken(std::uint32_t p) const { return seen_[p] == stamp_; }

  const RecommenderModel& m_;
  std::vector<std::uint32_t> seen_;  // == stamp_: bought by, or already listed for, the customer
  std::uint32_t stamp_ = 0;
  std::vector<double> score_, best_;  // CF: summed similarity, largest single contribution
  std::vector<std::uint32_t> because_;
  std::vector<Reason> reason_;
  std::vector<std::uint32_t> touched_;
  std::vector<std::uint32_t> group_count_;
  std::vector<Recommendation> candidates_;
  struct Scored {
    double score;       // neighbours + λ · recent share
    double neighbours;  // the summed similarities alone
    std::uint32_t product;
  };
  std::vector<Scored> scored_;
};

}  // namespace orderlens::recommend
