#pragma once
// Large generated customer bases for the benchmarks, built once and cached:
// the first run pays for loading them, later runs copy a file.
#include <cstddef>
#include <string>

namespace relais::bench {

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

}  // namespace relais::bench
