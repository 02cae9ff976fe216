// parse_mail on the corpus of tricky messages in tests/inbox/corpus/ (each
// file with what must come out of it), and on messages built here: a 20 MB
// attachment, size limits, deep nesting, truncations, threads.
#include "inbox/mime/mail_parser.h"

#include "core/charset.h"
#include "core/sha256.h"

#include <gtest/gtest.h>

#include <glib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace relais;
using namespace relais::detail;

namespace {

const std::filesystem::path kCorpus = RELAIS_MAIL_CORPUS_DIR;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

ParsedMail parse_corpus(const std::string& name, const ParseLimits& limits = {}) {
  return parse_mail(read_file(kCorpus / name), limits);
}

bool has_problem(const ParsedMail& mail, std::string_view start) {
  return std::any_of(mail.problems.begin(), mail.problems.end(),
                     [&](const std::string& problem) { return problem.starts_with(start); });
}

std::string header(const ParsedMail& mail, std::string_view name) {
  for (const auto& [key, value] : mail.headers) {
    if (key == name) return value;
  }
  return "<absent>";
}

// What every parse promises, whatever the input.
void expect_well_formed(const ParsedMail& mail) {
  for (const std::string* text : {&mail.message_id, &mail.in_reply_to, &mail.from.name, &mail.from.address,
                                  &mail.subject, &mail.text, &mail.new_text, &mail.quoted_text, &mail.signature,
                                  &mail.parse_error}) {
    EXPECT_TRUE(is_valid_utf8(*text)) << *text;
  }
  for (const auto& [name, value] : mail.headers) EXPECT_TRUE(is_valid_utf8(name) && is_valid_utf8(value)) << name;
  for (const auto& problem : mail.problems) EXPECT_TRUE(is_valid_utf8(problem)) << problem;
  for (const auto& attachment : mail.attachments) {
    EXPECT_TRUE(is_valid_utf8(attachment.filename));
    if (attachment.over_limit) {
      EXPECT_TRUE(attachment.content.empty() && attachment.sha256.empty());
    } else {
      EXPECT_EQ(attachment.size, attachment.content.size());
      EXPECT_EQ(attachment.sha256, sha256_hex(attachment.content));
    }
  }
  EXPECT_LE(mail.problems.size(), 50u);
  if (!mail.parse_error.empty()) {
    EXPECT_TRUE(mail.text.empty() && mail.headers.empty() && mail.attachments.empty());
  }
}

// ------------------------------------------------- expectations per file

void gmail_reply_fr(const ParsedMail& mail) {
  EXPECT_EQ(mail.message_id, "CAF3x9Yk2=reply-1@mail.gmail.com");
  EXPECT_EQ(mail.in_reply_to, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b@elec-bretagne.fr");
  EXPECT_EQ(mail.references, (std::vector<std::string>{"first-request-42@mail.gmail.com",
                                                        "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b@elec-bretagne.fr"}));
  EXPECT_EQ(mail.from, (MailAddress{"Jean Dupont", "jean.dupont@gmail.com"}));
  EXPECT_EQ(mail.to, (std::vector<MailAddress>{{"Élec Bretagne", "contact@elec-bretagne.fr"}}));
  EXPECT_EQ(mail.subject, "Re: [T-2026-000123] Problème de disjoncteur");
  ASSERT_TRUE(mail.date);
  EXPECT_EQ(format_timestamp(*mail.date), "2026-03-04T07:05:31.000000Z");
  EXPECT_EQ(mail.new_text,
            "Bonjour,\n\nLe disjoncteur a encore sauté ce matin, vers 7h.\nPouvez-vous passer cette semaine ?");
  EXPECT_EQ(mail.signature, "Cordialement,\nJean Dupont\n06 12 34 56 78");
  EXPECT_TRUE(mail.quoted_text.starts_with("Le lun. 3 mars 2026 à 10:12, Élec Bretagne <contact@elec-bretagne.fr>\na écrit :\n> Bonjour"));
  EXPECT_TRUE(mail.problems.empty()) << mail.problems.front();
}

void latin1_8bit(const ParsedMail& mail) {
  EXPECT_EQ(mail.subject, "Devis tableau électrique");
  EXPECT_EQ(mail.from, (MailAddress{"Mme Le Gall", "legall@orange.fr"}));
  EXPECT_NE(mail.text.find("rénovation de mon tableau électrique"), std::string::npos);
  EXPECT_NE(mail.text.find("800 €"), std::string::npos);  // 0x80 under a Latin-1 label
  EXPECT_TRUE(mail.problems.empty());
}

void latin9_qp(const ParsedMail& mail) {
  EXPECT_EQ(mail.text, "Le cœur du problème : la facture de 1 250 € pour l'éclairage des parties communes.");
  EXPECT_TRUE(mail.problems.empty());
}

void windows1252_qp(const ParsedMail& mail) {
  EXPECT_EQ(mail.from, (MailAddress{"Martin, Paul", "p.martin@wanadoo.fr"}));
  EXPECT_EQ(mail.text, "Merci pour l’intervention d’hier… Le chauffe-eau fonctionne, mes sœurs sont ravies.");
  EXPECT_TRUE(mail.problems.empty());
}

void utf8_labelled_latin1(const ParsedMail& mail) {
  EXPECT_TRUE(mail.text.starts_with("Nom : Hélène Prévost\n"));
  EXPECT_EQ(mail.problems, (std::vector<std::string>{"charset 'iso-8859-1' declared but the text is UTF-8: read as utf-8"}));
}

void latin1_labelled_utf8(const ParsedMail& mail) {
  EXPECT_TRUE(mail.text.starts_with("Bonjour, depuis la tempête de la nuit dernière"));
  EXPECT_NE(mail.text.find("Nous sommes à Vitré."), std::string::npos);
  EXPECT_EQ(mail.problems, (std::vector<std::string>{"charset 'utf-8' does not fit the text: read as windows-1252"}));
}

void unknown_charset(const ParsedMail& mail) {
  EXPECT_NE(mail.text.find("la pompe à chaleur"), std::string::npos);
  EXPECT_EQ(mail.problems, (std::vector<std::string>{"charset 'x-unknown' unknown: read as windows-1252"}));
}

void missing_charset(const ParsedMail& mail) {
  EXPECT_TRUE(mail.text.starts_with("Les volets roulants électriques de la véranda"));
  EXPECT_EQ(mail.problems, (std::vector<std::string>{"no charset declared: read as windows-1252"}));
}

void encoded_words(const ParsedMail& mail) {
  EXPECT_EQ(mail.subject, "Devis pour l’éclairage du jardin €");
  EXPECT_EQ(mail.from, (MailAddress{"Renée Le Floc'h", "renee.lefloch@example.fr"}));
  EXPECT_EQ(mail.cc, (std::vector<MailAddress>{{"Anne-Sophie", "as@example.fr"}, {"", "bureau@example.fr"}}));
  ASSERT_EQ(mail.attachments.size(), 3u);
  EXPECT_EQ(mail.attachments[0].filename, "plan étage.pdf");  // RFC 2047 in a parameter
  EXPECT_EQ(mail.attachments[0].content, "%PDF-1.4 plan\n");
  EXPECT_EQ(mail.attachments[1].filename, "facture n°12 €.pdf");  // RFC 2231
  EXPECT_EQ(mail.attachments[2].filename, "photo du compteur électrique.jpg");  // RFC 2231 continuations
  EXPECT_EQ(mail.attachments[2].content_type, "image/jpeg");
  EXPECT_EQ(mail.attachments[2].size, 256u);
}

void malformed_encoded_words(const ParsedMail& mail) {
  // GMime decodes what it can; the broken words stay readable text.
  EXPECT_TRUE(mail.subject.starts_with("café unterminated")) << mail.subject;
  EXPECT_NE(mail.subject.find("preétépost"), std::string::npos) << mail.subject;
  EXPECT_EQ(mail.from.name, "José");
  EXPECT_EQ(mail.text, "Texte.");
  EXPECT_TRUE(has_problem(mail, "invalid encoded words (RFC 2047) in '=?utf-8?Q?caf=C3=A9 unterminated"));
}

void base64_body(const ParsedMail& mail) {
  EXPECT_EQ(mail.text, "Votre commande n°4512 (12 disjoncteurs différentiels) est expédiée.");
}

void broken_base64(const ParsedMail& mail) {
  EXPECT_TRUE(mail.text.starts_with("Les photos sont joint"));
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_TRUE(mail.attachments[0].content.starts_with("PK\x03\x04 this is the beginning"));
  EXPECT_EQ(mail.problems, (std::vector<std::string>{
                               "damaged base64 in the body: decoded what could be read",
                               "damaged base64 in attachment 'photos.zip': decoded what could be read"}));
}

void alternative(const ParsedMail& mail) {
  EXPECT_EQ(mail.text, "Bonjour, je voudrais faire installer une borne de recharge.");
  EXPECT_FALSE(mail.text_from_html);
  EXPECT_TRUE(mail.attachments.empty());  // the HTML rendering is not an attachment
}

void html_only(const ParsedMail& mail) {
  EXPECT_TRUE(mail.text_from_html);
  EXPECT_EQ(mail.new_text,
            "Bonjour,\n\nLe devis me convient, sauf :\n- la prise extérieure\n- le spot n°3\n"
            "1. Poser d'abord le tableau\n2. puis l'éclairage & les prises\nVoir le plan du jardin.\n\nLuc");
  EXPECT_EQ(mail.quoted_text,
            "Le jeu. 6 mars 2026 à 17:40, Élec Bretagne <contact@elec-bretagne.fr> a écrit :\n"
            "> Bonjour,\n> Veuillez trouver notre devis.");
  EXPECT_EQ(mail.text.find("alert"), std::string::npos);
  EXPECT_EQ(mail.text.find("color"), std::string::npos);
}

void nested_multiparts(const ParsedMail& mail) {
  EXPECT_EQ(mail.text, "Voici les plans du cabinet, avec le logo.");
  EXPECT_FALSE(mail.text_from_html);
  ASSERT_EQ(mail.attachments.size(), 2u);
  EXPECT_EQ(mail.attachments[0].content_type, "image/png");  // the inline logo of the related part
  EXPECT_EQ(mail.attachments[0].filename, "");
  EXPECT_EQ(mail.attachments[1].filename, "plans.pdf");
  EXPECT_EQ(mail.attachments[1].content, "%PDF-1.7 plans");
}

void alternative_empty_plain(const ParsedMail& mail) {
  EXPECT_TRUE(mail.text_from_html);
  EXPECT_EQ(mail.text, "Montant 1 250,00 €\nMotif Facture F-2026-0007");
}

void forwarded_attachment(const ParsedMail& mail) {
  EXPECT_EQ(mail.new_text,
            "Peux-tu caler ce client la semaine prochaine ?\n\nMarie\n\n---------- Forwarded message ---------\n"
            "From: François Guillou <francois.guillou@gmail.com>\nDate: Thu, 6 Mar 2026 18:30:00 +0100\n"
            "Subject: Demande d'intervention\nTo: contact@elec-bretagne.fr\n\n"
            "Bonjour, le tableau de ma maison à Lannion fait des étincelles.\nTél : 06 98 76 54 32");
  ASSERT_EQ(mail.attachments.size(), 2u);
  EXPECT_EQ(mail.attachments[0].content_type, "message/rfc822");
  EXPECT_EQ(mail.attachments[0].filename, "Demande d'intervention.eml");
  const ParsedMail inner = parse_mail(mail.attachments[0].content);  // the kept .eml reads back
  EXPECT_EQ(inner.message_id, "inner-001@mail.gmail.com");
  EXPECT_EQ(mail.attachments[1].filename, "photo-tableau.pdf");
}

void gmail_forward_inline(const ParsedMail& mail) {
  EXPECT_TRUE(mail.new_text.starts_with("Urgent, voir ci-dessous.\n\n---------- Forwarded message ---------\n"));
  EXPECT_TRUE(mail.new_text.ends_with("Plus de courant au 12 rue de Brest depuis midi.\nPaul Hamon\n02 98 12 34 56"));
  EXPECT_EQ(mail.signature, "Cordialement,\nMarie Durand");
  EXPECT_EQ(mail.quoted_text, "");
}

void outlook_reply_fr(const ParsedMail& mail) {
  EXPECT_EQ(mail.new_text, "Bonjour,\n\nLes deux projecteurs du parking sont toujours éteints. Merci de repasser.");
  EXPECT_EQ(mail.signature,
            "Bien cordialement,\nMarie Durand\nGestionnaire – Syndic de l'Ouest\nTél : 02 99 12 34 56\n"
            "SIRET 732 829 320 00074");
  EXPECT_TRUE(mail.quoted_text.starts_with("________________________________\nDe : Élec Bretagne"));
  EXPECT_EQ(header(mail, "Thread-Index"), "AdqN3x5Y7z+abcdefghijklmnopqrstu==");
  EXPECT_EQ(header(mail, "Content-Type"), "text/plain; charset=\"Windows-1252\"");
  EXPECT_EQ(mail.headers.back().first, "Content-Transfer-Encoding");  // the order written
}

void outlook_original_message_en(const ParsedMail& mail) {
  EXPECT_EQ(mail.new_text, "Fine by me, please go ahead.");
  EXPECT_EQ(mail.signature, "Kind regards,\nJohn Smith");
  EXPECT_TRUE(mail.quoted_text.starts_with("-----Original Message-----\nFrom: Elec Bretagne"));
}

void iphone_reply(const ParsedMail& mail) {
  EXPECT_EQ(mail.from, (MailAddress{"Aurélie Morin", "aurelie.morin@icloud.com"}));
  EXPECT_EQ(mail.new_text, "Ok pour jeudi 14h.");
  EXPECT_EQ(mail.signature, "Envoyé de mon iPhone");
  EXPECT_EQ(mail.quoted_text,
            "> Le 10 mars 2026 à 10:12, Élec Bretagne <contact@elec-bretagne.fr> a écrit :\n>\n"
            "> Bonjour, nous vous proposons jeudi à 14h.");
  EXPECT_EQ(mail.references, (std::vector<std::string>{"rdv-17@elec-bretagne.fr"}));
}

void winmail_dat(const ParsedMail& mail) {
  EXPECT_EQ(mail.text, "Please see the attached invoice.");
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_TRUE(mail.attachments[0].tnef);
  EXPECT_TRUE(mail.attachments[0].content.starts_with("\x78\x9f\x3e\x22"));  // kept as is
  EXPECT_EQ(mail.problems, (std::vector<std::string>{"attachment 'winmail.dat' is Outlook TNEF: not decoded"}));
}

void no_message_id(const ParsedMail& mail) {
  EXPECT_EQ(mail.message_id, "");
  EXPECT_EQ(mail.text, "Message sans Message-ID.");
  EXPECT_EQ(mail.problems, (std::vector<std::string>{"no Message-ID header"}));
}

void broken_headers(const ParsedMail& mail) {
  EXPECT_EQ(mail.from, (MailAddress{"Jérôme Le Goff", "jerome@example.fr"}));  // raw Latin-1 header
  EXPECT_EQ(header(mail, "X-Comment"), "fenêtre cassée");
  EXPECT_EQ(mail.to.front().address, "contact@elec-bretagne.fr");
  EXPECT_EQ(mail.subject, "Sujet correct");
  EXPECT_FALSE(mail.date);
  EXPECT_EQ(mail.message_id, "broken-headers-001@example.fr");
  EXPECT_TRUE(has_problem(mail, "unreadable Date header 'lundi dernier vers midi'"));
  EXPECT_TRUE(has_problem(mail, "invalid header line 'This line is not a header'"));
  EXPECT_TRUE(has_problem(mail, "header 'X-Comment' holds raw 8-bit characters"));
}

void headers_only(const ParsedMail& mail) {
  EXPECT_EQ(mail.parse_error, "");
  EXPECT_EQ(mail.subject, "(sans objet)");
  EXPECT_EQ(mail.text, "");
  EXPECT_EQ(mail.new_text, "");
}

void empty(const ParsedMail& mail) { EXPECT_EQ(mail.parse_error, "empty input: no header, no body"); }

void binary_garbage(const ParsedMail& mail) {
  EXPECT_EQ(mail.parse_error, "not a mail: no header at the start");
  EXPECT_TRUE(mail.subject.empty() && mail.from.address.empty());
}

void deep_nesting(const ParsedMail& mail) {
  EXPECT_EQ(mail.subject, "Poupées russes");
  EXPECT_EQ(mail.text, "");  // 40 levels, 32 read
  EXPECT_EQ(mail.problems, (std::vector<std::string>{"MIME parts nested deeper than 32 levels: not read"}));
}

void groups_reply_to(const ParsedMail& mail) {
  EXPECT_EQ(mail.from, (MailAddress{"Accueil Mairie", "accueil@mairie-vitre.fr"}));
  EXPECT_EQ(mail.reply_to, (MailAddress{"Services Techniques", "services.techniques@mairie-vitre.fr"}));
  EXPECT_EQ(mail.to, (std::vector<MailAddress>{{"", "alain@elec-bretagne.fr"}, {"Le Roux, Anne", "anne@elec-bretagne.fr"}}));
  EXPECT_TRUE(mail.cc.empty());  // undisclosed-recipients:;
  EXPECT_EQ(mail.subject, "Illuminations de Noël");
}

void auto_reply(const ParsedMail& mail) {
  EXPECT_EQ(header(mail, "Auto-Submitted"), "auto-replied");
  EXPECT_EQ(header(mail, "Precedence"), "bulk");
  EXPECT_EQ(header(mail, "List-Id"), "Liste des médecins <medecins.example.fr>");
  EXPECT_EQ(header(mail, "X-Mailer"), "Microsoft Outlook 16.0");
  EXPECT_EQ(mail.subject, "Réponse automatique\xC2\xA0: [T-2026-000123] Votre demande");
  EXPECT_EQ(mail.from.name, "Dr Morel (absent)");
}

void bottom_posting(const ParsedMail& mail) {
  EXPECT_EQ(mail.new_text, "Oui, deux dans le salon.\n\nOui, à partir de 8h.");
  EXPECT_EQ(mail.signature, "-- \nPierre Caradec\nArchitecte DPLG");
  EXPECT_TRUE(mail.quoted_text.starts_with("On Mon, 10 Mar 2026 at 18:00, Elec Bretagne"));
}

void lf_only(const ParsedMail& mail) {
  EXPECT_EQ(mail.text, "Ligne une.\nLigne deux.");
  EXPECT_EQ(mail.message_id, "lf-001@example.fr");
}

struct CorpusCase {
  const char* file;
  void (*check)(const ParsedMail&);
};

constexpr CorpusCase kCorpusCases[] = {
    {"gmail_reply_fr.eml", gmail_reply_fr},
    {"latin1_8bit.eml", latin1_8bit},
    {"latin9_qp.eml", latin9_qp},
    {"windows1252_qp.eml", windows1252_qp},
    {"utf8_labelled_latin1.eml", utf8_labelled_latin1},
    {"latin1_labelled_utf8.eml", latin1_labelled_utf8},
    {"unknown_charset.eml", unknown_charset},
    {"missing_charset.eml", missing_charset},
    {"encoded_words.eml", encoded_words},
    {"malformed_encoded_words.eml", malformed_encoded_words},
    {"base64_body.eml", base64_body},
    {"broken_base64.eml", broken_base64},
    {"alternative.eml", alternative},
    {"html_only.eml", html_only},
    {"nested_multiparts.eml", nested_multiparts},
    {"alternative_empty_plain.eml", alternative_empty_plain},
    {"forwarded_attachment.eml", forwarded_attachment},
    {"gmail_forward_inline.eml", gmail_forward_inline},
    {"outlook_reply_fr.eml", outlook_reply_fr},
    {"outlook_original_message_en.eml", outlook_original_message_en},
    {"iphone_reply.eml", iphone_reply},
    {"winmail_dat.eml", winmail_dat},
    {"no_message_id.eml", no_message_id},
    {"broken_headers.eml", broken_headers},
    {"headers_only.eml", headers_only},
    {"empty.eml", empty},
    {"binary_garbage.eml", binary_garbage},
    {"deep_nesting.eml", deep_nesting},
    {"groups_reply_to.eml", groups_reply_to},
    {"auto_reply.eml", auto_reply},
    {"bottom_posting.eml", bottom_posting},
    {"lf_only.eml", lf_only},
};

std::vector<std::filesystem::path> corpus_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

class MailCorpus : public testing::TestWithParam<CorpusCase> {};

std::string case_name(const testing::TestParamInfo<CorpusCase>& info) {
  std::string name = std::filesystem::path(info.param.file).stem();
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

// A 76-column base64 body of `bytes`, as mail clients write it.
std::string base64_lines(const std::string& bytes) {
  gchar* encoded = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  const std::string flat(encoded);
  g_free(encoded);
  std::string lines;
  lines.reserve(flat.size() + flat.size() / 38);
  for (std::size_t i = 0; i < flat.size(); i += 76) lines.append(flat, i, 76).append("\r\n");
  return lines;
}

std::string mail_with_attachment(const std::string& filename, const std::string& bytes) {
  return "From: a@example.fr\r\nTo: b@example.fr\r\nSubject: Pièce jointe\r\nMessage-ID: <att@example.fr>\r\n"
         "Date: Tue, 11 Mar 2026 10:00:00 +0100\r\n"
         "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"z\"\r\n\r\n--z\r\n"
         "Content-Type: text/plain; charset=utf-8\r\n\r\nCi-joint.\r\n--z\r\n"
         "Content-Type: application/zip\r\nContent-Disposition: attachment; filename=\"" + filename +
         "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64_lines(bytes) + "--z--\r\n";
}

std::string pseudo_random_bytes(std::size_t size) {
  std::string bytes(size, '\0');
  std::uint32_t state = 2026;
  for (char& byte : bytes) {
    state = state * 1664525u + 1013904223u;
    byte = static_cast<char>(state >> 24);
  }
  return bytes;
}

}  // namespace

TEST_P(MailCorpus, GivesWhatTheFileMustGive) {
  const ParsedMail mail = parse_corpus(GetParam().file);
  expect_well_formed(mail);
  GetParam().check(mail);
}

INSTANTIATE_TEST_SUITE_P(Files, MailCorpus, testing::ValuesIn(kCorpusCases), case_name);

TEST(MailCorpusFolder, EveryFileHasItsExpectations) {
  std::set<std::string> expected;
  for (const auto& corpus_case : kCorpusCases) expected.insert(corpus_case.file);
  for (const auto& file : corpus_files()) EXPECT_TRUE(expected.count(file.filename().string())) << file;
  EXPECT_EQ(corpus_files().size(), std::size(kCorpusCases));
}

TEST(MailCorpusFolder, EveryTruncationOfEveryFileParsesWithoutCrash) {
  for (const auto& file : corpus_files()) {
    const std::string raw = read_file(file);
    for (std::size_t size = 0; size < raw.size(); size += 23) {
      SCOPED_TRACE(file.filename().string() + " cut at " + std::to_string(size));
      expect_well_formed(parse_mail(std::string_view(raw).substr(0, size)));
    }
  }
}

TEST(MailParser, TwentyMegabyteAttachmentIsKeptWithItsHash) {
  const std::string bytes = pseudo_random_bytes(20 * 1024 * 1024);
  const ParsedMail mail = parse_mail(mail_with_attachment("relevés.zip", bytes));
  ASSERT_EQ(mail.attachments.size(), 1u);
  const MailAttachment& attachment = mail.attachments[0];
  EXPECT_EQ(attachment.size, bytes.size());
  EXPECT_FALSE(attachment.over_limit);
  EXPECT_EQ(attachment.sha256, sha256_hex(bytes));
  EXPECT_TRUE(attachment.content == bytes);
  EXPECT_EQ(attachment.filename, "relevés.zip");
  EXPECT_EQ(mail.text, "Ci-joint.");
  EXPECT_TRUE(mail.problems.empty());
}

TEST(MailParser, AttachmentOverTheLimitIsReportedNotKept) {
  const ParsedMail mail = parse_mail(mail_with_attachment("big.zip", pseudo_random_bytes(3000)), {.max_attachment_bytes = 2048});
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_TRUE(mail.attachments[0].over_limit);
  EXPECT_EQ(mail.attachments[0].size, 3000u);
  EXPECT_EQ(mail.attachments[0].content, "");
  EXPECT_EQ(mail.attachments[0].sha256, "");
  EXPECT_EQ(mail.problems, (std::vector<std::string>{"attachment 'big.zip' over 2 KB: not kept"}));
  EXPECT_EQ(ParseLimits().max_attachment_bytes, 25u * 1024 * 1024);
}

TEST(MailParser, DeeperNestingIsReadWhenTheLimitAllows) {
  const ParsedMail mail = parse_corpus("deep_nesting.eml", {.max_depth = 64});
  EXPECT_EQ(mail.text, "Au fond.");
  EXPECT_TRUE(mail.problems.empty());
}

TEST(MailParser, ThousandsOfNestedPartsAreCutByGMimeWithoutCrash) {
  std::string raw = "From: a@example.fr\r\nSubject: deep\r\nMIME-Version: 1.0\r\n";
  for (int level = 0; level < 5000; ++level) {
    raw += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(level) + "\"\r\n\r\n--b" +
           std::to_string(level) + "\r\n";
  }
  raw += "Content-Type: text/plain\r\n\r\nbottom\r\n";
  const ParsedMail mail = parse_mail(raw, {.max_depth = 100000});
  expect_well_formed(mail);
  EXPECT_TRUE(has_problem(mail, "MIME nesting too deep for GMime"));
}

TEST(MailParser, ForwardedMessagesNestedInForwardedMessagesStopAtTheDepthLimit) {
  std::string raw = "From: a@example.fr\r\nSubject: fwd\r\nMIME-Version: 1.0\r\n";
  for (int level = 0; level < 50; ++level) raw += "Content-Type: message/rfc822\r\n\r\nSubject: level\r\n";
  raw += "Content-Type: text/plain\r\n\r\nbottom\r\n";
  const ParsedMail mail = parse_mail(raw);
  expect_well_formed(mail);
  EXPECT_TRUE(has_problem(mail, "MIME parts nested deeper than 32 levels"));
}

TEST(MailParser, ProblemsAreCappedAtFifty) {
  std::string raw = "From: a@example.fr\r\n";
  for (int i = 0; i < 200; ++i) raw += "X-Raw-" + std::to_string(i) + ": caf\xE9\r\n";
  raw += "\r\nbody\r\n";
  const ParsedMail mail = parse_mail(raw);
  ASSERT_EQ(mail.problems.size(), 50u);
  EXPECT_EQ(mail.problems.back(), "more problems not listed");
}

TEST(MailParser, SeveralThreadsParseAtOnce) {
  std::vector<std::string> raws;
  for (const auto& file : corpus_files()) raws.push_back(read_file(file));
  std::vector<std::string> expected;
  for (const auto& raw : raws) expected.push_back(parse_mail(raw).new_text);
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&raws, &result] {
      for (int round = 0; round < 5; ++round) {
        for (const auto& raw : raws) result.push_back(parse_mail(raw).new_text);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) {
    for (std::size_t i = 0; i < result.size(); ++i) EXPECT_EQ(result[i], expected[i % raws.size()]);
  }
}
