// Search over customers, interactions and tickets: SearchKind, SearchQuery,
// SearchHit, SearchPage, and DeskService.search() added to the class that
// bind_desk() binds (so bind_search() runs after it).
#include "desk_args.h"

#include <optional>
#include <sstream>

namespace relais::python {

namespace {

using Kinds = std::vector<EnumArg<SearchKind>>;
using Statuses = std::vector<EnumArg<TicketStatus>>;

SearchQuery make_query(std::string text, const Kinds& kinds, const Statuses& statuses,
                       std::optional<std::string> assignee, OptionalTime from, OptionalTime to, bool include_archived,
                       std::size_t limit, std::string after) {
  return {std::move(text), enum_list(kinds, "kinds"), enum_list(statuses, "statuses"), std::move(assignee), from, to,
          include_archived, limit, std::move(after)};
}

std::string score_text(double score) {
  std::ostringstream out;
  out.precision(4);
  out << score;
  return out.str();
}

void bind_values(py::module_& m) {
  bind_enum<SearchKind>(m, "SearchKind",
                        "What a search hit is: CUSTOMER, INTERACTION or TICKET. Its name ('ticket') is accepted "
                        "wherever a kind is expected.");

  py::class_<SearchQuery>(m, "SearchQuery", "What DeskService.search() looks for; search() also takes these keywords.")
      .def(py::init(&make_query), py::arg("text") = "", py::kw_only(),
           py::arg("kinds") = Kinds(), py::arg("statuses") = Statuses(),
           py::arg("assignee") = py::none(), py::arg("from_") = py::none(), py::arg("to") = py::none(),
           py::arg("include_archived") = false, py::arg("limit") = 20, py::arg("after") = "",
           "A query; see DeskService.search() for each keyword. Raises InvalidInputError for an unknown kind or "
           "status.")
      .def_readwrite("text", &SearchQuery::text,
                     "What the user typed (up to 1,000 bytes): case, accents and punctuation do not matter; every word "
                     "must match, the last one as the start of a word; 4 or more digits find phone numbers.")
      .def_property("kinds", [](const SearchQuery& query) { return query.kinds; },
                    [](SearchQuery& query, const Kinds& kinds) { query.kinds = enum_list(kinds, "kinds"); },
                    "SearchKind members (or names) to keep; empty: every kind.")
      .def_property("statuses", [](const SearchQuery& query) { return query.statuses; },
                    [](SearchQuery& query, const Statuses& statuses) { query.statuses = enum_list(statuses, "statuses"); },
                    "TicketStatus members (or names: 'new', 'open'...) to keep; setting any leaves only tickets.")
      .def_readwrite("assignee", &SearchQuery::assignee, "A login ('' = unassigned); leaves only tickets. None: any.")
      .def_readwrite("from_", &SearchQuery::from, "Hits at or after this datetime (None: no bound).")
      .def_readwrite("to", &SearchQuery::to, "Hits before this datetime (None: no bound).")
      .def_readwrite("include_archived", &SearchQuery::include_archived, "Also archived (and merged) customers.")
      .def_readwrite("limit", &SearchQuery::limit, "Hits per page, 1 to 100.")
      .def_readwrite("after", &SearchQuery::after, "The next_cursor of the previous page; '' for the first.")
      .def("__repr__", [](const SearchQuery& query) {
        return "relais.SearchQuery(text=" + quoted(query.text) + ", limit=" + std::to_string(query.limit) + ")";
      });

  py::class_<SearchHit>(m, "SearchHit", "One record found by DeskService.search().")
      .def_readonly("kind", &SearchHit::kind, "A SearchKind.")
      .def_readonly("id", &SearchHit::id, "The record's id (a relais.Uuid).")
      .def_readonly("customer", &SearchHit::customer,
                    "The customer's id: the record itself for a customer hit; None for a call nobody qualified.")
      .def_readonly("title", &SearchHit::title,
                    "Customer name, interaction subject, or 'T-2026-000042 <subject>' for a ticket.")
      .def_readonly("excerpt", &SearchHit::excerpt,
                    "Plain text around the first matching word (or the start), '…' where text was left out.")
      .def_readonly("score", &SearchHit::score, "Relevance, higher is better; 0 on a page by recency.")
      .def_readonly("time", &SearchHit::time, "When an interaction happened; a customer's or ticket's last change.")
      .def_readonly("archived", &SearchHit::archived, "True for an archived customer (with include_archived).")
      .def("__eq__", [](const SearchHit& a, const SearchHit& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const SearchHit& hit) {
        return "relais.SearchHit(kind=" + quoted(enum_name(hit.kind)) + ", title=" + quoted(hit.title) +
               ", score=" + score_text(hit.score) + ")";
      });

  py::class_<SearchPage>(m, "SearchPage", "One page of DeskService.search().")
      .def_readonly("hits", &SearchPage::hits, "The SearchHits, best first (newest first when by_recency).")
      .def_readonly("next_cursor", &SearchPage::next_cursor, "Pass as `after` for the next page; '' on the last page.")
      .def_readonly("by_recency", &SearchPage::by_recency,
                    "True when the words match too many records to rank, the hits being then the most recently "
                    "written first (a front end suggests adding a word).")
      .def("__iter__", [](const SearchPage& page) { return py::make_iterator(page.hits.begin(), page.hits.end()); },
           py::keep_alive<0, 1>(), "Iterates over the hits.")
      .def("__len__", [](const SearchPage& page) { return page.hits.size(); }, "The number of hits on this page.")
      .def("__repr__", [](const SearchPage& page) {
        return "relais.SearchPage(hits=<" + std::to_string(page.hits.size()) + ">, next_cursor=" +
               quoted(page.next_cursor) + ", by_recency=" + (page.by_recency ? "True" : "False") + ")";
      });
}

constexpr const char* kSearchDoc =
    "Full-text search over customers, interactions and tickets. Case and accents do not matter "
    "('electricite' finds 'ÉLECTRICITÉ'); punctuation only separates words, so query syntax typed by a user is "
    "just text. Every word must match, the last one also as the start of a word ('elec'). Any 4 or more "
    "consecutive digits find the phone numbers holding them. Filters: kinds (SearchKind or names), statuses "
    "(TicketStatus members or names) and assignee (a login, '' = unassigned) leave only tickets when set; from_/to bound "
    "the hit's time; archived customers only with include_archived=True. Hits are ranked by relevance, or listed "
    "newest first when the words match too many records (page.by_recency). Pages of `limit` (1 to 100): pass "
    "page.next_cursor as `after`. Raises InvalidInputError naming 'text' (empty, no letter or digit, over 1,000 "
    "bytes, over 16 words), 'limit', 'to' or 'after'. Releases the GIL.";

void bind_desk_search(py::module_& m) {
  auto service = py::reinterpret_borrow<py::class_<DeskService>>(m.attr("DeskService"));
  service.def("search", [](const DeskService& desk, const SearchQuery& query) {
        py::gil_scoped_release release;
        return desk.search(query);
      }, py::arg("query"), kSearchDoc)
      .def("search", [](const DeskService& desk, std::string text, const Kinds& kinds, const Statuses& statuses,
                        std::optional<std::string> assignee, OptionalTime from, OptionalTime to, bool include_archived,
                        std::size_t limit, std::string after) {
        SearchQuery query = make_query(std::move(text), kinds, statuses, std::move(assignee), from, to,
                                       include_archived, limit, std::move(after));
        py::gil_scoped_release release;
        return desk.search(query);
      }, py::arg("text"), py::kw_only(), py::arg("kinds") = Kinds(),
           py::arg("statuses") = Statuses(), py::arg("assignee") = py::none(), py::arg("from_") = py::none(),
           py::arg("to") = py::none(), py::arg("include_archived") = false, py::arg("limit") = 20,
           py::arg("after") = "", kSearchDoc);
}

}  // namespace

void bind_search(py::module_& m) {
  bind_values(m);
  bind_desk_search(m);
}

}  // namespace relais::python
