#pragma once
// The raw side of the ratio pairs: the library's own rows written through
// the sqlite3 C API with prepared statements, including the journal row with
// the same hash chain and the search document. The schema is the library's
// (created by opening a workspace), so both sides touch identical tables.
#include <relais/workspace.h>

#include "latency.h"

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace relais::bench {

class RawDatabase {
 public:
  explicit RawDatabase(const std::string& path);
  ~RawDatabase();
  RawDatabase(const RawDatabase&) = delete;
  RawDatabase& operator=(const RawDatabase&) = delete;
  void exec(const char* sql);
  // Prepared once, finalized with the database.
  sqlite3_stmt* prepare(const char* sql);

 private:
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
};

void bind_text(sqlite3_stmt* statement, int index, const std::string& text);
// Steps once and resets; throws std::runtime_error on failure.
void run(sqlite3_stmt* statement);
std::string column_text(sqlite3_stmt* statement, int column);

// Appends a journal entry as the library does: the next sequence, the
// payload hash, the chained hash, the head row moved.
class RawJournal {
 public:
  explicit RawJournal(RawDatabase& db);
  void append(const char* entity, const std::string& entity_id, const char* action, const std::string& payload,
              std::int64_t now);

 private:
  sqlite3_stmt* select_head_;
  sqlite3_stmt* insert_;
  sqlite3_stmt* update_head_;
};

// A record's search document. The raw side has no folding of its own to run:
// it reuses the words the library wrote for a reference record of the same
// content.
struct RawSearchDocument {
  std::string kind, customer_id, assignee, title, excerpt_text, title_words, words, filter_words;
};

class RawSearchIndex {
 public:
  explicit RawSearchIndex(RawDatabase& db);
  // The document the library stored for record `id`.
  RawSearchDocument stored(const std::string& id);
  // Replaces record `id`'s document, as the library's index_for_search()
  // does (the engine's triggers then update the full-text index).
  void write(const std::string& id, const RawSearchDocument& document, std::int64_t time);

 private:
  sqlite3_stmt* select_;
  sqlite3_stmt* delete_;
  sqlite3_stmt* insert_;
};

// A fresh workspace file in `folder` with the library's schema; `prepare`
// writes reference records through the API before it is closed.
std::string prepared_database(const ScratchFolder& folder, const std::function<void(Workspace&)>& prepare = {});

}  // namespace relais::bench
