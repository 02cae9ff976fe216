#pragma once
// The one search index over every searchable record (customers,
// interactions, tickets): a table of documents, one per record, indexed for
// full text by the engine (Dialect::full_text_index). Each area's store
// builds the document of a record and calls index_for_search() in the
// transaction that writes the record, so the index never lags behind.
#include <relais/desk/search.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <optional>
#include <string>
#include <vector>

namespace relais::inline v1::detail {

// Runs before the areas whose records it indexes: their migrations fill it
// for records stored before search existed.
SchemaArea search_schema();

// What one record shows to search.
struct SearchDocument {
  SearchKind kind = SearchKind::customer;
  Uuid id{};
  std::optional<Uuid> customer{};
  std::string title{};                // shown as the hit's title; its words weigh most
  std::string text{};                 // searched; excerpts come from its first kilobyte
  std::vector<std::string> phones{};  // E.164: any 4 or more consecutive digits find them
  std::string status{};               // tickets
  std::string assignee{};             // tickets
  Timestamp time{};                   // SearchHit::time
  bool archived = false;
};

// Replaces the record's document (the same id) with `document`. Folds the
// words as search_terms() folds queries.
void index_for_search(spi::Connection& connection, const SearchDocument& document);

// One page of DeskService::search(). Throws InvalidInputError naming the
// bad field ("text", "limit", "after", "to").
SearchPage search_page(spi::Connection& connection, const SearchQuery& query);

}  // namespace relais::inline v1::detail
