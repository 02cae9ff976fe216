// The surveys' pure rules, without a database: templates, tokens, scores,
// settings checks and their stored form, and the figures' arithmetic.
#include "surveys/survey_rules.h"

#include <relais/errors.h>

#include <gtest/gtest.h>

#include <set>

using namespace relais;

TEST(SurveyRules, TemplatesReplaceEachPlaceholderWithoutRescanningWhatTheyInserted) {
  EXPECT_EQ(detail::render_template("Bonjour {name}, {url} ({ticket}) {unknown}",
                                    {{"{name}", "Mme {ticket}"}, {"{url}", "https://a.fr/q?t=abc"}, {"{ticket}", "T-1"}}),
            "Bonjour Mme {ticket}, https://a.fr/q?t=abc (T-1) {unknown}");
  EXPECT_EQ(detail::render_template("", {{"{x}", "y"}}), "");
}

TEST(SurveyRules, TokensAre32HexDigitsAndNeverRepeat) {
  std::set<std::string> tokens;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = detail::new_survey_token();
    ASSERT_EQ(token.size(), 32u);
    EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
    tokens.insert(token);
  }
  EXPECT_EQ(tokens.size(), 1000u);
}

TEST(SurveyRules, ScoresAreClassedLikeTheNpsAndCheckedFrom0To10) {
  EXPECT_EQ(classify_score(0), ScoreClass::detractor);
  EXPECT_EQ(classify_score(6), ScoreClass::detractor);
  EXPECT_EQ(classify_score(7), ScoreClass::passive);
  EXPECT_EQ(classify_score(8), ScoreClass::passive);
  EXPECT_EQ(classify_score(9), ScoreClass::promoter);
  EXPECT_EQ(classify_score(10), ScoreClass::promoter);
  EXPECT_EQ(detail::checked_score(10), 10);
  try {
    detail::checked_score(11);
    FAIL() << "expected InvalidInputError";
  } catch (const InvalidInputError& error) {
    ASSERT_EQ(error.field_errors().size(), 1u);
    EXPECT_EQ(error.field_errors()[0].field, "score");
    EXPECT_EQ(error.field_errors()[0].value, "11");
  }
  EXPECT_THROW(detail::checked_score(-1), InvalidInputError);
}

TEST(SurveyRules, SettingsChecksListEveryBadFieldAndTheDefaultsPass) {
  SurveySettings defaults;
  EXPECT_NO_THROW(detail::checked_survey_settings(defaults));
  SurveySettings bad;
  bad.url_template = "ftp://avis/{ticket}";
  bad.from_address = "pas une adresse";
  bad.subject_template = "";
  bad.body_template = "Merci";
  bad.relaunch_delay_days = 0;
  bad.max_relaunches = -1;
  try {
    detail::checked_survey_settings(bad);
    FAIL() << "expected InvalidInputError";
  } catch (const InvalidInputError& error) {
    std::set<std::string> fields;
    for (const auto& each : error.field_errors()) fields.insert(each.field);
    EXPECT_EQ(fields, (std::set<std::string>{"url_template", "from_address", "subject_template", "body_template",
                                             "relaunch_delay_days", "max_relaunches"}));
  }
}

TEST(SurveyRules, SettingsSurviveTheirStoredFormAndMissingKeysKeepTheirDefaults) {
  SurveySettings settings;
  settings.url_template = "https://avis.duret-elec.fr/q/{token}";
  settings.mailbox = "contact";
  settings.relaunch_delay_days = 10;
  settings.automatic = false;
  settings.resolved_since = Timestamp(std::chrono::microseconds(1'790'000'000'000'000));
  settings.version = 4;
  EXPECT_EQ(detail::settings_from_definition(detail::settings_definition(settings), 4), settings);
  const SurveySettings partial = detail::settings_from_definition(R"({"mailbox": "sav"})", 2);
  EXPECT_EQ(partial.mailbox, "sav");
  EXPECT_EQ(partial.body_template, SurveySettings{}.body_template);
  EXPECT_EQ(partial.version, 2);
}

TEST(SurveyRules, FiguresGiveTheRateTheAverageAndTheNps) {
  const auto figures = detail::figures_of({}, {}, 10, 4, 30, 2, 1, 1);
  EXPECT_DOUBLE_EQ(figures.response_rate, 0.4);
  EXPECT_DOUBLE_EQ(*figures.average_score, 7.5);
  EXPECT_DOUBLE_EQ(*figures.nps, 25.0);
  const auto none = detail::figures_of({}, {}, 0, 0, 0, 0, 0, 0);
  EXPECT_DOUBLE_EQ(none.response_rate, 0.0);
  EXPECT_FALSE(none.average_score);
  EXPECT_FALSE(none.nps);
}
