// Precision and recall of the matcher on generated customers with known
// duplicates (tools/synth), the way the batch finder runs it: keys, blocks,
// then every pair that shares a block is compared.
#include <relais/customers/matching.h>
#include <synth/synthetic_customers.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace relais {
namespace {

using Pair = std::pair<std::size_t, std::size_t>;

struct Population {
  std::vector<synth::SyntheticCustomer> records;
  std::vector<IdentityKeys> keys;
  std::set<Pair> true_pairs;
  std::vector<Pair> candidates;  // pairs sharing at least one block, i < j
  std::size_t largest_block = 0;
};

Population prepare(std::uint64_t seed) {
  Population run;
  run.records = synth::generate_customers({.seed = seed, .entities = 3000});
  for (const auto& record : run.records) run.keys.push_back(identity_keys(record.draft));
  for (const auto& pair : synth::true_duplicate_pairs(run.records)) run.true_pairs.insert(pair);

  std::unordered_map<std::string, std::vector<std::size_t>> blocks;
  for (std::size_t i = 0; i < run.keys.size(); ++i)
    for (const auto& block : blocking_keys(run.keys[i])) blocks[block].push_back(i);
  for (const auto& [block, members] : blocks) {
    run.largest_block = std::max(run.largest_block, members.size());
    for (std::size_t a = 0; a < members.size(); ++a)
      for (std::size_t b = a + 1; b < members.size(); ++b)
        run.candidates.emplace_back(std::min(members[a], members[b]), std::max(members[a], members[b]));
  }
  std::sort(run.candidates.begin(), run.candidates.end());
  run.candidates.erase(std::unique(run.candidates.begin(), run.candidates.end()), run.candidates.end());
  return run;
}

// A pair as a reviewer would read it, for the failure message.
std::string describe(const Population& run, const Pair& pair, const MatchScore& score) {
  std::ostringstream text;
  text << "  " << run.records[pair.first].draft.name << " | " << run.records[pair.second].draft.name << ": "
       << score.score << "\n";
  for (const auto& reason : score.reasons) text << "    " << reason << "\n";
  return text.str();
}

class MatchingQualityTest : public testing::TestWithParam<std::uint64_t> {};

TEST_P(MatchingQualityTest, IsPreciseWhenSureAndFindsAlmostEveryDuplicate) {
  const Population run = prepare(GetParam());
  std::size_t sure = 0, true_sure = 0, found = 0, missed = 0;
  std::string false_sure_examples, missed_examples;
  for (const auto& pair : run.candidates) {
    const auto score = compare_identities(run.keys[pair.first], run.keys[pair.second]);
    const bool duplicate = run.true_pairs.contains(pair);
    if (score.outcome == MatchOutcome::sure) {
      ++sure;
      if (duplicate) ++true_sure;
      else if (sure - true_sure <= 5) false_sure_examples += describe(run, pair, score);
    }
    if (duplicate && score.outcome != MatchOutcome::none) ++found;
    if (duplicate && score.outcome == MatchOutcome::none && ++missed <= 5) missed_examples += describe(run, pair, score);
  }
  const auto never_compared = std::count_if(run.true_pairs.begin(), run.true_pairs.end(), [&run](const Pair& pair) {
    return !std::binary_search(run.candidates.begin(), run.candidates.end(), pair);
  });

  const double precision = sure == 0 ? 1.0 : static_cast<double>(true_sure) / static_cast<double>(sure);
  const double recall = static_cast<double>(found) / static_cast<double>(run.true_pairs.size());
  std::cout << "seed " << GetParam() << ": " << run.records.size() << " records, " << run.true_pairs.size()
            << " true pairs (" << never_compared << " sharing no block), " << run.candidates.size()
            << " comparisons, largest block " << run.largest_block << ", precision " << precision << ", recall "
            << recall << "\n";
  RecordProperty("precision", std::to_string(precision));
  RecordProperty("recall", std::to_string(recall));
  RecordProperty("comparisons", std::to_string(run.candidates.size()));
  EXPECT_GE(precision, 0.98) << "pairs wrongly sure:\n" << false_sure_examples;
  EXPECT_GE(recall, 0.95) << "some pairs missed:\n" << missed_examples;
}

INSTANTIATE_TEST_SUITE_P(Seeds, MatchingQualityTest, testing::Values(20261124u, 7u, 424242u));

}  // namespace
}  // namespace relais
