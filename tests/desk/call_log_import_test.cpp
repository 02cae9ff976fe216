// Phone-system call logs brought into the desk, on both engines: the shipped
// OXO export (Windows-1252), calls already traced, customers found from the
// number, rejections with row and reason, re-imports, and a telephony
// connector's calls going through the same import.
#include "support/workspace_fixture.h"


#include <relais/desk/desk_service.h>
#include <relais/spi/telephony.h>

#include <algorithm>
#include <map>
#include <optional>

using namespace relais;
using namespace std::chrono_literals;

namespace {

const std::string kData = RELAIS_EXAMPLES_DATA_DIR;
const std::string kOxoLog = kData + "/appels-oxo.csv";
const std::string kOxoProfile = kData + "/oxo-connect.profile.json";

// A Paris wall-clock time in November 2026 (UTC+1). The shipped log is of
// Monday 23; the tests run on Tuesday 24 at noon.
Timestamp paris(unsigned day, int hour, int minute, int second = 0) {
  return std::chrono::sys_days{2026y / 11 / day} + std::chrono::hours(hour - 1) + std::chrono::minutes(minute) +
         std::chrono::seconds(second);
}

std::map<std::string, Interaction> by_call_id(const InteractionPage& page) {
  std::map<std::string, Interaction> calls;
  for (const auto& call : page.interactions) calls[call.source ? call.source->call_id : ""] = call;
  return calls;
}

}  // namespace

class CallLogImportTest : public relais::testing::WorkspaceTest {
 protected:
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(paris(24, 12, 0));
  std::optional<Workspace> session;  // opened once the test database exists
  Customer helene, syndic, creperie;

  Workspace& ws() { return *session; }

  void SetUp() override {
    WorkspaceTest::SetUp();
    session = open({.clock = clock, .plugin_paths = {RELAIS_FIXTURE_PLUGIN_DIR}});
    ws().users().create({.login = "marie", .display_name = "Marie Le Goff", .role = Role::assistant});
    ws().users().create({.login = "gaetan", .display_name = "Gaëtan Riou", .role = Role::technician});
    helene = ws().customers().create(
        {.kind = CustomerKind::person, .name = "Hélène Martin", .phones = {"06 12 34 56 78"}});
    CustomerDraft armor{.kind = CustomerKind::company, .name = "Syndic Ar Mor", .phones = {"02 99 40 12 85"}};
    armor.contacts = {Contact{.name = "Yann Le Bihan", .phones = {"06 45 23 18 90"}}};
    syndic = ws().customers().create(armor);
    // A second customer on the syndic's switchboard number: that number no
    // longer tells who calls.
    ws().customers().create(
        {.kind = CustomerKind::company, .name = "Résidence Les Embruns", .phones = {"02 99 40 12 85"}},
        {.allow_duplicates = true});
    creperie = ws().customers().create({.kind = CustomerKind::company, .name = "Crêperie Ty Breizh",
                                      .phones = {"02 98 95 33 61"}});
  }

  std::vector<Interaction> all_to_qualify() {
    std::vector<Interaction> calls;
    std::string after;
    do {
      auto page = ws().desk().calls_to_qualify(5, after);
      calls.insert(calls.end(), page.interactions.begin(), page.interactions.end());
      after = page.next_cursor;
    } while (!after.empty());
    return calls;
  }
};

RELAIS_INSTANTIATE_FOR_ENGINES(CallLogImportTest);

TEST_P(CallLogImportTest, TheShippedOxoLogBecomesCallsToQualify) {
  CallLogReport report = ws().desk().import_call_log_file(kOxoLog, kOxoProfile);
  EXPECT_EQ(report.system, "oxo");
  EXPECT_EQ(report.charset, "WINDOWS-1252");
  EXPECT_EQ(report.rows, 15u);
  EXPECT_EQ(report.imported, 11u);
  EXPECT_EQ(report.ignored, 1u);  // the internal call
  EXPECT_EQ(report.already_logged, 0u);
  EXPECT_EQ(report.rejected, 3u);
  EXPECT_EQ(report.rows, report.imported + report.already_logged + report.ignored + report.rejected);

  auto calls = all_to_qualify();
  ASSERT_EQ(calls.size(), 11u);
  EXPECT_TRUE(std::is_sorted(calls.begin(), calls.end(),
                             [](const auto& a, const auto& b) { return a.occurred_at < b.occurred_at; }));
  for (const auto& call : calls) {
    EXPECT_EQ(call.outcome, CallOutcome::to_qualify);
    ASSERT_TRUE(call.source);
    EXPECT_EQ(call.source->system, "oxo");
    EXPECT_TRUE(call.subject.empty());
  }
  // Paris time in the file, UTC in the base; the phone number in E.164.
  EXPECT_EQ(calls.front().occurred_at, paris(23, 8, 47, 12));
  EXPECT_EQ(calls.front().phone, "+33612345678");
  EXPECT_EQ(calls.front().duration, 161s);
  EXPECT_EQ(calls.front().source->call_id, "104231");
}

TEST_P(CallLogImportTest, MalformedRowsAreRejectedWithTheirRowAndReason) {
  CallLogReport report = ws().desk().import_call_log_file(kOxoLog, kOxoProfile);
  ASSERT_EQ(report.rejections.size(), 3u);
  EXPECT_EQ(report.rejections[0].row, 10u);
  EXPECT_NE(report.rejections[0].reason.find("line 11: column \"Correspondant\" (number) = \"Anonyme\""),
            std::string::npos)
      << report.rejections[0].reason;
  EXPECT_EQ(report.rejections[1].row, 13u);
  EXPECT_NE(report.rejections[1].reason.find("column \"Durée\" (duration) = \"3 min\": not a duration"),
            std::string::npos)
      << report.rejections[1].reason;
  EXPECT_EQ(report.rejections[2].row, 14u);
  EXPECT_NE(report.rejections[2].reason.find("line 15: wrong column count: 8 columns, the header has 9"),
            std::string::npos)
      << report.rejections[2].reason;
}

TEST_P(CallLogImportTest, TheCustomerIsSetWhenTheNumberIsExactlyOneCustomers) {
  CallLogReport report = ws().desk().import_call_log_file(kOxoLog, kOxoProfile);
  EXPECT_EQ(report.matched, 5u);  // Hélène twice, Yann Le Bihan, the crêperie twice
  auto calls = by_call_id(ws().desk().calls_to_qualify(50));
  EXPECT_EQ(calls.at("104231").customer, helene.id);
  EXPECT_EQ(calls.at("104240").customer, syndic.id);
  EXPECT_EQ(calls.at("104240").contact, syndic.contacts[0].id);
  EXPECT_EQ(calls.at("104246").customer, creperie.id);
  EXPECT_FALSE(calls.at("104232").customer);  // the shared switchboard number
  EXPECT_FALSE(calls.at("104252").customer);  // nobody has this number
  EXPECT_EQ(ws().desk().timeline(helene.id).interactions.size(), 2u);
}

TEST_P(CallLogImportTest, ThePhoneSystemsFactsAreKeptMissedCallsIncluded) {
  ws().desk().import_call_log_file(kOxoLog, kOxoProfile);
  auto calls = by_call_id(ws().desk().calls_to_qualify(50));
  EXPECT_FALSE(calls.at("104245").source->answered);  // Non répondu
  EXPECT_EQ(calls.at("104245").duration, 0s);
  EXPECT_FALSE(calls.at("104260").source->answered);  // Messagerie
  EXPECT_TRUE(calls.at("104246").source->answered);
  EXPECT_EQ(calls.at("104236").direction, Direction::outbound);
  EXPECT_EQ(calls.at("104231").user, "marie");
  EXPECT_EQ(calls.at("104255").user, "gaetan");
  // Extension 210 is nobody's in the profile: the importing user's call.
  EXPECT_EQ(calls.at("104263").user, "admin");
  EXPECT_EQ(calls.at("104263").source->extension, "210");
}

TEST_P(CallLogImportTest, ImportingTheSameLogAgainChangesNothing) {
  ws().desk().import_call_log_file(kOxoLog, kOxoProfile);
  const auto head = ws().journal_head();
  CallLogReport again = ws().desk().import_call_log_file(kOxoLog, kOxoProfile);
  EXPECT_EQ(again.imported, 0u);
  EXPECT_EQ(again.already_logged, 11u);
  EXPECT_EQ(again.rejected, 3u);
  EXPECT_EQ(again.ignored, 1u);
  EXPECT_EQ(ws().journal_head(), head);
  EXPECT_EQ(all_to_qualify().size(), 11u);
}

TEST_P(CallLogImportTest, ACallTypedInWhileItRangIsAlreadyLogged) {
  // Marie logged Yann's call by hand, a minute into it (the log says
  // 09:10:44, four minutes long).
  CallDraft typed;
  typed.customer = syndic.id;
  typed.phone = "06 45 23 18 90";
  typed.started_at = paris(23, 9, 11, 50);
  typed.subject = "Fuite au compteur, résidence Les Embruns";
  ws().as_user("marie").desk().log_call(typed);
  CallLogReport report = ws().desk().import_call_log_file(kOxoLog, kOxoProfile);
  EXPECT_EQ(report.already_logged, 1u);
  EXPECT_EQ(report.imported, 10u);
  EXPECT_EQ(by_call_id(ws().desk().calls_to_qualify(50)).count("104240"), 0u);
}

TEST_P(CallLogImportTest, ARedialWithinAMinuteIsAnotherCall) {
  PhoneSystem pbx{"3cx", {}};
  std::vector<CallRecord> calls = {
      {"a-1", "02 98 95 33 61", Direction::inbound, paris(24, 9, 32, 50), 0s, false, "201"},
      {"a-2", "02 98 95 33 61", Direction::inbound, paris(24, 9, 33, 20), 110s, true, "201"},
  };
  CallLogReport report = ws().desk().import_calls(pbx, calls);
  EXPECT_EQ(report.imported, 2u);
  EXPECT_EQ(ws().desk().import_calls(pbx, calls).already_logged, 2u);
}

TEST_P(CallLogImportTest, AConnectorsCallsGoThroughTheSameImport) {
  auto pbx = ws().connect<spi::TelephonyConnector>("fake", "");
  spi::CallBatch first = pbx->calls_since("", 2);
  ASSERT_EQ(first.calls.size(), 2u);
  PhoneSystem phone_system{pbx->system(), {{"201", "marie"}, {"202", "gaetan"}}};
  CallLogReport report = ws().desk().import_calls(phone_system, first.calls);
  EXPECT_EQ(report.system, "fakepbx");
  EXPECT_EQ(report.charset, "");
  EXPECT_EQ(report.imported, 2u);
  EXPECT_EQ(report.matched, 1u);  // Hélène; the switchboard number is two customers'
  spi::CallBatch rest = pbx->calls_since(first.next_cursor, 2);
  ASSERT_EQ(rest.calls.size(), 1u);
  EXPECT_EQ(ws().desk().import_calls(phone_system, rest.calls).imported, 1u);
  EXPECT_TRUE(pbx->calls_since(rest.next_cursor, 2).calls.empty());
  // A connector that lost its cursor starts again: nothing is traced twice.
  EXPECT_EQ(ws().desk().import_calls(phone_system, pbx->calls_since("", 10).calls).already_logged, 3u);
  auto calls = by_call_id(ws().desk().calls_to_qualify(50));
  EXPECT_EQ(calls.at("fake-3").customer, creperie.id);
  EXPECT_EQ(calls.at("fake-3").user, "gaetan");
  EXPECT_THROW(pbx->calls_since("nonsense", 1), InvalidInputError);
}

TEST_P(CallLogImportTest, AnUnknownTelephonyPluginIsAPluginErrorNamingIt) {
  try {
    ws().connect<spi::TelephonyConnector>("alcatel", "");
    FAIL() << "no error";
  } catch (const PluginError& error) {
    EXPECT_NE(std::string(error.what()).find("alcatel"), std::string::npos) << error.what();
  }
}

TEST_P(CallLogImportTest, ABadCallFromAConnectorIsRejectedByItsPosition) {
  ws().users().set_active("gaetan", ws().users().get("gaetan").version, false);
  std::vector<CallRecord> calls = {
      {"b-1", "06 12 34 56 78", Direction::inbound, paris(24, 10, 0), 60s, true, ""},
      {"b-2", "12", Direction::inbound, paris(24, 10, 5), 60s, true, ""},
      {"b-3", "06 12 34 56 78", Direction::inbound, paris(24, 10, 10), -5s, true, ""},
      {"b-4", "06 12 34 56 78", Direction::inbound, paris(24, 10, 15), 60s, true, "202"},
      {"b-5", "06 12 34 56 78", Direction::inbound, std::chrono::sys_days{2031y / 1 / 1}, 60s, true, ""},
  };
  CallLogReport report = ws().desk().import_calls({"3cx", {{"202", "gaetan"}}}, calls);
  EXPECT_EQ(report.imported, 1u);
  ASSERT_EQ(report.rejected, 4u);
  EXPECT_EQ(report.rejections[0].row, 2u);
  EXPECT_EQ(report.rejections[0].reason.rfind("call 2: phone = \"12\"", 0), 0u) << report.rejections[0].reason;
  EXPECT_NE(report.rejections[1].reason.find("duration"), std::string::npos);
  EXPECT_NE(report.rejections[2].reason.find("user = \"gaetan\": not an active user"), std::string::npos)
      << report.rejections[2].reason;
  EXPECT_NE(report.rejections[3].reason.find("started_at"), std::string::npos);
  EXPECT_THROW(ws().desk().import_calls({"", {}}, calls), InvalidInputError);
}

TEST_P(CallLogImportTest, ProfileErrorsNameTheKeyAndWriteNothing) {
  const std::string csv = "Id;Quand;Numéro\r\n1;24/11/2026 09:00;0612345678\r\n";
  auto key_of = [&](const std::string& profile) {
    try {
      ws().desk().import_call_log(csv, profile);
    } catch (const InvalidInputError& error) {
      return error.field_errors().front().field;
    }
    return std::string("no error");
  };
  const std::string start = R"("start": {"column": "Quand", "format": "dd/mm/yyyy HH:MM"})";
  EXPECT_EQ(key_of(R"({"name": "p", "system": "s", "number": "Numéro"})"), "start");
  EXPECT_EQ(key_of(R"({"name": "p", "system": "s", "number": "Numéro",
                       "start": {"column": "Quand", "format": "dd/mm/yyyy"}})"),
            "start.format");
  EXPECT_EQ(key_of(R"({"name": "p", "system": "s", "number": "Numéro", )" + start +
                   R"(, "direction": {"column": "Id", "values": {"E": "sideways"}}})"),
            "direction.values.E");
  EXPECT_EQ(key_of(R"({"name": "p", "system": "s", "number": "Numéro", )" + start + R"(, "colour": 1})"), "colour");
  EXPECT_EQ(key_of(R"({"name": "p", "system": "s", "number": "Appelant", )" + start + "}"), "number");
  EXPECT_EQ(key_of(R"({"name": "p", "system": "s", "number": "Numéro", )" + start + "}"), "no error");
  EXPECT_EQ(all_to_qualify().size(), 1u);  // only the good profile wrote
}

TEST_P(CallLogImportTest, AValueTheTableDoesNotListRejectsTheRow) {
  const std::string profile = R"({"name": "p", "system": "s", "number": "Numéro",
    "start": {"column": "Quand", "format": "dd/mm/yyyy HH:MM"},
    "direction": {"column": "Sens", "values": {"Entrant": "inbound"}, "default": "inbound"}})";
  const std::string csv =
      "Sens;Quand;Numéro\r\nTransfert;24/11/2026 09:00;0612345678\r\n;24/11/2026 09:05;0612345679\r\n";
  CallLogReport report = ws().desk().import_call_log(csv, profile);
  EXPECT_EQ(report.imported, 1u);  // the empty cell takes the default
  ASSERT_EQ(report.rejected, 1u);
  EXPECT_NE(report.rejections[0].reason.find("column \"Sens\" (direction) = \"Transfert\": not in direction.values"),
            std::string::npos)
      << report.rejections[0].reason;
}
