#pragma once
// Large generated bases for the benchmarks, built once and cached: the
// first run pays for loading them, later runs copy a file.
#include <relais/workspace.h>
#include <synth/synthetic_desk.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace relais::bench {

// Copies a cached base to `destination` and waits until the copy is on
// disk: the kernel's writeback of gigabytes of copied pages would otherwise
// run during the first measurements. Throws std::runtime_error when it
// cannot.
void copy_cached_base(const std::filesystem::path& cached, const std::string& destination);

// A SQLite workspace file (synchronous=NORMAL) holding the records the
// synthetic generator makes for `entities` entities (seed 20261124), each
// customer tagged with its ground truth as external id "synth" =
// "<entity>/<record>". Cached under the system temp folder; returns a fresh
// copy at `destination`.
void copy_generated_base(std::size_t entities, const std::string& destination);

// The entities to generate for about `customers` records (1.35 records an
// entity: 74,000 entities make ~100,000 customers).
inline std::size_t entities_for(std::int64_t customers) { return static_cast<std::size_t>(customers) * 74 / 100; }

// The entity of a customer from its "synth" external id.
std::size_t entity_of(const std::string& synth_external_id);

// The desk base: the ~100,000-customer base above with 1,000,000
// interactions and 200,000 tickets (their comments and status moves) that
// synth::for_each_desk_event spreads over four years, written through the
// public API (see desk_options()). Cached like the customer base (the first
// build takes several minutes); returns a fresh copy at `destination`.
void copy_desk_base(const std::string& destination);

// The activity the desk base holds, and the users it names (created in it).
synth::DeskOptions desk_options();

// The customers of a generated base by record (generation order): their ids
// and every phone number of theirs and of their contacts.
struct GeneratedCustomers {
  std::vector<Uuid> ids;
  std::vector<std::vector<std::string>> phones;
};
GeneratedCustomers generated_customers(Workspace& ws);

}  // namespace relais::bench
