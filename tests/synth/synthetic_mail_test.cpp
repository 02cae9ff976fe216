// The mail generator: deterministic, every family written with every table
// it names, categories in their shares, urgencies that follow the words,
// and text a mail client could have produced (valid UTF-8, no template
// left over).
#include <synth/synthetic_mail.h>

#include <gtest/gtest.h>

#include <utf8proc.h>

#include <map>
#include <set>

namespace relais::synth {
namespace {

bool valid_utf8(const std::string& text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (std::size_t at = 0; at < text.size();) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length =
        utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(text.size() - at), &code_point);
    if (length <= 0) return false;
    at += static_cast<std::size_t>(length);
  }
  return true;
}

// Enough mails for the rarest family to appear many times; generated once.
const std::vector<SyntheticMail>& many_mails() {
  static const auto mails = generate_mails({.count = 30'000});
  return mails;
}

TEST(SyntheticMail, SameOptionsGiveTheSameMailsAndAnotherSeedOthers) {
  const auto first = generate_mails({.seed = 3, .count = 300});
  const auto again = generate_mails({.seed = 3, .count = 300});
  const auto other = generate_mails({.seed = 4, .count = 300});
  ASSERT_EQ(first.size(), 300u);
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].labelled, again[i].labelled);
    EXPECT_EQ(first[i].family, again[i].family);
  }
  std::size_t same = 0;
  for (std::size_t i = 0; i < first.size(); ++i) same += first[i].labelled == other[i].labelled;
  EXPECT_LT(same, 5u);
}

TEST(SyntheticMail, EveryFamilyIsWrittenAndNamesItsCategory) {
  std::map<std::string, std::size_t> written;
  for (const auto& mail : many_mails()) {
    ++written[mail.family];
    EXPECT_TRUE(mail.family.starts_with(std::string(to_string(mail.labelled.category)) + "/")) << mail.family;
  }
  std::set<MailCategory> categories;
  for (const auto& family : mail_families()) {
    EXPECT_GE(written[family.id], 30u) << family.id;
    categories.insert(family.category);
  }
  EXPECT_EQ(written.size(), mail_families().size());
  EXPECT_EQ(categories.size(), 10u) << "every category of the vocabulary";
}

TEST(SyntheticMail, CategoriesComeInTheSharesOfARealInbox) {
  std::map<MailCategory, double> share;
  for (const auto& mail : many_mails()) share[mail.labelled.category] += 1.0 / static_cast<double>(many_mails().size());
  EXPECT_NEAR(share[MailCategory::quote_request], 0.15, 0.01);
  EXPECT_NEAR(share[MailCategory::supplier], 0.13, 0.01);
  EXPECT_NEAR(share[MailCategory::other], 0.05, 0.01);
}

TEST(SyntheticMail, UrgencyFollowsTheWords) {
  std::map<MailCategory, std::map<MailUrgency, std::size_t>> urgencies;
  for (const auto& mail : many_mails()) ++urgencies[mail.labelled.category][mail.labelled.urgency];
  EXPECT_GT(urgencies[MailCategory::breakdown][MailUrgency::urgent], 0u);
  EXPECT_GT(urgencies[MailCategory::breakdown][MailUrgency::normal], 0u);
  EXPECT_GT(urgencies[MailCategory::breakdown][MailUrgency::low], 0u);
  EXPECT_EQ(urgencies[MailCategory::newsletter_spam][MailUrgency::urgent], 0u);
  EXPECT_EQ(urgencies[MailCategory::newsletter_spam][MailUrgency::normal], 0u);
}

TEST(SyntheticMail, TextIsValidUtf8WithNoTemplateLeftAndASenderAddress) {
  for (const auto& mail : many_mails()) {
    const spi::MailText& text = mail.labelled.mail;
    for (const std::string* field : {&text.subject, &text.sender, &text.body}) {
      EXPECT_TRUE(valid_utf8(*field)) << *field;
      EXPECT_EQ(field->find_first_of("{}\x1e"), std::string::npos) << mail.family << ": " << *field;
    }
    EXPECT_NE(text.sender.find('@'), std::string::npos) << text.sender;
    EXPECT_FALSE(text.body.empty()) << mail.family;
  }
}

TEST(SyntheticMail, ColleaguesWriteFromTheCompanysDomain) {
  std::size_t internal = 0, from_company = 0;
  for (const auto& mail : generate_mails({.count = 3'000, .company_domain = "example-elec.fr"})) {
    if (mail.labelled.category != MailCategory::internal) continue;
    ++internal;
    from_company += mail.labelled.mail.sender.ends_with("@example-elec.fr");
  }
  EXPECT_GT(from_company, internal / 2);
}

}  // namespace
}  // namespace relais::synth
