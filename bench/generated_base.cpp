#include "generated_base.h"

#include <relais/workspace.h>
#include <synth/synthetic_customers.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

namespace relais::bench {
namespace {

// The version in the name changes with the schema or the generator: an old
// cached base would otherwise be opened (and migrated, or refused) as is.
std::filesystem::path cache_file(std::size_t entities) {
  return std::filesystem::temp_directory_path() /
         ("relais-bench-base-v5-" + std::to_string(entities) + ".db");
}

// Changes with the schema, either generator or desk_options().
constexpr const char* kDeskCacheName = "relais-bench-desk-v2.db";

constexpr std::int64_t kDeskCustomers = 100000;

struct DeskUser {
  const char* login;
  Role role;
};
constexpr DeskUser kDeskUsers[] = {{"marie", Role::assistant}, {"julie", Role::assistant},
                                   {"paul", Role::technician}, {"karim", Role::technician}};

std::size_t record_of(const std::string& synth_external_id) {
  return std::stoul(synth_external_id.substr(synth_external_id.find('/') + 1));
}

// Loads the activity with the clock set to each event's time, so that
// tickets and journal entries carry generated times, not the build's.
void build_desk_base(const std::filesystem::path& path) {
  auto building = path.string() + ".building";
  copy_generated_base(entities_for(kDeskCustomers), building);
  {
    const synth::DeskOptions options = desk_options();
    auto clock = std::make_shared<ManualClock>(options.start);
    auto ws = Workspace::open("sqlite://" + building + "?synchronous=OFF", {.clock = clock});
    for (const auto& user : kDeskUsers) ws.users().create({user.login, user.login, user.role});
    GeneratedCustomers customers = generated_customers(ws);
    synth::load_desk_events(ws, *clock, customers.ids, customers.phones, options);
  }
  std::filesystem::rename(building, path);
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

void copy_cached_base(const std::filesystem::path& cached, const std::string& destination) {
  std::filesystem::copy_file(cached, destination, std::filesystem::copy_options::overwrite_existing);
  const int file = ::open(destination.c_str(), O_RDONLY);
  const bool flushed = file >= 0 && ::fdatasync(file) == 0;
  if (file >= 0) ::close(file);
  if (!flushed) throw std::runtime_error("relais_bench: could not flush the copy " + destination);
}

void copy_generated_base(std::size_t entities, const std::string& destination) {
  auto cached = cache_file(entities);
  if (!std::filesystem::exists(cached)) build_base(entities, cached);
  copy_cached_base(cached, destination);
}

std::size_t entity_of(const std::string& synth_external_id) {
  return std::stoul(synth_external_id.substr(0, synth_external_id.find('/')));
}

void copy_desk_base(const std::string& destination) {
  auto cached = std::filesystem::temp_directory_path() / kDeskCacheName;
  if (!std::filesystem::exists(cached)) {
    std::fprintf(stderr, "relais_bench: building %s once (2 million API calls, about 15 minutes)\n",
                 cached.string().c_str());
    build_desk_base(cached);
  }
  copy_cached_base(cached, destination);
}

synth::DeskOptions desk_options() {
  synth::DeskOptions options;
  options.interactions = 1'000'000;
  options.tickets = 200'000;
  options.assistants = {"admin", "marie", "julie"};
  options.technicians = {"paul", "karim"};
  return options;
}

GeneratedCustomers generated_customers(Workspace& ws) {
  GeneratedCustomers customers;
  CustomerQuery query{.limit = 500};
  for (;;) {
    auto page = ws.customers().list(query);
    for (const auto& customer : page.items) {
      const std::size_t record = record_of(customer.external_ids.at("synth"));
      if (record >= customers.ids.size()) {
        customers.ids.resize(record + 1);
        customers.phones.resize(record + 1);
      }
      customers.ids[record] = customer.id;
      auto& phones = customers.phones[record] = customer.phones;
      for (const auto& contact : customer.contacts) phones.insert(phones.end(), contact.phones.begin(), contact.phones.end());
    }
    if (page.next_cursor.empty()) break;
    query.after = page.next_cursor;
  }
  return customers;
}

}  // namespace relais::bench
