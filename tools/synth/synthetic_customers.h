#pragma once
// A deterministic generator of realistic French customers with ground truth:
// the same seed gives the same records, on any machine. It feeds the
// matching tests (precision and recall), the benchmarks and the demo.
#include <relais/customers/customer.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace relais::synth {

struct GeneratorOptions {
  std::uint64_t seed = 20261124;
  std::size_t entities = 1000;        // distinct real customers (households and companies)
  double company_share = 0.35;
  double duplicate_share = 0.15;      // share of entities that get 1 to 3 duplicate records
  double hard_negative_share = 0.05;  // share that get a look-alike that is NOT a duplicate
};

// How a duplicate record differs from its original.
enum class Variation {
  typo, swapped_names, phone_format, missing_accents, abbreviation, legal_form, moved_address, dropped_field
};

struct SyntheticCustomer {
  CustomerDraft draft;
  std::size_t entity;                 // records of the same entity are true duplicates
  std::vector<Variation> variations;  // empty for an original record
  bool hard_negative = false;         // a look-alike of another entity
};

// Generates the records, shuffled deterministically. Memory grows with
// `entities`; 1M entities is about 1.3M records.
std::vector<SyntheticCustomer> generate_customers(const GeneratorOptions& options);

// The same records, handed over one at a time in generation order (not
// shuffled), so 1M entities never sit in memory at once.
void for_each_customer(const GeneratorOptions& options, const std::function<void(const SyntheticCustomer&)>& sink);

// All pairs (i, j), i < j, of records of the same entity: the ground truth.
std::vector<std::pair<std::size_t, std::size_t>> true_duplicate_pairs(const std::vector<SyntheticCustomer>& records);

}  // namespace relais::synth
