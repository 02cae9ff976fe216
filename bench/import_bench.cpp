// Issue 3 figures for the legacy import's write half: rows per second of a
// generated CSV export, into an empty base and into a ~100k-customer base.
#include <relais/workspace.h>
#include <synth/synthetic_customers.h>

#include "generated_base.h"
#include "latency.h"

#include <map>
#include <numeric>

namespace relais::bench {
namespace {

// The generator's records written as a ';' export, every field quoted.
const char* const kProfile = R"({
  "name": "bench", "system": "erp", "external_id": "Code",
  "kind": {"column": "Type", "company_values": ["PRO"], "person_values": ["PART"]},
  "fields": {"name": "Nom", "phones": "Tel", "emails": "Email", "siret": "SIRET", "vat_number": "TVA",
             "site.label": "Site", "site.street": "Adresse", "site.postcode": "CP", "site.city": "Ville",
             "contact.name": "Contact", "contact.phones": "Tel contact", "contact.emails": "Email contact",
             "notes": "Notes", "tags": "Tags"}
})";

std::string quoted(const std::string& text) {
  std::string field = "\"";
  for (char c : text) field += c == '"' ? std::string("\"\"") : std::string(1, c);
  return field + "\"";
}

std::string joined(const std::vector<std::string>& items) {
  return std::accumulate(items.begin(), items.end(), std::string(),
                         [](std::string all, const std::string& item) { return all.empty() ? item : all + ", " + item; });
}

void append_row(std::string& csv, std::size_t code, const CustomerDraft& draft) {
  Site site = draft.sites.empty() ? Site{} : draft.sites[0];
  Contact contact = draft.contacts.empty() ? Contact{} : draft.contacts[0];
  const std::string fields[] = {"B" + std::to_string(code), draft.kind == CustomerKind::company ? "PRO" : "PART",
                                draft.name, joined(draft.phones), joined(draft.emails), draft.siret,
                                draft.vat_number, site.label, site.street, site.postcode, site.city, contact.name,
                                joined(contact.phones), joined(contact.emails), draft.notes, joined(draft.tags)};
  for (std::size_t i = 0; i < std::size(fields); ++i) csv += (i ? ";" : "") + quoted(fields[i]);
  csv += "\r\n";
}

// Built once per size: another seed than the generated base, so that the
// file holds new customers (and twins among themselves), not the base's.
const std::string& generated_csv(std::size_t rows) {
  static std::map<std::size_t, std::string> files;
  auto& csv = files[rows];
  if (!csv.empty()) return csv;
  csv = "Code;Type;Nom;Tel;Email;SIRET;TVA;Site;Adresse;CP;Ville;Contact;Tel contact;Email contact;Notes;Tags\r\n";
  std::size_t written = 0;
  synth::for_each_customer({.seed = 11, .entities = rows}, [&](const synth::SyntheticCustomer& generated) {
    if (written < rows) append_row(csv, written++, generated.draft);
  });
  return csv;
}

void run_import(benchmark::State& state, Workspace& ws, const std::string& csv) {
  ImportReport report = ws.customers().import_csv(csv, kProfile);
  state.PauseTiming();
  state.SetItemsProcessed(static_cast<std::int64_t>(report.rows));
  state.counters["rows_per_second"] = benchmark::Counter(static_cast<double>(report.rows), benchmark::Counter::kIsRate);
  state.counters["imported"] = static_cast<double>(report.imported);
  state.counters["merged"] = static_cast<double>(report.merged);
  state.counters["rejected"] = static_cast<double>(report.rejected);
  state.counters["queued"] = static_cast<double>(report.queued_for_review);
  state.ResumeTiming();
}

// One iteration (see the registrations): the workspace is opened before the
// timed loop and closed after it. Real time, since SQLite waits on the disk.
void BM_ImportCsv(benchmark::State& state) {
  const std::string& csv = generated_csv(static_cast<std::size_t>(state.range(0)));
  ScratchFolder folder;
  auto ws = Workspace::open("sqlite://" + folder.file("workspace.db") + "?synchronous=NORMAL");
  for (auto _ : state) run_import(state, ws, csv);
}
BENCHMARK(BM_ImportCsv)->Arg(100000)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_ImportCsvIntoBase(benchmark::State& state) {
  const std::string& csv = generated_csv(static_cast<std::size_t>(state.range(0)));
  ScratchFolder folder;
  std::string path = folder.file("base.db");
  copy_generated_base(entities_for(100000), path);
  auto ws = Workspace::open("sqlite://" + path + "?synchronous=NORMAL");
  for (auto _ : state) run_import(state, ws, csv);
}
BENCHMARK(BM_ImportCsvIntoBase)->Arg(100000)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace relais::bench
