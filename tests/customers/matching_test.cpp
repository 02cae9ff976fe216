#include <relais/customers/matching.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace relais {
namespace {

// Valid identifiers (Luhn keys computed for these tests).
constexpr const char* kSiren = "401234562";
constexpr const char* kSiretHeadOffice = "40123456200015";
constexpr const char* kSiretBranch = "40123456200023";
constexpr const char* kOtherSiret = "51234567900017";

Site site(std::string street, std::string postcode, std::string city) {
  Site result;
  result.street = std::move(street);
  result.postcode = std::move(postcode);
  result.city = std::move(city);
  return result;
}

Customer person(std::string name, std::vector<std::string> phones, std::vector<std::string> emails, Site address) {
  Customer customer;
  customer.kind = CustomerKind::person;
  customer.name = std::move(name);
  customer.phones = std::move(phones);
  customer.emails = std::move(emails);
  customer.sites = {std::move(address)};
  return customer;
}

Customer company(std::string name, std::string siret, std::vector<std::string> phones, Site address) {
  Customer customer = person(std::move(name), std::move(phones), {}, std::move(address));
  customer.kind = CustomerKind::company;
  customer.siret = std::move(siret);
  return customer;
}

MatchScore compare(const Customer& a, const Customer& b) {
  return compare_identities(identity_keys(a), identity_keys(b));
}

bool has_reason(const MatchScore& score, const std::string& text) {
  return std::any_of(score.reasons.begin(), score.reasons.end(),
                     [&text](const std::string& reason) { return reason.find(text) != std::string::npos; });
}

bool share_a_block(const Customer& a, const Customer& b) {
  auto blocks_a = blocking_keys(identity_keys(a));
  auto blocks_b = blocking_keys(identity_keys(b));
  return std::any_of(blocks_a.begin(), blocks_a.end(), [&blocks_b](const std::string& block) {
    return std::find(blocks_b.begin(), blocks_b.end(), block) != blocks_b.end();
  });
}

TEST(FoldText, LowercasesStripsAccentsAndCollapsesPunctuation) {
  EXPECT_EQ(fold_text("  Hélène-Marie  DURAND "), "helene marie durand");
  EXPECT_EQ(fold_text("L'Église Saint-Étienne, n°3"), "l eglise saint etienne n 3");
  EXPECT_EQ(fold_text("Maître Noël Ça"), "maitre noel ca");
  EXPECT_EQ(fold_text("l’atelier"), "l atelier");
  EXPECT_EQ(fold_text(""), "");
  EXPECT_EQ(fold_text(" .-, "), "");
}

TEST(FoldText, SpellsLigaturesOut) {
  EXPECT_EQ(fold_text("Œuvre de Lætitia"), "oeuvre de laetitia");
  EXPECT_EQ(fold_text("cœur"), "coeur");
  EXPECT_EQ(fold_text("ﬁn Straße"), "fin strasse");
}

TEST(FoldText, ReadsInvalidUtf8AsLatin1InsteadOfThrowing) {
  EXPECT_EQ(fold_text("Caf\xe9 R\xe9publique"), "cafe republique");
  EXPECT_NO_THROW(fold_text("\xff\xfe\xc3"));
  EXPECT_EQ(fold_text("ab\xc3"), "aba");  // a truncated sequence: its lead byte is Ã
}

TEST(NormalizeAddress, ExpandsFrenchStreetAbbreviations) {
  EXPECT_EQ(normalize_address("12, Bd de la Liberté 35000"), "12 boulevard de la liberte 35000");
  EXPECT_EQ(normalize_address("3 av. Jean Jaurès"), "3 avenue jean jaures");
  EXPECT_EQ(normalize_address("8 r. St-Malo"), "8 rue saint malo");
  EXPECT_EQ(normalize_address("5 bis imp. des Lilas"), "5 bis impasse des lilas");
  EXPECT_EQ(normalize_address("Rte de Ste-Anne"), "route de sainte anne");
  EXPECT_EQ(normalize_address("2 pl. du Gal de Gaulle"), "2 place du general de gaulle");
  EXPECT_EQ(normalize_address("40 Fg St Honoré"), "40 faubourg saint honore");
  EXPECT_EQ(normalize_address("1 Blvd Voltaire"), normalize_address("1 BLD Voltaire"));
  EXPECT_EQ(normalize_address("7 all. des Pins"), "7 allee des pins");
  EXPECT_EQ(normalize_address("che. de la Lande"), "chemin de la lande");
}

TEST(NormalizeAddress, LeavesWordsThatOnlyStartLikeAnAbbreviation) {
  EXPECT_EQ(normalize_address("4 rue de la Paix"), "4 rue de la paix");
  EXPECT_EQ(normalize_address("Avenir Street"), "avenir street");
}

TEST(JaroWinkler, MatchesReferenceValues) {
  EXPECT_NEAR(jaro_winkler("MARTHA", "MARHTA"), 0.961, 0.001);
  EXPECT_NEAR(jaro_winkler("DWAYNE", "DUANE"), 0.840, 0.001);
  EXPECT_NEAR(jaro_winkler("DIXON", "DICKSONX"), 0.813, 0.001);
  EXPECT_DOUBLE_EQ(jaro_winkler("DURAND", "DURAND"), 1.0);
  EXPECT_DOUBLE_EQ(jaro_winkler("ABC", "XYZ"), 0.0);
}

TEST(JaroWinkler, IsSymmetric) {
  EXPECT_DOUBLE_EQ(jaro_winkler("DUANE", "DWAYNE"), jaro_winkler("DWAYNE", "DUANE"));
  EXPECT_DOUBLE_EQ(jaro_winkler("DICKSONX", "DIXON"), jaro_winkler("DIXON", "DICKSONX"));
}

TEST(JaroWinkler, HandlesEmptyStrings) {
  EXPECT_DOUBLE_EQ(jaro_winkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(jaro_winkler("", "durand"), 0.0);
  EXPECT_DOUBLE_EQ(jaro_winkler("durand", ""), 0.0);
}

TEST(JaroWinkler, CountsCodePointsNotBytes) {
  // By bytes "ç" would be two characters and "ça"/"ca" would score 0.5.
  EXPECT_NEAR(jaro_winkler("ça", "ca"), 2.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(jaro_winkler("Hélène", "Hélène"), 1.0);
}

TEST(IdentityKeys, SetsLegalFormsAsideFromCompanyNames) {
  auto keys = identity_keys(company("SARL Durand Électricité", "", {}, {}));
  EXPECT_EQ(keys.name, "durand electricite");
  EXPECT_EQ(keys.legal_form, "sarl");
  EXPECT_EQ(identity_keys(company("Durand Electricite S.A.R.L.", "", {}, {})).name, "durand electricite");
  auto with_partners = identity_keys(company("Boulangerie du Port et Cie", "", {}, {}));
  EXPECT_EQ(with_partners.name, "boulangerie du port");
  EXPECT_EQ(with_partners.legal_form, "cie");
  EXPECT_EQ(identity_keys(company("SCI", "", {}, {})).name, "sci");
}

TEST(IdentityKeys, DropsCivilitiesAndSortsWordsOfPersonNames) {
  EXPECT_EQ(identity_keys(person("M. et Mme Jean Durand", {}, {}, {})).name, "durand jean");
  EXPECT_EQ(identity_keys(person("DURAND Jean", {}, {}, {})).name, "durand jean");
  EXPECT_EQ(identity_keys(person("Mme Lætitia Martin", {}, {}, {})).name, "laetitia martin");
  EXPECT_EQ(identity_keys(person("Sarl Martin", {}, {}, {})).name, "martin sarl");  // only companies have forms
}

TEST(IdentityKeys, RecognisesACoupleDespiteATypoInTheCivilities) {
  EXPECT_EQ(identity_keys(person("M. te Mme Le Hir", {}, {}, {})).name, "hir le");
  EXPECT_EQ(identity_keys(person("M. et Mnme Laurent", {}, {}, {})).name, "laurent");
  EXPECT_EQ(identity_keys(person("n. et Mme Vincent", {}, {}, {})).name, "vincent");
  EXPECT_EQ(identity_keys(person("M. Le Hir", {}, {}, {})).name, "hir le");
}

TEST(IdentityKeys, TakesSirenFromSiretOrVatNumber) {
  auto from_siret = identity_keys(company("Durand", kSiretHeadOffice, {}, {}));
  EXPECT_EQ(from_siret.siret, kSiretHeadOffice);
  EXPECT_EQ(from_siret.siren, kSiren);
  Customer with_vat = company("Durand", "", {}, {});
  with_vat.vat_number = "FR46401234562";
  EXPECT_EQ(identity_keys(with_vat).siren, kSiren);
}

TEST(IdentityKeys, GathersContactsMeansAndFoldsAddresses) {
  Customer customer = company("Durand", "", {"+33299112233"}, site("12 Bd de la Liberté", "35000", "Rennes"));
  customer.contacts.push_back({{}, "Marie", "gérante", {"+33612345678", "+33299112233"}, {"Marie@Durand.fr"}});
  auto keys = identity_keys(customer);
  EXPECT_EQ(keys.phones, (std::vector<std::string>{"+33299112233", "+33612345678"}));
  EXPECT_EQ(keys.emails, std::vector<std::string>{"marie@durand.fr"});
  EXPECT_EQ(keys.addresses, std::vector<std::string>{"12 boulevard de la liberte 35000"});
  EXPECT_EQ(keys.postcodes, std::vector<std::string>{"35000"});
}

TEST(IdentityKeys, NormalisesWhatADraftHoldsAndSkipsWhatDoesNotNormalise) {
  CustomerDraft draft;
  draft.name = "Jean Durand";
  draft.phones = {"06 12 34 56 78", "12"};
  draft.emails = {"Jean.Durand@Orange.FR", "not an email"};
  draft.siret = "401 234 562 00015";
  draft.sites = {site("3 av. Foch", "35 000", "Rennes")};
  auto keys = identity_keys(draft);
  EXPECT_EQ(keys.phones, std::vector<std::string>{"+33612345678"});
  EXPECT_EQ(keys.emails, std::vector<std::string>{"jean.durand@orange.fr"});
  EXPECT_EQ(keys.siren, kSiren);
  EXPECT_EQ(keys.postcodes, std::vector<std::string>{"35000"});
  EXPECT_EQ(keys.name, identity_keys(person("DURAND Jean", {}, {}, {})).name);
}

TEST(BlockingKeys, HoldsMeansSirenAndNamePrefixesByDepartment) {
  Customer customer = company("Électricité Durand SARL", kSiretHeadOffice, {"+33299112233"},
                              site("1 rue Haute", "35000", "Rennes"));
  customer.emails = {"contact@durand.fr"};
  auto blocks = blocking_keys(identity_keys(customer));
  std::sort(blocks.begin(), blocks.end());
  EXPECT_EQ(blocks, (std::vector<std::string>{"e:contact@durand.fr", "n:dura:e:35", "n:elec:d:35", "p:+33299112233",
                                              "s:401234562"}));
  EXPECT_TRUE(blocking_keys(identity_keys(person("Li Wu", {}, {}, {}))).empty());
}

TEST(BlockingKeys, TheOtherWordsInitialIsAWholeCharacter) {
  // "ł" has no base letter to fold to: its two bytes must stay together, or
  // the key is not UTF-8 (and PostgreSQL refuses to store it).
  auto blocks = blocking_keys(identity_keys(person("Łukasz Kowalski", {}, {}, {})));
  EXPECT_EQ(blocks, (std::vector<std::string>{"n:kowa:ł:-", "n:łuka:k:-"}));
}

TEST(BlockingKeys, UsesThreeDigitDepartmentsOverseasAndADashWithoutPostcode) {
  auto overseas = blocking_keys(identity_keys(person("Jean Durand", {}, {}, site("1 rue Haute", "97110", "Pointe-à-Pitre"))));
  EXPECT_EQ(overseas, (std::vector<std::string>{"n:dura:j:971", "n:jean:d:971"}));
  auto nowhere = blocking_keys(identity_keys(person("Jean Durand", {}, {}, {})));
  EXPECT_EQ(nowhere, (std::vector<std::string>{"n:dura:j:-", "n:jean:d:-"}));
}

TEST(BlockingKeys, KeepDuplicatesTogetherThroughATypoAMoveOrALostPhone) {
  Customer original = person("Jean Durand", {"+33612345678"}, {}, site("3 rue Haute", "35000", "Rennes"));
  Customer moved_with_typo = person("Jean Duarnd", {"+33612345678"}, {}, site("8 quai Zola", "44000", "Nantes"));
  Customer without_phone = person("Jaen Durand", {}, {}, site("3 rue Haute", "35000", "Rennes"));
  EXPECT_TRUE(share_a_block(original, moved_with_typo));
  EXPECT_TRUE(share_a_block(original, without_phone));
}

TEST(CompareIdentities, IsSureOfTheSamePersonWrittenTwice) {
  Customer a = person("Mme Hélène Durand", {"+33612345678"}, {"helene.durand@orange.fr"},
                      site("12 Bd de la Liberté", "35000", "Rennes"));
  Customer b = person("DURAND Helene", {"+33612345678"}, {"helene.durand@orange.fr"},
                      site("12 boulevard de la Liberte", "35000", "RENNES"));
  auto score = compare(a, b);
  EXPECT_EQ(score.outcome, MatchOutcome::sure);
  EXPECT_DOUBLE_EQ(score.score, 1.0);
  EXPECT_TRUE(has_reason(score, "same phone +33612345678"));
  EXPECT_TRUE(has_reason(score, "same email helene.durand@orange.fr"));
  EXPECT_TRUE(has_reason(score, "names similar (1.00): durand helene / durand helene"));
}

TEST(CompareIdentities, FindsAProbableMatchAfterAMoveAndATypo) {
  Customer a = person("Jean-Pierre Lefebvre", {"+33612345678"}, {}, site("3 rue Haute", "35000", "Rennes"));
  Customer b = person("Jean Pierre Lefevre", {"06 12 34 56 78"}, {}, site("8 quai Zola", "44000", "Nantes"));
  CustomerDraft draft{b.kind, b.name, b.phones, b.emails, b.siret, b.vat_number, b.sites, {}, {}, {}, {}};
  auto score = compare_identities(identity_keys(a), identity_keys(draft));
  EXPECT_EQ(score.outcome, MatchOutcome::probable) << score.score;
  EXPECT_TRUE(has_reason(score, "same phone +33612345678"));
}

TEST(CompareIdentities, IsSureOfTheSameSiret) {
  Customer a = company("SARL Durand Électricité", kSiretHeadOffice, {}, site("1 rue Haute", "35000", "Rennes"));
  Customer b = company("Durand Electricite", kSiretHeadOffice, {"+33299112233"}, site("1 r Haute", "35000", "Rennes"));
  auto score = compare(a, b);
  EXPECT_EQ(score.outcome, MatchOutcome::sure);
  EXPECT_TRUE(has_reason(score, std::string("same SIRET ") + kSiretHeadOffice));
}

TEST(CompareIdentities, SeesNoMatchBetweenStrangers) {
  Customer a = person("Jean Durand", {"+33612345678"}, {}, site("3 rue Haute", "35000", "Rennes"));
  Customer b = person("Sophie Marchand", {"+33698765432"}, {}, site("8 quai Zola", "44000", "Nantes"));
  auto score = compare(a, b);
  EXPECT_EQ(score.outcome, MatchOutcome::none);
  EXPECT_DOUBLE_EQ(score.score, 0.0);
}

TEST(CompareIdentities, KeepsRelativesSharingAHomeApart) {
  Site home = site("3 rue Haute", "35000", "Rennes");
  Customer jean = person("Jean Durand", {"+33299112233"}, {"famille.durand@orange.fr"}, home);
  Customer marie = person("Marie Durand", {"+33299112233"}, {"famille.durand@orange.fr"}, home);
  auto score = compare(jean, marie);
  EXPECT_EQ(score.outcome, MatchOutcome::none) << score.score;
  EXPECT_TRUE(has_reason(score, "different first names jean / marie: relatives"));
}

TEST(CompareIdentities, TakesATypoInAShortWordForATypoNotForAnotherRelative) {
  Site home = site("11 chemin Victor Hugo", "22000", "Saint-Brieuc");
  Customer a = person("Antoine Le Bras", {"+33656014650"}, {}, home);
  Customer b = person("Antoine e Bras", {"+33656014650"}, {}, home);
  auto score = compare(a, b);
  EXPECT_NE(score.outcome, MatchOutcome::none) << score.score;
  EXPECT_FALSE(has_reason(score, "relatives"));
}

TEST(CompareIdentities, KeepsTheSameCompanyNameInAnotherTownApart) {
  Customer rennes = company("Boulangerie du Port", "", {"+33299112233"}, site("1 quai Duguay", "35400", "Saint-Malo"));
  Customer brest = company("Boulangerie du Port", "", {"+33298445566"}, site("4 quai Malbert", "29200", "Brest"));
  EXPECT_LT(compare(rennes, brest).score, MatchThresholds{}.probable);
}

TEST(CompareIdentities, KeepsTwoEstablishmentsOfOneCompanyBelowProbable) {
  Customer head_office = company("Durand Électricité", kSiretHeadOffice, {"+33299112233"},
                                 site("1 rue Haute", "35000", "Rennes"));
  Customer branch = company("Durand Électricité", kSiretBranch, {"+33299112233"}, site("8 quai Zola", "44000", "Nantes"));
  auto score = compare(head_office, branch);
  EXPECT_LT(score.score, MatchThresholds{}.probable);
  EXPECT_TRUE(has_reason(score, "two establishments"));
}

TEST(CompareIdentities, KeepsCompaniesWithDifferentSirensApart) {
  Customer a = company("Durand Électricité", kSiretHeadOffice, {"+33299112233"}, site("1 rue Haute", "35000", "Rennes"));
  Customer b = company("Durand Électricité", kOtherSiret, {"+33299112233"}, site("1 rue Haute", "35000", "Rennes"));
  EXPECT_EQ(compare(a, b).outcome, MatchOutcome::none);
}

TEST(CompareIdentities, PenalisesAPersonAgainstACompany) {
  Customer gerant = person("Jean Durand", {"+33612345678"}, {}, site("1 rue Haute", "35000", "Rennes"));
  Customer firm = company("Durand Jean", "", {"+33612345678"}, site("1 rue Haute", "35000", "Rennes"));
  auto score = compare(gerant, firm);
  EXPECT_LT(score.score, MatchThresholds{}.sure);
  EXPECT_TRUE(has_reason(score, "one is a company, the other a person"));
}

TEST(CompareIdentities, AppliesTheThresholdsGiven) {
  Customer a = person("Jean Durand", {"+33612345678"}, {}, site("3 rue Haute", "35000", "Rennes"));
  Customer b = person("Jean Durand", {}, {}, site("8 quai Zola", "44000", "Nantes"));
  auto keys_a = identity_keys(a);
  auto keys_b = identity_keys(b);
  auto lenient = compare_identities(keys_a, keys_b, {.sure = 0.5, .probable = 0.3});
  EXPECT_EQ(lenient.outcome, MatchOutcome::sure);
  EXPECT_EQ(compare_identities(keys_a, keys_b).outcome, MatchOutcome::none);
  EXPECT_EQ(to_string(MatchOutcome::probable), "probable");
}

}  // namespace
}  // namespace relais
