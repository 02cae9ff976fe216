#pragma once
// Importing legacy customer exports (CSV; XLSX through the Python importer)
// through a declarative mapping profile. See docs/importing.md.
#include <relais/customers/customer.h>
#include <relais/customers/matching.h>
#include <relais/export.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace relais {
inline namespace v1 {

struct ImportProgress {
  std::size_t rows_done = 0;
  std::size_t rows_total = 0;
};

struct ImportOptions {
  MatchThresholds thresholds{};
  // Rows per write transaction. Large batches are much faster on SQLite
  // (each batch rewrites the index pages its rows touch), but hold the
  // workspace's write lock longer: other writers wait up to one batch
  // (about a second or two at 10,000 rows).
  std::size_t batch_size = 10000;
  // Called after each batch, on the calling thread. May be empty.
  std::function<void(const ImportProgress&)> progress;
};

struct ImportRejection {
  std::size_t row = 0;       // 1-based data row (header excluded)
  std::string reason;        // names the column/field and the value
};

// A field that changed in the file but was also edited in Relais since the
// last import: Relais keeps its value and reports the file's.
struct ImportDifference {
  std::size_t row = 0;
  Uuid customer;
  std::string field;
  std::string in_relais;     // JSON text
  std::string in_file;       // JSON text
};

struct ImportReport {
  std::string source;        // the profile's system ("erp", "sage")
  std::string charset;       // as detected: "UTF-8", "WINDOWS-1252"
  std::size_t rows = 0;      // == imported + merged + rejected
  std::size_t imported = 0;  // new customers
  std::size_t merged = 0;    // rows that went into an existing customer (same external id, or a sure match)
  std::size_t rejected = 0;
  std::size_t queued_for_review = 0;  // imported rows that probably duplicate an existing customer
  std::vector<ImportRejection> rejections;
  std::vector<ImportDifference> differences;
};

}  // namespace v1
}  // namespace relais
