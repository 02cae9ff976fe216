#include "generated_base.h"

#include <relais/workspace.h>
#include <synth/synthetic_customers.h>

#include <filesystem>

namespace relais::bench {
namespace {

// The version in the name changes with the schema or the generator: an old
// cached base would otherwise be opened (and migrated, or refused) as is.
std::filesystem::path cache_file(std::size_t entities) {
  return std::filesystem::temp_directory_path() /
         ("relais-bench-base-v3-" + std::to_string(entities) + ".db");
}

void build_base(std::size_t entities, const std::filesystem::path& path) {
  auto building = path.string() + ".building";
  std::filesystem::remove(building);
  {
    auto ws = Workspace::open("sqlite://" + building + "?synchronous=OFF");
    std::size_t record = 0;
    synth::for_each_customer({.entities = entities}, [&](const synth::SyntheticCustomer& generated) {
      CustomerDraft draft = generated.draft;
      draft.external_ids["synth"] = std::to_string(generated.entity) + "/" + std::to_string(record++);
      ws.customers().create(draft, {.allow_duplicates = true});
    });
  }
  // Only a complete base is ever cached.
  std::filesystem::rename(building, path);
}

}  // namespace

void copy_generated_base(std::size_t entities, const std::string& destination) {
  auto cached = cache_file(entities);
  if (!std::filesystem::exists(cached)) build_base(entities, cached);
  std::filesystem::copy_file(cached, destination, std::filesystem::copy_options::overwrite_existing);
}

std::size_t entity_of(const std::string& synth_external_id) {
  return std::stoul(synth_external_id.substr(0, synth_external_id.find('/')));
}

}  // namespace relais::bench
