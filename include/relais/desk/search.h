#pragma once
// Full-text search over customers, interactions and tickets: what
// DeskService::search() takes and returns. Plain value types.
#include <relais/clock.h>
#include <relais/desk/ticket.h>
#include <relais/export.h>
#include <relais/ids.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

enum class SearchKind { customer, interaction, ticket };

// "customer", "interaction", "ticket"; parse throws InvalidInputError naming
// `field`.
RELAIS_API std::string_view to_string(SearchKind kind) noexcept;
RELAIS_API SearchKind parse_search_kind(std::string_view text, std::string_view field = "kinds");

struct SearchQuery {
  // What the user typed, up to 1,000 bytes (16 words). Case and accents do
  // not matter; punctuation separates words and never acts as an operator.
  // Every word must match; the last, from 2 characters on, also matches as
  // the start of a word ("elec" finds "électricité"), unless it is a word of
  // its own found in more records than can be ranked (see
  // SearchPage::by_recency). Digits
  // find phone numbers: any 4 or more consecutive digits, grouped as people
  // write them or not ("06 12 34", "345678"), find the numbers holding them.
  std::string text;
  std::vector<SearchKind> kinds;          // empty: every kind
  // Only tickets have a status and an assignee: setting either leaves only
  // tickets. Kinds and statuses are matched in the index; the assignee, the
  // dates and archived customers are checked on the matches, so a common
  // word with a date range far in the past reads through the newer matches.
  std::vector<TicketStatus> statuses;     // empty: any status
  std::optional<std::string> assignee;    // "" = unassigned
  // SearchHit::time within [from, to).
  std::optional<Timestamp> from;
  std::optional<Timestamp> to;
  // Archived customers (merged ones included) are left out unless asked for.
  bool include_archived = false;
  std::size_t limit = 20;                 // 1..100
  std::string after;                      // next_cursor of the previous page
};

struct SearchHit {
  SearchKind kind = SearchKind::customer;
  Uuid id;
  std::optional<Uuid> customer;      // the customer itself for a customer hit; none for a call nobody qualified
  // Customer name; interaction subject; "T-2026-000042 <subject>" for a ticket.
  std::string title;
  // Plain text around the first word that matched (the start of the text
  // when only the title, a phone number or a word past the first kilobyte
  // matched), cut at word boundaries, with "…" where text was left out.
  std::string excerpt;
  double score = 0;                  // relevance, higher is better; 0 on a page by recency
  Timestamp time{};                  // interactions: when it happened; customers and tickets: last change
  bool archived = false;             // an archived customer (only with include_archived)
  bool operator==(const SearchHit&) const = default;
};

struct SearchPage {
  std::vector<SearchHit> hits;
  std::string next_cursor;           // "" on the last page
  // True when the words match too many records (over 2,000) to rank them
  // all quickly: the hits are then the most recently created or changed
  // records first, unscored, and a last word found that often on its own
  // matches whole. A front end suggests adding a word.
  bool by_recency = false;
};

}  // namespace v1
}  // namespace relais
