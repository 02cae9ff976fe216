// Search over customers, interactions and tickets, on both engines: accents
// and case, phone fragments, filters, paging, ranking, the index kept in
// step with every write, and text that tries to be query syntax.
#include "support/workspace_fixture.h"

#include <relais/desk/desk_service.h>

#include <algorithm>
#include <optional>
#include <set>

using namespace relais;
using namespace std::chrono_literals;
using relais::testing::sample_company;

class SearchTest : public relais::testing::WorkspaceTest {
 protected:
  // 2026-11-24 09:00 in Paris.
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(std::chrono::sys_days{2026y / 11 / 24} + 8h);

  void SetUp() override {
    WorkspaceTest::SetUp();
    workspace_.emplace(open({.clock = clock}));
  }
  Workspace& ws() { return *workspace_; }

  SearchPage search(std::string text, SearchQuery query = {}) {
    query.text = std::move(text);
    return ws().desk().search(query);
  }

  // The ids found, in order.
  std::vector<Uuid> ids(const SearchPage& page) {
    std::vector<Uuid> found;
    for (const auto& hit : page.hits) found.push_back(hit.id);
    return found;
  }

  bool finds(const std::string& text, const Uuid& id, SearchQuery query = {}) {
    auto found = ids(search(text, std::move(query)));
    return std::find(found.begin(), found.end(), id) != found.end();
  }

  Customer person(const std::string& name, const std::string& phone) {
    CustomerDraft draft;
    draft.name = name;
    draft.phones = {phone};
    return ws().customers().create(draft, {.allow_duplicates = true});
  }

  Interaction note(const Customer& customer, const std::string& subject, const std::string& notes = "") {
    InteractionDraft draft;
    draft.customer = customer.id;
    draft.subject = subject;
    draft.notes = notes;
    return ws().desk().log_interaction(draft);
  }

  Ticket ticket(const Customer& customer, const std::string& subject, const std::string& description = "") {
    TicketDraft draft;
    draft.customer = customer.id;
    draft.subject = subject;
    draft.description = description;
    return ws().desk().open_ticket(draft);
  }

 private:
  std::optional<Workspace> workspace_;
};
RELAIS_INSTANTIATE_FOR_ENGINES(SearchTest);

namespace {

std::string field_of(const InvalidInputError& error) {
  return error.field_errors().empty() ? "" : error.field_errors().front().field;
}

template <typename Fn>
std::string invalid_field(Fn&& fn) {
  try {
    fn();
  } catch (const InvalidInputError& error) {
    return field_of(error);
  }
  return "(no InvalidInputError)";
}

}  // namespace

TEST_P(SearchTest, AccentsAndCaseDoNotMatter) {
  Customer customer = ws().customers().create(sample_company("Électricité Durand SARL"));
  Interaction call = note(customer, "Rappel", "Problème d'électricité dans le garage");
  Ticket request = ticket(customer, "ELECTRICITE du sous-sol");
  const std::set<Uuid> all = {customer.id, call.id, request.id};
  for (const char* text : {"electricite", "ÉLECTRICITÉ", "électricité", "Electricité", "elec"}) {
    auto found = ids(search(text));
    EXPECT_EQ(std::set<Uuid>(found.begin(), found.end()), all) << text;
  }
  EXPECT_TRUE(finds("hélène", person("HELENE Martin", "0611223344").id));
  EXPECT_TRUE(finds("Cœur", note(customer, "Coeur du réseau").id));
}

TEST_P(SearchTest, AnyFourConsecutiveDigitsOfAPhoneFindItsCustomer) {
  Customer customer = ws().customers().create(sample_company());  // 02 99 12 34 56, contact 06 12 34 56 78
  Customer other = person("Paul Morin", "06 98 76 54 32");
  for (const std::string national : {"0299123456", "0612345678"}) {
    for (std::size_t length = 4; length <= national.size(); ++length) {
      for (std::size_t start = 0; start + length <= national.size(); ++start) {
        EXPECT_TRUE(finds(national.substr(start, length), customer.id)) << national.substr(start, length);
      }
    }
  }
  for (const char* written : {"06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78",
                              "0033612345678", "33612345678", "06 12 34", "12 34 56", "0612 345 678"}) {
    EXPECT_TRUE(finds(written, customer.id)) << written;
    EXPECT_FALSE(finds(written, other.id)) << written;
  }
  EXPECT_TRUE(finds("7654", other.id));
  EXPECT_FALSE(finds("7654", customer.id));
}

TEST_P(SearchTest, CallsAreFoundByTheirNumberEvenBeforeAnyoneQualifiedThem) {
  CallDraft draft;
  draft.phone = "07 55 44 33 22";
  draft.outcome = CallOutcome::to_qualify;
  Interaction call = ws().desk().log_call(draft);
  SearchPage page = search("5544");
  ASSERT_EQ(ids(page), std::vector<Uuid>{call.id});
  EXPECT_EQ(page.hits[0].kind, SearchKind::interaction);
  EXPECT_FALSE(page.hits[0].customer);
}

TEST_P(SearchTest, FiltersNarrowByKindStatusAssigneeAndDates) {
  ws().users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  Customer customer = person("Disjoncteur Express", "0611223344");
  Interaction early = note(customer, "Disjoncteur neuf posé");
  clock->advance(48h);
  Ticket waiting = ticket(customer, "Disjoncteur différentiel");
  waiting = ws().desk().set_status(waiting.id, waiting.version, TicketStatus::open);
  waiting = ws().desk().assign(waiting.id, waiting.version, "marie");
  Ticket fresh = ticket(customer, "Disjoncteur qui saute");

  auto kinds = [&](std::vector<SearchKind> wanted) { return SearchQuery{.kinds = std::move(wanted)}; };
  EXPECT_EQ(ids(search("disjoncteur", kinds({SearchKind::customer}))), std::vector<Uuid>{customer.id});
  EXPECT_EQ(ids(search("disjoncteur", kinds({SearchKind::interaction}))), std::vector<Uuid>{early.id});
  EXPECT_EQ(search("disjoncteur", kinds({SearchKind::ticket, SearchKind::interaction})).hits.size(), 3u);
  EXPECT_EQ(ids(search("disjoncteur", {.statuses = {TicketStatus::open}})), std::vector<Uuid>{waiting.id});
  EXPECT_EQ(ids(search("disjoncteur", {.statuses = {TicketStatus::new_}})), std::vector<Uuid>{fresh.id});
  EXPECT_EQ(ids(search("disjoncteur", {.assignee = "marie"})), std::vector<Uuid>{waiting.id});
  EXPECT_EQ(ids(search("disjoncteur", {.assignee = ""})), std::vector<Uuid>{fresh.id});
  const Timestamp between = early.occurred_at + 1h;
  EXPECT_EQ(ids(search("disjoncteur", {.kinds = {SearchKind::interaction}, .to = between})),
            std::vector<Uuid>{early.id});
  EXPECT_EQ(search("disjoncteur", {.from = between}).hits.size(), 2u) << "the tickets, written two days later";
  EXPECT_EQ(search("disjoncteur", {.from = early.occurred_at, .to = between}).hits.size(), 2u)
      << "the note and the customer, both written then";
}

TEST_P(SearchTest, PagesFollowEachOtherWithoutRepeatsOrGaps) {
  Customer customer = person("Famille Leroy", "0611223344");
  std::set<Uuid> written;
  for (int i = 0; i < 25; ++i) {
    clock->advance(1min);
    written.insert(note(customer, "Prise " + std::to_string(i), std::string(static_cast<std::size_t>(i), 'x')).id);
  }
  std::set<Uuid> seen;
  SearchQuery query{.limit = 10};
  int pages = 0;
  do {
    SearchPage page = search("prise", query);
    EXPECT_FALSE(page.by_recency);
    for (const auto& hit : page.hits) EXPECT_TRUE(seen.insert(hit.id).second) << "repeated";
    query.after = page.next_cursor;
    ++pages;
  } while (!query.after.empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, written);
}

TEST_P(SearchTest, WordsFoundAlmostEverywhereListTheNewestFirst) {
  // More matches than search ranks, written straight into the index: the
  // rows an API would write, without thousands of calls.
  std::string rows;
  for (int i = 0; i < 3000; ++i) {
    rows += std::string(rows.empty() ? "" : ",") + "('" + Uuid::generate(*clock).to_string() +
            "', 'interaction', '', " + std::to_string(i) + ", 0, 'Appel " + std::to_string(i) +
            "', 'courant coupé', 'appel " + std::to_string(i) + "', 'courant coupe', 'kindinteraction')";
  }
  relais::testing::execute_raw_sql(database(),
                                   "INSERT INTO search_documents (id, kind, assignee, happened_at, archived, title,"
                                   " excerpt_text, title_words, words, filter_words) VALUES " + rows);
  SearchPage first = search("courant", {.limit = 100});
  EXPECT_TRUE(first.by_recency);
  ASSERT_EQ(first.hits.size(), 100u);
  EXPECT_EQ(first.hits[0].title, "Appel 2999");
  EXPECT_EQ(first.hits[99].title, "Appel 2900");
  SearchPage second = search("courant", {.limit = 100, .after = first.next_cursor});
  EXPECT_TRUE(second.by_recency);
  EXPECT_EQ(second.hits[0].title, "Appel 2899");
  EXPECT_FALSE(search("courant appel 17").by_recency) << "a rarer combination is ranked";
  EXPECT_TRUE(search("courant", {.kinds = {SearchKind::customer}}).hits.empty()) << "the kind is matched in the index";
  EXPECT_EQ(search("courant", {.kinds = {SearchKind::ticket, SearchKind::interaction}}).hits.size(), 20u);
  SearchPage typing = search("cour");
  EXPECT_TRUE(typing.by_recency) << "a start of word matching everywhere";
  EXPECT_EQ(typing.hits.at(0).title, "Appel 2999");
  EXPECT_EQ(search("cour", {.after = typing.next_cursor}).hits.at(0).title, "Appel 2979");
}

TEST_P(SearchTest, TitleMatchesRankFirst) {
  Customer customer = person("Martine Robert", "0611223344");
  Interaction mention = note(customer, "Visite", "Vu le tableau, la VMC de la salle de bain est à revoir aussi");
  Ticket about = ticket(customer, "VMC bruyante");
  SearchPage page = search("vmc");
  EXPECT_EQ(ids(page), (std::vector<Uuid>{about.id, mention.id}));
  EXPECT_GT(page.hits[0].score, page.hits[1].score);
}

TEST_P(SearchTest, HitsShowTitleExcerptTimeAndCustomer) {
  Customer customer = person("Gérard Lemoine", "0611223344");
  clock->advance(1h);
  std::string notes = "Le client a appelé pour une question de facture. ";
  for (int i = 0; i < 10; ++i) notes += "Il explique longuement son installation. ";
  notes += "Le disjoncteur général saute quand le four et le lave-linge tournent. " + notes;
  Interaction call = note(customer, "Appel entrant", notes);
  SearchPage page = search("disjoncteur");
  ASSERT_EQ(page.hits.size(), 1u);
  const SearchHit& hit = page.hits[0];
  EXPECT_EQ(hit.kind, SearchKind::interaction);
  EXPECT_EQ(hit.title, "Appel entrant");
  EXPECT_EQ(hit.customer, customer.id);
  EXPECT_EQ(hit.time, call.occurred_at);
  EXPECT_TRUE(hit.excerpt.starts_with("…")) << hit.excerpt;
  EXPECT_TRUE(hit.excerpt.ends_with("…")) << hit.excerpt;
  EXPECT_NE(hit.excerpt.find("Le disjoncteur général saute"), std::string::npos) << hit.excerpt;
  EXPECT_LT(hit.excerpt.size(), 200u);
  Ticket request = ticket(customer, "Borne de recharge");
  EXPECT_EQ(search("borne").hits.at(0).title, request.number + " Borne de recharge");
  EXPECT_EQ(search("lemoine").hits.at(0).customer, customer.id);
}

TEST_P(SearchTest, QuerySyntaxInTheTextIsOnlyText) {
  Customer customer = ws().customers().create(sample_company());
  // A page, or an InvalidInputError on "text" when nothing is left to
  // search for; any other exception fails the test.
  for (const char* text : {"\"AND OR NEAR(", "durand*", "NOT durand", "durand OR martin", "name:durand",
                           "'; DROP TABLE customers; --", "a\" OR \"b", "(((", "^durand", "-durand", "durand & !x",
                           "durand:*", "\\\\", "NEAR(durand rennes, 2)", "{durand}", "durand + rennes", "*", "\"\""}) {
    try {
      search(text);
    } catch (const InvalidInputError& error) {
      EXPECT_EQ(field_of(error), "text") << text;
    }
  }
  EXPECT_FALSE(finds("durand OR martin", customer.id)) << "OR is a word to find, not an operator";
  EXPECT_TRUE(finds("durand*", customer.id));
  EXPECT_TRUE(finds("-durand", customer.id)) << "a hyphen is not an exclusion";
  EXPECT_TRUE(search("\"AND OR NEAR(").hits.empty());
  EXPECT_EQ(ws().customers().get(customer.id).name, "Électricité Durand SARL");
}

TEST_P(SearchTest, BadQueriesNameTheirField) {
  EXPECT_EQ(invalid_field([&] { search(""); }), "text");
  EXPECT_EQ(invalid_field([&] { search("   "); }), "text");
  EXPECT_EQ(invalid_field([&] { search("!!! ... ???"); }), "text");
  EXPECT_EQ(invalid_field([&] { search(std::string(1001, 'a')); }), "text");
  std::string many_words;
  for (int i = 0; i < 17; ++i) many_words += "mot" + std::to_string(i) + " ";
  EXPECT_EQ(invalid_field([&] { search(many_words); }), "text");
  EXPECT_EQ(invalid_field([&] { search("prise", {.limit = 0}); }), "limit");
  EXPECT_EQ(invalid_field([&] { search("prise", {.limit = 101}); }), "limit");
  EXPECT_EQ(invalid_field([&] { search("prise", {.after = "r:oops"}); }), "after");
  EXPECT_EQ(invalid_field([&] { search("prise", {.after = "t:12:13"}); }), "after");
  EXPECT_EQ(invalid_field([&] { search("prise", {.from = clock->now(), .to = clock->now()}); }), "to");
  try {
    search(std::string(5000, 'x'));
  } catch (const InvalidInputError& error) {
    EXPECT_LT(error.field_errors().at(0).value.size(), 200u) << "the value is cut to a readable length";
  }
}

TEST_P(SearchTest, HugeWordsGiveASafeResult) {
  EXPECT_TRUE(search(std::string(1000, 'a')).hits.empty());
  EXPECT_TRUE(search(std::string(999, '9')).hits.empty());
  std::string accents;
  while (accents.size() < 990) accents += "é";
  EXPECT_TRUE(search(accents).hits.empty());
}

TEST_P(SearchTest, ArchivedCustomersAreLeftOutUnlessAsked) {
  Customer customer = person("Solange Petit", "0611223344");
  Interaction call = note(customer, "Solange rappelle");
  ws().customers().archive(customer.id, customer.version);
  EXPECT_EQ(ids(search("solange")), std::vector<Uuid>{call.id}) << "her history stays searchable";
  SearchPage all = search("solange", {.include_archived = true});
  ASSERT_EQ(all.hits.size(), 2u);
  auto archived = std::find_if(all.hits.begin(), all.hits.end(), [](const SearchHit& hit) { return hit.archived; });
  ASSERT_NE(archived, all.hits.end());
  EXPECT_EQ(archived->id, customer.id);
}

TEST_P(SearchTest, TheIndexFollowsEveryWrite) {
  Customer customer = person("Bernard Dubois", "0611223344");
  customer = ws().customers().update(customer.id, customer.version, {.name = "Bernard Duval"});
  EXPECT_FALSE(finds("dubois", customer.id));
  EXPECT_TRUE(finds("duval", customer.id));

  Interaction call = note(customer, "Devis prises");
  ws().desk().update_interaction(call.id, call.version, {.subject = "Devis éclairage"});
  EXPECT_FALSE(finds("prises", call.id));
  EXPECT_TRUE(finds("eclairage", call.id));

  Ticket request = ticket(customer, "Interphone");
  ws().desk().add_comment(request.id, "Combiné Legrand commandé", true);
  EXPECT_TRUE(finds("legrand", request.id));
  request = ws().desk().update_ticket(request.id, request.version, {.subject = "Visiophone"});
  EXPECT_TRUE(finds("visiophone legrand", request.id)) << "the comment stays with the new subject";
  request = ws().desk().set_status(request.id, request.version, TicketStatus::resolved);
  EXPECT_TRUE(finds("visiophone", request.id, {.statuses = {TicketStatus::resolved}}));

  Customer twin = person("B. Duval", "0755443322");
  MergeResult merge = ws().customers().merge(customer.id, customer.version, twin.id, twin.version);
  EXPECT_TRUE(finds("0755443322", customer.id)) << "the survivor took the other's number";
  EXPECT_FALSE(finds("0755443322", twin.id)) << "the merged record is archived";
  ws().customers().unmerge(merge.merge_id);
  EXPECT_TRUE(finds("0755443322", twin.id));
}

TEST_P(SearchTest, ImportedCustomersAreFound) {
  const char* profile = R"({"name": "t", "system": "erp", "external_id": "Code",
                            "fields": {"name": "Nom", "phones": "Tel", "site.postcode": "CP", "site.city": "Ville"}})";
  ImportReport report = ws().customers().import_csv("Code,Nom,Tel,CP,Ville\r\nC9,Maison Fabre,0233445566,29000,Quimper\r\n",
                                                    profile);
  ASSERT_EQ(report.imported, 1u) << (report.rejections.empty() ? "" : report.rejections[0].reason);
  SearchPage page = search("fabre quimper");
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_TRUE(finds("344556", page.hits[0].id));
  EXPECT_TRUE(finds("C9", page.hits[0].id)) << "external ids are searchable";
}

TEST_P(SearchTest, RecordsStoredBeforeSearchExistedAreIndexedOnOpen) {
  Customer customer = ws().customers().create(sample_company());
  Interaction call = note(customer, "Consuel à prévoir");
  Ticket request = ticket(customer, "Mise en conformité");
  ws().desk().add_comment(request.id, "Attestation Consuel reçue");
  // Back to the schema before search: no search documents, the customer
  // area at version 1 and the desk at version 3.
  relais::testing::execute_raw_sql(database(), "DELETE FROM search_documents");
  relais::testing::execute_raw_sql(database(), "UPDATE relais_schema SET version = 1 WHERE area = 'customers'");
  relais::testing::execute_raw_sql(database(), "UPDATE relais_schema SET version = 3 WHERE area = 'desk'");
  // Nor what the desk's later migration 5 (the dashboard's columns) added.
  relais::testing::execute_raw_sql(
      database(),
      "DROP INDEX tickets_by_status_since; DROP INDEX tickets_by_assignee_status_since;"
      "DROP INDEX tickets_by_status_callback; DROP INDEX tickets_by_assignee_status_callback;"
      "DROP INDEX tickets_by_created; DROP INDEX tickets_by_assignee_created;"
      "DROP INDEX tickets_by_first_answer; DROP INDEX tickets_by_assignee_first_answer;"
      "DROP INDEX tickets_by_resolution; DROP INDEX tickets_by_assignee_resolution;"
      "DROP INDEX interactions_by_kind_time; DROP INDEX interactions_by_outcome_user;"
      "ALTER TABLE tickets DROP COLUMN status_changed_at; ALTER TABLE tickets DROP COLUMN first_answer_at");
  EXPECT_TRUE(search("consuel").hits.empty());
  Workspace reopened = Workspace::open(database().uri(), {.clock = clock});
  auto found = reopened.desk().search({.text = "consuel"}).hits;
  std::set<Uuid> found_ids;
  for (const auto& hit : found) found_ids.insert(hit.id);
  EXPECT_EQ(found_ids, (std::set<Uuid>{call.id, request.id}));
  EXPECT_EQ(reopened.desk().search({.text = "345678"}).hits.at(0).id, customer.id);
}
