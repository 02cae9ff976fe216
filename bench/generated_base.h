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

// The entity of a customer from its "synth" external id.
std::size_t entity_of(const std::string& synth_external_id);

}  // namespace relais::bench
