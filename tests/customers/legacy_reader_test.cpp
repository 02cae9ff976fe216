#include "customers/import/cell_values.h"
#include "core/charset.h"
#include "customers/import/legacy_reader.h"
#include "support/files.h"

#include <relais/errors.h>

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

namespace relais::detail {
namespace {

const char* const test_profile = R"({
  "name": "test", "system": "sage", "external_id": "Code",
  "kind": {"column": "Type", "company_values": ["Société"], "person_values": ["Particulier"], "default": "person"},
  "fields": {"name": "Nom", "phones": ["Téléphone", "Portable"], "emails": "E-mail",
             "site.street": ["Adresse 1", "Adresse 2"], "site.postcode": "CP", "site.city": "Ville",
             "notes": "Commentaire"},
  "dates": {"created": {"column": "Créé le", "format": "dd/mm/yyyy"}},
  "numbers": {"credit_limit": {"column": "Encours", "decimal": ","}}
})";

constexpr std::string_view header =
    "Code;Type;Nom;Téléphone;Portable;E-mail;Adresse 1;Adresse 2;CP;Ville;Commentaire;Créé le;Encours\r\n";

struct ReadAll {
  std::string charset;
  std::size_t row_count = 0;
  std::vector<ImportedRow> imported;
  std::vector<RejectedRow> rejected;
};

ReadAll read_all(std::string_view bytes, const std::string& profile_json = test_profile, ReadOptions options = {}) {
  LegacyReader reader(bytes, load_profile(profile_json), options);
  ReadAll result{reader.charset(), 0, {}, {}};
  ReadRow row;
  while (reader.next(row)) {
    if (auto* imported = std::get_if<ImportedRow>(&row)) result.imported.push_back(std::move(*imported));
    else result.rejected.push_back(std::get<RejectedRow>(std::move(row)));
  }
  result.row_count = reader.row_count();
  EXPECT_EQ(result.row_count, result.imported.size() + result.rejected.size());
  return result;
}

using relais::testing::file_contents;

TEST(LegacyReaderTest, MapsColumnsByHeaderNameIntoARawDraft) {
  const auto result = read_all(std::string(header) +
                               "C1;Société;Ar Mor;02 99 40 12 85;06 45 23 18 90;contact@armor.fr;14 rue de Dinan;"
                               "Bât. B;35400;Saint-Malo;Bon payeur;03/02/2019;1 500,50\r\n");
  ASSERT_EQ(result.imported.size(), 1u);
  const ImportedRow& row = result.imported[0];
  EXPECT_EQ(row.row, 1u);
  EXPECT_EQ(row.line, 2u);
  EXPECT_EQ(row.external_id, "C1");
  EXPECT_EQ(row.draft.external_ids.at("sage"), "C1");
  EXPECT_EQ(row.draft.kind, CustomerKind::company);
  EXPECT_EQ(row.draft.name, "Ar Mor");
  EXPECT_EQ(row.draft.phones, (std::vector<std::string>{"02 99 40 12 85", "06 45 23 18 90"}));
  EXPECT_EQ(row.draft.emails, std::vector<std::string>{"contact@armor.fr"});
  ASSERT_EQ(row.draft.sites.size(), 1u);
  EXPECT_EQ(row.draft.sites[0].street, "14 rue de Dinan, Bât. B");
  EXPECT_EQ(row.draft.sites[0].postcode, "35400");
  EXPECT_EQ(row.draft.sites[0].city, "Saint-Malo");
  EXPECT_TRUE(row.draft.contacts.empty());
  EXPECT_EQ(row.extras.at("created"), "2019-02-03");
  EXPECT_EQ(row.extras.at("credit_limit"), "1500.50");
}

TEST(LegacyReaderTest, DecodesWindows1252WithAccentsEuroAndApostrophe) {
  // é è ç œ € ’ in Windows-1252 bytes; 0x80, 0x92 and 0x9C do not exist in Latin-1.
  const std::string bytes =
      "Code;Type;Nom;T\xE9l\xE9phone;Portable;E-mail;Adresse 1;Adresse 2;CP;Ville;Commentaire;Cr\xE9\xE9 le;Encours\r\n"
      "C1;Soci\xE9t\xE9;Boulangerie Fran\xE7oise;;;;3 all\xE9" "e des C\x9Curs;;35000;Rennes;"
      "L\x92\xE9lectricien est pass\xE9, facture de 120 \x80 r\xE9gl\xE9" "e, tr\xE8s bien;;\r\n"
      "C2;Particulier;H\xE9l\xE8ne Le Bihan;;;;12 rue de l\x92\xC9glise;;29200;Brest;Cl\xE9s chez la voisine;;\r\n";
  const auto result = read_all(bytes);
  EXPECT_EQ(result.charset, "WINDOWS-1252");
  ASSERT_EQ(result.imported.size(), 2u);
  EXPECT_EQ(result.imported[0].draft.kind, CustomerKind::company);  // "Société" decoded, then matched
  EXPECT_EQ(result.imported[0].draft.name, "Boulangerie Françoise");
  EXPECT_EQ(result.imported[0].draft.sites[0].street, "3 allée des Cœurs");
  EXPECT_EQ(result.imported[0].draft.notes, "L’électricien est passé, facture de 120 € réglée, très bien");
  EXPECT_EQ(result.imported[1].draft.name, "Hélène Le Bihan");
  EXPECT_EQ(result.imported[1].draft.sites[0].street, "12 rue de l’Église");
}

TEST(LegacyReaderTest, DecodesLatin1) {
  const std::string latin1 =
      "Nom;Ville\n\xC9" "lectricit\xE9 G\xE9n\xE9rale;Ch\xE2teaubriant\nMa\xEEtre d\x27\x6Fuvrage;Pont-l\xE0-Dame\n"
      "Caf\xE9 de la Gare;Montr\xE9" "al\nH\xF4tel du Ch\xE2teau;Saint-\xC9tienne\n";
  const DecodedText decoded = decode_to_utf8(latin1);
  EXPECT_EQ(decoded.charset, "WINDOWS-1252");  // ISO-8859-1 is read as its superset
  EXPECT_EQ(decoded.text,
            "Nom;Ville\nÉlectricité Générale;Châteaubriant\nMaître d'ouvrage;Pont-là-Dame\n"
            "Café de la Gare;Montréal\nHôtel du Château;Saint-Étienne\n");
}

TEST(LegacyReaderTest, KeepsUtf8AndDropsTheByteOrderMark) {
  const std::string text = "Nom;Ville\nÉlectricité Générale;Châteaubriant\n";
  EXPECT_EQ(decode_to_utf8(text).text, text);
  EXPECT_EQ(decode_to_utf8(text).charset, "UTF-8");
  EXPECT_EQ(decode_to_utf8("\xEF\xBB\xBF" + text).text, text);
  const auto result = read_all("\xEF\xBB\xBF" + std::string(header) + "C1;;Électricité Générale;;;;;;;;;;\n");
  ASSERT_EQ(result.imported.size(), 1u);  // the BOM did not stick to the first column's name
  EXPECT_EQ(result.imported[0].external_id, "C1");
}

TEST(LegacyReaderTest, DetectsTheCommaDelimiterOutsideQuotes) {
  const auto result = read_all(
      "Code,Type,Nom,\"Téléphone\",Portable,E-mail,Adresse 1,Adresse 2,CP,Ville,Commentaire,Créé le,Encours\n"
      "C1,,\"Dupont; Martin\",,,,,,,,\"a, b; c\",,\"1 200,5\"\n");
  ASSERT_EQ(result.imported.size(), 1u);
  EXPECT_EQ(result.imported[0].draft.name, "Dupont; Martin");
  EXPECT_EQ(result.imported[0].draft.notes, "a, b; c");
  EXPECT_EQ(result.imported[0].extras.at("credit_limit"), "1200.5");
}

TEST(LegacyReaderTest, ReadsQuotedDelimitersNewlinesAndDoubledQuotes) {
  const auto result = read_all(std::string(header) +
                               "C1;;\"Dupont; fils\";;;;;;;;\"Passer par \"\"la cour\"\"\r\nsonner 2 fois\";;\r\n"
                               "C2;;Martin;;;;;;;;;;\r\n");
  ASSERT_EQ(result.imported.size(), 2u);
  EXPECT_EQ(result.imported[0].draft.name, "Dupont; fils");
  EXPECT_EQ(result.imported[0].draft.notes, "Passer par \"la cour\"\nsonner 2 fois");
  EXPECT_EQ(result.imported[1].row, 2u);
  EXPECT_EQ(result.imported[1].line, 4u);  // the quoted newline took a physical line
}

TEST(LegacyReaderTest, BrokenQuotingRejectsThatRowAndResumesOnTheNextLine) {
  const auto result = read_all(std::string(header) +
                               "C1;;Alpha;;;;;;;;;;\n"
                               "C2;;\"Beta;;;;;;;;;;\n"       // never closed: swallows the next lines
                               "C3;;Gamma;;;;;;;;;;\n"
                               "C4;;\"Delta\";;;;;;;;;;\n"
                               "C5;;Eps\"ilon;;;;;;;;;;\n");  // quote inside an unquoted field
  ASSERT_EQ(result.rejected.size(), 2u);
  EXPECT_EQ(result.rejected[0].line, 3u);
  EXPECT_NE(result.rejected[0].reason.find("line 3: broken quoting"), std::string::npos);
  EXPECT_EQ(result.rejected[1].line, 6u);
  std::vector<std::string> names;
  for (const auto& row : result.imported) names.push_back(row.draft.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Alpha", "Gamma", "Delta"}));
  EXPECT_EQ(result.row_count, 5u);
}

TEST(LegacyReaderTest, AnUnclosedQuoteAtTheEndRejectsOnlyThatRow) {
  const auto result = read_all(std::string(header) + "C1;;Alpha;;;;;;;;;;\nC2;;Beta;;;;;;;;\"Note jamais");
  ASSERT_EQ(result.imported.size(), 1u);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].row, 2u);
  EXPECT_NE(result.rejected[0].reason.find("never closed"), std::string::npos);
}

TEST(LegacyReaderTest, WrongColumnCountIsARowErrorButTrailingEmptyColumnsAreTolerated) {
  const auto result = read_all(std::string(header) +
                               "C1;;Alpha;;;;;;;;;;;;\n"   // two extra empty columns: a trailing ';'
                               "C2;;Beta;;;;;;;;\n"        // 11 columns
                               "C3;;Gamma;;;;;;;;;;;x\n"); // 14 columns
  ASSERT_EQ(result.imported.size(), 1u);
  ASSERT_EQ(result.rejected.size(), 2u);
  EXPECT_EQ(result.rejected[0].reason, "line 3: wrong column count: 11 columns, the header has 13");
  EXPECT_EQ(result.rejected[1].reason, "line 4: wrong column count: 14 columns, the header has 13");
}

TEST(LegacyReaderTest, ATruncatedLastRowIsReported) {
  const auto result = read_all(std::string(header) + "C1;;Alpha;;;;;;;;;;\nC2;;Bet");
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].reason, "line 3: the file ends inside this row (truncated?): 3 columns, the header has 13");
  EXPECT_EQ(result.imported.size(), 1u);
}

TEST(LegacyReaderTest, InvalidValuesRejectTheRowNamingColumnAndValue) {
  const auto result = read_all(std::string(header) +
                               "C1;;Alpha;02 99 40;;;;;;;;;\n"
                               "C2;;Beta;;;pas-un-mail;;;3500;;;;\n"
                               "C3;;;;;;;;;;;31/02/2020;12,3,4\n"
                               ";;Delta;;;;;;;;;;\n"
                               "C5;;Epsilon;06 45 23 18 90;;;;;;;;;\n");
  ASSERT_EQ(result.rejected.size(), 4u);
  const std::string& bad_phone = result.rejected[0].reason;
  EXPECT_EQ(bad_phone.rfind("line 2: column \"Téléphone\" (fields.phones) = \"02 99 40\": ", 0), 0u) << bad_phone;
  EXPECT_NE(result.rejected[1].reason.find("column \"E-mail\" (fields.emails) = \"pas-un-mail\""), std::string::npos);
  EXPECT_NE(result.rejected[1].reason.find("column \"CP\" (fields.site.postcode) = \"3500\""), std::string::npos);
  EXPECT_NE(result.rejected[2].reason.find("column \"Nom\" (fields.name) is empty"), std::string::npos);
  EXPECT_NE(result.rejected[2].reason.find("\"31/02/2020\": not a date written dd/mm/yyyy"), std::string::npos);
  EXPECT_NE(result.rejected[2].reason.find("(numbers.credit_limit) = \"12,3,4\""), std::string::npos);
  EXPECT_EQ(result.rejected[3].reason, "line 5: column \"Code\" (external_id) is empty");
  ASSERT_EQ(result.imported.size(), 1u);
  EXPECT_EQ(result.imported[0].draft.name, "Epsilon");
}

TEST(LegacyReaderTest, ValidatorsCanBeSkipped) {
  const auto result = read_all(std::string(header) + "C1;;Alpha;02 99 40;;;;;;;;;\n", test_profile, {false});
  ASSERT_EQ(result.imported.size(), 1u);
  EXPECT_EQ(result.imported[0].draft.phones, std::vector<std::string>{"02 99 40"});
}

TEST(LegacyReaderTest, HeaderNamesMatchWithoutCaseAccentsOrExtraSpaces) {
  const auto result = read_all(
      "CODE;type;NOM; telephone ;PORTABLE;e-mail;adresse  1;Adresse 2;cp;VILLE;commentaire;cree le;ENCOURS\n"
      "C1;SOCIÉTÉ;Alpha;;;;;;;;;;\n");
  ASSERT_EQ(result.imported.size(), 1u);
  EXPECT_EQ(result.imported[0].draft.kind, CustomerKind::company);
}

void expect_profile_error(const std::string& json, const std::string& key) {
  try {
    load_profile(json);
    ADD_FAILURE() << "accepted: " << json;
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors().front().field, key) << error.what();
  }
}

TEST(MappingProfileTest, ErrorsNameTheProfileKey) {
  expect_profile_error("{", "profile");
  expect_profile_error(R"({"system": "s", "external_id": "C", "fields": {"name": "N"}})", "name");
  expect_profile_error(R"({"name": "p", "system": "s", "external_id": "C", "fields": {"phone": "T"}})",
                       "fields.phone");
  expect_profile_error(R"({"name": "p", "system": "s", "external_id": "C", "fields": {"phones": "T"}})",
                       "fields.name");
  expect_profile_error(R"({"name": "p", "system": "s", "external_id": "C", "fields": {"name": ["N", 3]}})",
                       "fields.name[1]");
  expect_profile_error(R"({"name": "p", "system": "s", "external_id": "C", "fields": {"name": "N"},
                          "dates": {"created": {"column": "D", "format": "jj/mm/aaaa"}}})",
                       "dates.created.format");
  expect_profile_error(R"({"name": "p", "system": "s", "external_id": "C", "fields": {"name": "N"},
                          "kind": {"default": "robot"}})",
                       "kind.default");
  expect_profile_error(R"({"name": "p", "system": "s", "external_id": "C", "fields": {"name": "N"}, "extra": {}})",
                       "extra");
}

TEST(MappingProfileTest, CharsetAndExportErrorsNameTheKey) {
  const std::string base = R"("name": "p", "system": "s", "external_id": "C", "fields": {"name": "N"})";
  expect_profile_error("{" + base + R"(, "charset": "ISO-8859-15"})", "charset");
  expect_profile_error("{" + base + R"(, "export": {"delimiter": "|"}})", "export.delimiter");
  expect_profile_error("{" + base + R"(, "export": {"quote": "never"}})", "export.quote");
  expect_profile_error("{" + base + R"(, "export": {"line_end": "CR"}})", "export.line_end");
  expect_profile_error("{" + base + R"(, "export": {"phone_format": "dots"}})", "export.phone_format");
  expect_profile_error("{" + base + R"(, "export": {"bom": "yes"}})", "export.bom");
  expect_profile_error("{" + base + R"(, "charset": "WINDOWS-1252", "export": {"bom": true}})", "export.bom");
  expect_profile_error("{" + base + R"(, "export": {"columns": ["C"]}})", "export.columns");
  expect_profile_error("{" + base + R"(, "export": {"columns": ["C", "N", "c"]}})", "export.columns[2]");
  expect_profile_error("{" + base + R"(, "export": {"charset": "UTF-8"}})", "export.charset");
  expect_profile_error("{" + base + R"(, "kind": {"column": "T", "person_values": ["P"]}})", "kind.company_values");
  try {
    load_profile("{" + base + R"(, "export": {"columns": ["N", "Fax"]}})");
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors().front().value, "\"C\"");  // the column missing, so the file could not be read back
  }
}

TEST(MappingProfileTest, TheDefaultExportLayoutFollowsTheProfileOrder) {
  const auto profile = load_profile(R"({"name": "p", "system": "s", "charset": "windows-1252", "external_id": "Code",
      "kind": {"column": "Type", "company_values": ["Société", "SOC"]},
      "fields": {"phones": ["Tél", "Mobile"], "name": "Nom", "contact.phones": "Tél"},
      "extras": {"rep": "Commercial"}})");
  EXPECT_EQ(profile.charset, "WINDOWS-1252");
  const ExportLayout& layout = profile.export_layout;
  EXPECT_EQ(layout.columns, (std::vector<std::string>{"Code", "Type", "Tél", "Mobile", "Nom", "Commercial"}));
  EXPECT_EQ(layout.delimiter, ';');
  EXPECT_EQ(layout.line_end, "\r\n");
  EXPECT_FALSE(layout.quote_always);
  EXPECT_TRUE(layout.national_phones);
  EXPECT_EQ(layout.company_value, "Société");
  EXPECT_EQ(layout.person_value, "");
}

TEST(LegacyReaderTest, ADeclaredCharsetReplacesTheGuess) {
  const std::string bytes = "Code;Nom\r\nC1;Caf\xE9 cr\xE8me\r\n";  // too short for a reliable guess
  const auto declared = load_profile(R"({"name": "p", "system": "s", "charset": "WINDOWS-1252", "external_id": "Code",
                                         "fields": {"name": "Nom"}})");
  LegacyReader reader(bytes, declared);
  EXPECT_EQ(reader.charset(), "WINDOWS-1252");
  ReadRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(std::get<ImportedRow>(row).draft.name, "Café crème");
  LegacyReader utf8("Code;Nom\nC1;Café crème\n", declared);  // valid UTF-8 stays UTF-8
  EXPECT_EQ(utf8.charset(), "UTF-8");
}

TEST(MappingProfileTest, MissingColumnsFailBeforeAnyRowNamingKeyAndColumn) {
  const auto profile = load_profile(R"({"name": "p", "system": "s", "external_id": "Code",
      "fields": {"name": "Nom", "phones": ["Téléphone", "Fax"]}, "extras": {"rep": "Représentant"}})");
  try {
    LegacyReader reader("Code;Nom;Téléphone\nC1;Alpha;\n", profile);
    FAIL() << "accepted a profile naming absent columns";
  } catch (const InvalidInputError& error) {
    ASSERT_EQ(error.field_errors().size(), 2u);
    EXPECT_EQ(error.field_errors()[0].field, "fields.phones[1]");
    EXPECT_EQ(error.field_errors()[0].value, "Fax");
    EXPECT_EQ(error.field_errors()[1].field, "extras.rep");
  }
}

TEST(LegacyReaderTest, AFileWithoutHeaderIsRefused) {
  EXPECT_THROW(LegacyReader("\n  \n", load_profile(test_profile)), InvalidInputError);
}

TEST(LegacyReaderTest, ReadsTheShippedDemoFiles) {
  struct Expected {
    std::string name, charset;
    char delimiter;
    std::size_t imported, rejected;
  };
  for (const Expected& expected : {Expected{"erp-mde", "UTF-8", ';', 33, 4},
                                   Expected{"sage100", "WINDOWS-1252", ',', 32, 4}}) {
    const auto bytes = file_contents(relais::testing::demo_data(expected.name + "-clients.csv"));
    const auto profile = load_profile(file_contents(relais::testing::demo_data(expected.name + ".profile.json")));
    LegacyReader reader(bytes, profile);
    EXPECT_EQ(reader.charset(), expected.charset);
    EXPECT_EQ(reader.delimiter(), expected.delimiter);
    std::size_t imported = 0, rejected = 0;
    ReadRow row;
    while (reader.next(row)) (row.index() == 0 ? imported : rejected)++;
    EXPECT_EQ(imported, expected.imported) << expected.name;
    EXPECT_EQ(rejected, expected.rejected) << expected.name;
    EXPECT_EQ(reader.row_count(), imported + rejected);
  }
}

// The cell parsers shared with the desk's imports (call logs, follow-up
// sheets): times are capitals (mm is the month), nothing impossible passes.
TEST(CellValuesTest, DatesAndTimesFollowTheProfileFormat) {
  using namespace std::chrono;
  const auto parsed = parse_date_time("24/11/2026 9:05:07", "dd/mm/yyyy HH:MM:SS");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->day, sys_days{2026y / 11 / 24});
  EXPECT_EQ(parsed->time_of_day, 9h + 5min + 7s);
  EXPECT_TRUE(parse_date_time("2026-11-24T09:05", "yyyy-mm-ddTHH:MM"));
  EXPECT_FALSE(parse_date_time("24/11/2026 24:00", "dd/mm/yyyy HH:MM"));
  EXPECT_FALSE(parse_date_time("24/11/2026 09:5", "dd/mm/yyyy HH:MM"));
  EXPECT_FALSE(parse_date_time("31/11/2026", "dd/mm/yyyy"));
  EXPECT_EQ(parse_date("7/3/2019", "dd/mm/yyyy"), "2019-03-07");
}

TEST(CellValuesTest, DurationsAreSecondsOrClockReadings) {
  using namespace std::chrono_literals;
  EXPECT_EQ(parse_duration("185"), 185s);
  EXPECT_EQ(parse_duration("3:05"), 185s);
  EXPECT_EQ(parse_duration("00:03:05"), 185s);
  EXPECT_EQ(parse_duration("1:02:03"), 3723s);
  for (const char* bad : {"", "3 min", "3:5", "1:60", "1:02:03:04", "1:02:", "-5", "2,5"}) {
    EXPECT_FALSE(parse_duration(bad)) << bad;
  }
}

}  // namespace
}  // namespace relais::detail
