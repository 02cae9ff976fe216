#include "search/search_index.h"

#include <relais/customers/matching.h>
#include <relais/errors.h>

#include "search/search_text.h"
#include "storage/sql.h"
#include "storage/timestamps.h"

#include <charconv>

namespace relais::inline v1::detail {
namespace {

// Kinds and ticket statuses are filter words of the index, so a filter on
// them keeps a common word fast: checked on the table instead, it would read
// through the word's matches until the page fills (all of them when the
// filter keeps none).
const spi::FullTextIndex kIndex{"search_documents", "doc", {"title_words", "words"}, "filter_words"};
// Excerpts are cut from the start of the text: a long note is not copied
// whole into the index for the few words shown.
constexpr std::size_t kExcerptSourceBytes = 1024;
constexpr std::size_t kMaxPageSize = 100;
// Ranking scores every match before sorting, so its cost follows the number
// of matches: up to this many it stays within a few milliseconds (see
// docs/desk.md for the measure). Past it the words are too common to rank
// usefully anyway, and the page lists the newest matches instead, which
// the index reads in order and stops at the page's end.
constexpr std::int64_t kMaxRankedMatches = 2000;

void create_search_table(spi::Connection& connection) {
  const spi::Dialect& dialect = connection.dialect();
  connection.execute_script(
      "CREATE TABLE search_documents ("
      " doc " + std::string(dialect.serial_key_type()) + ","
      " id TEXT NOT NULL UNIQUE,"
      " kind TEXT NOT NULL,"
      " customer_id TEXT,"
      " assignee TEXT NOT NULL,"
      " happened_at BIGINT NOT NULL,"
      " archived INTEGER NOT NULL,"
      " title TEXT NOT NULL,"
      // The first kilobyte of the text, as written, for excerpts.
      " excerpt_text TEXT NOT NULL,"
      // Folded words: what the full-text index reads.
      " title_words TEXT NOT NULL,"
      " words TEXT NOT NULL,"
      // "kindticket statusopen": words only filters match.
      " filter_words TEXT NOT NULL)");
  connection.execute_script(dialect.full_text_index(kIndex));
}

const Migration kSearchMigrations[] = {
    {1, "search documents and their full-text index", create_search_table},
};

std::string kind_word(SearchKind kind) { return "kind" + std::string(to_string(kind)); }

// Status names hold underscores, which the engines split words at.
std::string status_word(std::string_view status) {
  std::string word = "status";
  for (char c : status) {
    if (c != '_') word += c;
  }
  return word;
}

std::string filter_words(const SearchDocument& document) {
  std::string words = kind_word(document.kind);
  if (!document.status.empty()) words += " " + status_word(document.status);
  return words;
}

std::string indexed_words(const SearchDocument& document) {
  std::string words = fold_text(document.text);
  for (const auto& phone : document.phones) {
    for (const auto& word : phone_search_words(phone)) {
      if (!words.empty()) words += ' ';
      words += word;
    }
  }
  return words;
}

// How a search reads its pages. Later pages read the way the first page
// chose, whatever was written in between: the cursor carries it.
enum class Reading : char {
  ranked = 'r',
  newest = 't',
  // Newest first, the last word matched whole: it alone already matches
  // more records than can be ranked, and its completions add nothing a
  // person could read, while finding them all costs the engine a full pass
  // over the word's matches (FTS5 merges a prefix's lists before reading
  // them in order).
  newest_whole_words = 'w',
};

// "r:<score>:<doc>" while ranking, "t:<doc>" or "w:<doc>" by recency.
struct Cursor {
  Reading reading = Reading::ranked;
  double score = 0;
  std::int64_t doc = 0;
};

std::string cursor_text(const Cursor& cursor) {
  const std::string doc = std::to_string(cursor.doc);
  if (cursor.reading != Reading::ranked) return std::string(1, static_cast<char>(cursor.reading)) + ":" + doc;
  char score[32];
  const auto end = std::to_chars(score, score + sizeof score, cursor.score).ptr;
  return "r:" + std::string(score, end) + ":" + doc;
}

template <typename Number>
bool parse_number(std::string_view text, Number& number) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size();
}

Cursor parse_cursor(std::string_view text) {
  Cursor cursor;
  const std::size_t last_colon = text.rfind(':');
  bool valid = text.size() > 2 && text[1] == ':' && parse_number(text.substr(last_colon + 1), cursor.doc);
  if (valid && (text[0] == 't' || text[0] == 'w')) {
    cursor.reading = static_cast<Reading>(text[0]);
    valid = last_colon == 1;
  } else {
    valid = valid && text[0] == 'r' && last_colon > 2 && parse_number(text.substr(2, last_colon - 2), cursor.score);
  }
  if (!valid) throw InvalidInputError("after", text, "not a cursor returned by search");
  return cursor;
}

void check_query(const SearchQuery& query) {
  if (query.limit < 1 || query.limit > kMaxPageSize) {
    throw InvalidInputError("limit", std::to_string(query.limit), "expected 1 to " + std::to_string(kMaxPageSize));
  }
  if (query.from && query.to && *query.to <= *query.from) {
    throw InvalidInputError("to", format_timestamp(*query.to), "must be after from (" + format_timestamp(*query.from) + ")");
  }
}

// The filters matched in the index: for each, one of its words.
std::vector<std::vector<std::string>> index_filters(const SearchQuery& query) {
  std::vector<std::vector<std::string>> filters;
  if (!query.kinds.empty()) {
    filters.emplace_back();
    for (auto kind : query.kinds) filters.back().push_back(kind_word(kind));
  }
  if (!query.statuses.empty() || query.assignee) filters.push_back({kind_word(SearchKind::ticket)});
  if (!query.statuses.empty()) {
    filters.emplace_back();
    for (auto status : query.statuses) filters.back().push_back(status_word(to_string(status)));
  }
  return filters;
}

// The WHERE conditions of the filters checked on the table (the index has
// no words for them), and their parameters.
void add_table_filters(const SearchQuery& query, std::string& sql, std::vector<spi::Value>& params) {
  auto add = [&](std::string_view condition, spi::Value value) {
    sql += " AND search_documents.";
    sql += condition;
    params.push_back(std::move(value));
  };
  if (query.assignee) add("assignee = ?", *query.assignee);
  if (query.from) add("happened_at >= ?", micros(*query.from));
  if (query.to) add("happened_at < ?", micros(*query.to));
  if (!query.include_archived) add("archived = ?", std::int64_t{0});
}

// What a search asks the index: the terms and the filters it matches.
struct IndexQuery {
  std::vector<spi::FullTextTerm> terms;
  std::vector<std::vector<std::string>> filters;
  std::string text(const spi::Dialect& dialect) const { return dialect.full_text_query(kIndex, terms, filters); }
};

// Whether the query matches more rows than ranking can score quickly.
bool too_many_to_rank(spi::Connection& connection, const spi::FullTextSql& full_text, const IndexQuery& query) {
  const spi::Value params[] = {query.text(connection.dialect()), kMaxRankedMatches + 1};
  const auto rows = connection.query(
      "SELECT COUNT(*) FROM (SELECT 1 FROM " + full_text.matches + " LIMIT ?) AS matches", params);
  return rows.front().integer(0) > kMaxRankedMatches;
}

// The whole last word is tried first: a word in many records is counted
// without the engine merging the lists of all its completions.
Reading choose_reading(spi::Connection& connection, const spi::FullTextSql& full_text, const IndexQuery& query) {
  if (query.terms.back().prefix) {
    IndexQuery whole = query;
    whole.terms.back().prefix = false;
    if (too_many_to_rank(connection, full_text, whole)) return Reading::newest_whole_words;
  }
  return too_many_to_rank(connection, full_text, query) ? Reading::newest : Reading::ranked;
}

std::string page_sql(const SearchQuery& query, const spi::FullTextSql& full_text, const Cursor* after,
                     Reading reading, std::vector<spi::Value>& params) {
  const bool by_recency = reading != Reading::ranked;
  std::string sql =
      "SELECT kind, id, customer_id, title, excerpt_text, happened_at, archived, score, doc_key FROM ("
      "SELECT search_documents.kind, search_documents.id, search_documents.customer_id, search_documents.title,"
      " search_documents.excerpt_text, search_documents.happened_at, search_documents.archived, " +
      // Scoring reads every match's statistics (bm25 counts the documents
      // holding each word), which listing by recency is there to avoid.
      (by_recency ? std::string("0") : full_text.rank) + " AS score, " + full_text.order_key +
      " AS doc_key FROM " + full_text.source + " WHERE 1 = 1";
  add_table_filters(query, sql, params);
  sql += ") AS hits";
  if (after && by_recency) {
    sql += " WHERE doc_key < ?";
    params.emplace_back(after->doc);
  } else if (after) {
    sql += " WHERE score < ? OR (score = ? AND doc_key < ?)";
    params.insert(params.end(), {after->score, after->score, after->doc});
  }
  sql += by_recency ? " ORDER BY doc_key DESC LIMIT ?" : " ORDER BY score DESC, doc_key DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(query.limit + 1));
  return sql;
}

SearchHit hit_from_row(const spi::Row& row, const std::vector<spi::FullTextTerm>& terms) {
  SearchHit hit;
  hit.kind = parse_search_kind(row.text(0));
  hit.id = Uuid::parse(row.text(1));
  if (auto customer = row.optional_text(2)) hit.customer = Uuid::parse(*customer);
  hit.title = row.text(3);
  hit.excerpt = search_excerpt(row.text(4), terms);
  hit.time = timestamp_of(row.integer(5));
  hit.archived = row.integer(6) != 0;
  hit.score = row.real(7);
  return hit;
}

}  // namespace

SchemaArea search_schema() { return {"search", kSearchMigrations}; }

void index_for_search(spi::Connection& connection, const SearchDocument& document) {
  static const std::string insert =
      "INSERT INTO search_documents (id, kind, customer_id, assignee, happened_at, archived, title, excerpt_text,"
      " title_words, words, filter_words) VALUES (" + placeholders(11) + ")";
  const spi::Value key[] = {document.id.to_string()};
  // A new row rather than an update: its key becomes the newest, which is
  // what ordering by recency reads.
  connection.execute("DELETE FROM search_documents WHERE id = ?", key);
  spi::Value customer = nullptr;
  if (document.customer) customer = document.customer->to_string();
  const spi::Value values[] = {key[0],
                               std::string(to_string(document.kind)),
                               customer,
                               document.assignee,
                               micros(document.time),
                               std::int64_t{document.archived},
                               document.title,
                               std::string(utf8_prefix(document.text, kExcerptSourceBytes)),
                               fold_text(document.title),
                               indexed_words(document),
                               filter_words(document)};
  connection.execute(insert, values);
}

SearchPage search_page(spi::Connection& connection, const SearchQuery& query) {
  check_query(query);
  IndexQuery index_query{search_terms(query.text), index_filters(query)};
  const std::optional<Cursor> after = query.after.empty() ? std::nullopt : std::optional(parse_cursor(query.after));
  const spi::FullTextSql full_text = connection.dialect().full_text_search(kIndex);
  const Reading reading = after ? after->reading : choose_reading(connection, full_text, index_query);
  auto& terms = index_query.terms;
  if (reading == Reading::newest_whole_words) terms.back().prefix = false;
  std::vector<spi::Value> params{index_query.text(connection.dialect())};
  const std::string sql = page_sql(query, full_text, after ? &*after : nullptr, reading, params);
  const auto rows = connection.query(sql, params);
  SearchPage page;
  page.by_recency = reading != Reading::ranked;
  for (std::size_t i = 0; i < rows.size() && i < query.limit; ++i) page.hits.push_back(hit_from_row(rows[i], terms));
  if (rows.size() > query.limit) {
    const spi::Row& last = rows[query.limit - 1];
    page.next_cursor = cursor_text({reading, last.real(7), last.integer(8)});
  }
  return page;
}

}  // namespace relais::inline v1::detail
