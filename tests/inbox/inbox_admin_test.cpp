// The inbox's configuration on both engines: dispatch rules (the defaults
// of DOMAIN.md, editing them under versions, refusals naming the field),
// settings, mailboxes through the maildir connector, and the FAQ ranked by
// the engine's own relevance.
#include "support/field_errors.h"
#include "support/workspace_fixture.h"

#include <relais/inbox/inbox_service.h>

#include <filesystem>

using namespace relais;
using relais::testing::field_errors_of;
using relais::testing::has_field;

class InboxAdminTest : public relais::testing::WorkspaceTest {
 protected:
  void SetUp() override {
    WorkspaceTest::SetUp();
    folder_ = std::filesystem::temp_directory_path() /
              ("relais-inbox-admin-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    for (const char* sub : {"new", "cur", "tmp"}) std::filesystem::create_directories(folder_ / sub);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::string maildir_config() const { return R"({"path": ")" + folder_.string() + R"("})"; }

  std::filesystem::path folder_;
};
RELAIS_INSTANTIATE_FOR_ENGINES(InboxAdminTest);

namespace {

const DispatchRule& rule_named(const std::vector<DispatchRule>& rules, std::string_view name) {
  auto found = std::find_if(rules.begin(), rules.end(), [&](const DispatchRule& rule) { return rule.name == name; });
  if (found == rules.end()) throw std::runtime_error("no rule " + std::string(name));
  return *found;
}

}  // namespace

TEST_P(InboxAdminTest, NewWorkspaceStartsWithOneRulePerCategoryOfTheDomainTable) {
  auto ws = open();
  auto rules = ws.inbox().rules();
  ASSERT_EQ(rules.size(), 9u);
  EXPECT_EQ(rules.front().name, "Demandes de devis");
  const auto& suppliers = rule_named(rules, "Fournisseurs");
  EXPECT_EQ(suppliers.action, DispatchAction::file);
  EXPECT_EQ(suppliers.queue, "achats");
  EXPECT_EQ(rule_named(rules, "Lettres d'information et spam").action, DispatchAction::file);
  EXPECT_TRUE(rule_named(rules, "Pannes et dépannages").acknowledge);
}

TEST_P(InboxAdminTest, RulesAreAddedChangedAndRemovedUnderTheirVersionAndJournaled) {
  auto ws = open();
  DispatchRuleDraft draft;
  draft.name = "Rexel";
  draft.position = 5;
  draft.when.sender_domain = "Rexel.FR";
  draft.when.keywords = {"Bon de livraison"};
  draft.action = DispatchAction::file;
  draft.queue = "achats";
  DispatchRule rule = ws.inbox().add_rule(draft);
  EXPECT_EQ(rule.when.sender_domain, "rexel.fr");
  EXPECT_EQ(rule.when.keywords, std::vector<std::string>{"bon de livraison"});
  EXPECT_EQ(ws.inbox().rules().front(), rule);

  draft.queue = "magasin";
  DispatchRule changed = ws.inbox().update_rule(rule.id, rule.version, draft);
  EXPECT_EQ(changed.version, 2);
  EXPECT_THROW(ws.inbox().update_rule(rule.id, rule.version, draft), ConflictError);
  EXPECT_THROW(ws.inbox().remove_rule(rule.id, 1), ConflictError);
  ws.inbox().remove_rule(rule.id, changed.version);
  EXPECT_EQ(ws.inbox().rules().size(), 9u);
  auto history = ws.history("dispatch_rule", rule.id.to_string());
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[1].action, "update");
}

TEST_P(InboxAdminTest, BadRulesAreRefusedNamingEveryField) {
  auto ws = open();
  DispatchRuleDraft draft;
  draft.name = "  ";
  draft.when.keywords = {"ok", "!!!"};
  draft.when.sender_domain = "pas un domaine";
  auto errors = field_errors_of([&] { ws.inbox().add_rule(draft); });
  EXPECT_TRUE(has_field(errors, "name"));
  EXPECT_TRUE(has_field(errors, "when.keywords[1]"));
  EXPECT_TRUE(has_field(errors, "when.sender_domain"));
  draft = {};
  draft.name = "Fournisseurs";
  EXPECT_THROW(ws.inbox().add_rule(draft), ConflictError);
  draft.name = "Pour Marie";
  draft.assignee = "marie";
  EXPECT_TRUE(has_field(field_errors_of([&] { ws.inbox().add_rule(draft); }), "assignee"));
}

TEST_P(InboxAdminTest, OnlyAnAdminEditsRules) {
  auto ws = open();
  ws.users().create({.login = "marie", .display_name = "Marie", .role = Role::assistant});
  auto marie = ws.as_user("marie");
  DispatchRuleDraft draft;
  draft.name = "Essai";
  EXPECT_THROW(marie.inbox().add_rule(draft), PermissionDeniedError);
}

TEST_P(InboxAdminTest, SettingsAreCheckedVersionedAndKept) {
  auto ws = open();
  InboxSettings settings = ws.inbox().settings();
  EXPECT_EQ(settings.attachment_limit_bytes, 25u * 1024 * 1024);
  EXPECT_EQ(settings.thread_window_days, 14);
  EXPECT_EQ(settings.version, 0);
  settings.attachment_limit_bytes = 10 * 1024 * 1024;
  settings.reply_from = "Contact@Duret-Elec.FR";
  settings.reply_name = "Duret Électricité";
  InboxSettings stored = ws.inbox().configure(settings);
  EXPECT_EQ(stored.version, 1);
  EXPECT_EQ(stored.reply_from, "Contact@duret-elec.fr");
  EXPECT_EQ(ws.inbox().settings(), stored);
  EXPECT_THROW(ws.inbox().configure(settings), ConflictError);

  stored.thread_window_days = 0;
  stored.confidence_threshold = 1.5;
  stored.acknowledgement_template = "Merci";
  auto errors = field_errors_of([&] { ws.inbox().configure(stored); });
  EXPECT_TRUE(has_field(errors, "thread_window_days"));
  EXPECT_TRUE(has_field(errors, "confidence_threshold"));
  EXPECT_TRUE(has_field(errors, "acknowledgement_template"));
}

TEST_P(InboxAdminTest, MailboxesAreConfiguredThroughTheirConnectorAndVersioned) {
  auto ws = open();
  Mailbox box = ws.inbox().configure_mailbox("contact", "maildir", maildir_config());
  EXPECT_EQ(box.version, 1);
  EXPECT_EQ(box.cursor, "");
  EXPECT_EQ(ws.inbox().mailboxes(), std::vector<Mailbox>{box});
  EXPECT_THROW(ws.inbox().configure_mailbox("contact", "maildir", maildir_config()), ConflictError);
  EXPECT_THROW(ws.inbox().configure_mailbox("sav", "maildir", maildir_config(), 3), NotFoundError);
  EXPECT_TRUE(has_field(field_errors_of([&] { ws.inbox().configure_mailbox("Contact!", "maildir", "{}"); }), "name"));
  EXPECT_TRUE(has_field(field_errors_of([&] { ws.inbox().configure_mailbox("sav", "maildir", R"({"path": 3})"); }),
                        "config.path"));
  EXPECT_THROW(ws.inbox().configure_mailbox("sav", "carrier-pigeon", "{}"), PluginError);
  EXPECT_EQ(ws.history("mailbox", "contact").size(), 1u);
}

TEST_P(InboxAdminTest, FaqSuggestionsAreRankedByTheEnginesRelevance) {
  auto ws = open();
  ws.inbox().add_faq({"Quels sont vos horaires d'ouverture ?",
                      "Du lundi au vendredi, de 8 h à 12 h et de 14 h à 18 h.", {"horaires"}});
  FaqEntry borne = ws.inbox().add_faq(
      {"Installez-vous des bornes de recharge pour voiture électrique ?",
       "Oui, nous sommes qualifiés IRVE et posons des bornes de recharge à domicile et en entreprise.", {"irve"}});
  ws.inbox().add_faq({"Intervenez-vous le week-end ?", "Pour les pannes urgentes, oui, avec une astreinte.", {}});
  auto suggestions = ws.inbox().suggest_answers(
      "Bonjour, je viens d'acheter une voiture électrique et je voudrais faire installer une borne de recharge "
      "dans mon garage. Pouvez-vous me faire un devis ?");
  ASSERT_FALSE(suggestions.empty());
  EXPECT_EQ(suggestions.front().entry.id, borne.id);
  EXPECT_GT(suggestions.front().score, 0);
  for (std::size_t i = 1; i < suggestions.size(); ++i) EXPECT_LE(suggestions[i].score, suggestions[i - 1].score);
  EXPECT_TRUE(ws.inbox().suggest_answers("xyz abc").empty());
  EXPECT_THROW(ws.inbox().suggest_answers("borne", 0), InvalidInputError);
}

TEST_P(InboxAdminTest, FaqEntriesAreEditedUnderTheirVersionAndFoundAgain) {
  auto ws = open();
  FaqEntry entry = ws.inbox().add_faq({"Faites-vous les diagnostics ?", "Non.", {}});
  FaqEntry changed = ws.inbox().update_faq(entry.id, entry.version,
                                           {"Faites-vous les diagnostics électriques ?", "Oui, pour la vente.", {"vente"}});
  EXPECT_EQ(changed.version, 2);
  EXPECT_THROW(ws.inbox().update_faq(entry.id, entry.version, {"q", "a", {}}), ConflictError);
  EXPECT_EQ(ws.inbox().suggest_answers("diagnostic vente maison").front().entry, changed);
  EXPECT_EQ(ws.inbox().faq(), std::vector<FaqEntry>{changed});
  auto errors = field_errors_of([&] { ws.inbox().add_faq({"", " ", {""}}); });
  EXPECT_TRUE(has_field(errors, "question"));
  EXPECT_TRUE(has_field(errors, "answer"));
  EXPECT_TRUE(has_field(errors, "tags[0]"));
  ws.inbox().remove_faq(entry.id, changed.version);
  EXPECT_THROW(ws.inbox().get_faq(entry.id), NotFoundError);
  EXPECT_TRUE(ws.inbox().suggest_answers("diagnostic vente").empty());
}
