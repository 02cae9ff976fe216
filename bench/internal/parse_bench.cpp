// Issue 5 figure for parsing: BM_ParseEmail, the MIME parser alone
// (src/inbox/mime/mail_parser.h: GMime, charsets, HTML to text, reply
// splitting, attachments hashed) on a mixed corpus: the tricky messages of
// tests/inbox/corpus, and generated French mail written four ways, plain
// text, HTML only, multipart/alternative and with a 64 KiB PDF attached. The
// French mail is the generator's (tools/synth), read from the corpus file the
// model build writes (relais/inbox/mail_corpus.h): the generator links the
// shared library.
// The parser is internal: this executable links relais_internal, never the
// shared library too (two copies of the registries).
#include "inbox/mime/mail_parser.h"

#include <relais/inbox/mail_corpus.h>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace relais::bench {
namespace {

std::string headers(const spi::MailText& mail, std::size_t number, const std::string& content_type) {
  return "From: " + mail.sender + "\r\nTo: contact@duret-electricite.fr\r\nSubject: " + mail.subject +
         "\r\nDate: Tue, 24 Nov 2026 08:00:00 +0100\r\nMessage-ID: <parse-" + std::to_string(number) +
         "@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: " + content_type + "\r\n";
}

std::string html_of(const std::string& text) {
  std::string html = "<html><head><meta charset=\"utf-8\"><style>p{margin:0}</style></head><body><div dir=\"ltr\">";
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) html += "<p>" + line + "</p>\r\n";
  return html + "</div></body></html>";
}

std::string base64_lines(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t column = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t chunk = (static_cast<unsigned char>(bytes[i]) << 16) |
                                (i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0) |
                                (i + 2 < bytes.size() ? static_cast<unsigned char>(bytes[i + 2]) : 0);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
    if ((column += 4) == 76) {
      out += "\r\n";
      column = 0;
    }
  }
  return out + "\r\n";
}

// Generated mail the four ways, then the corpus files, shuffled together.
std::vector<std::string> mixed_corpus() {
  std::vector<std::string> mails;
  std::mt19937 random(515151);
  std::string pdf = "%PDF-1.4\n";
  while (pdf.size() < 64 * 1024) pdf += static_cast<char>(random() & 0xff);
  const auto generated = read_mail_corpus(RELAIS_BUILD_MAIL_CORPUS);
  for (std::size_t n = 0; n < 400; ++n) {
    const spi::MailText& mail = generated[n * 29 % generated.size()].mail;
    const std::string plain = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
                              mail.body + "\r\n";
    const std::string html = "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
                             html_of(mail.body) + "\r\n";
    switch (n % 4) {
      case 0:
        mails.push_back(headers(mail, n, "text/plain; charset=utf-8") + "Content-Transfer-Encoding: 8bit\r\n\r\n" +
                        mail.body + "\r\n");
        break;
      case 1:
        mails.push_back(headers(mail, n, "text/html; charset=utf-8") + "Content-Transfer-Encoding: 8bit\r\n\r\n" +
                        html_of(mail.body) + "\r\n");
        break;
      case 2:
        mails.push_back(headers(mail, n, "multipart/alternative; boundary=\"alt\"") + "\r\n--alt\r\n" + plain +
                        "--alt\r\n" + html + "--alt--\r\n");
        break;
      default:
        mails.push_back(headers(mail, n, "multipart/mixed; boundary=\"mix\"") + "\r\n--mix\r\n" + plain +
                        "--mix\r\nContent-Type: application/pdf; name=\"plan.pdf\"\r\n"
                        "Content-Disposition: attachment; filename=\"plan.pdf\"\r\n"
                        "Content-Transfer-Encoding: base64\r\n\r\n" + base64_lines(pdf) + "--mix--\r\n");
    }
  }
  for (const auto& entry : std::filesystem::directory_iterator(RELAIS_MAIL_CORPUS_DIR)) {
    if (entry.path().extension() != ".eml") continue;
    std::ifstream file(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    mails.push_back(bytes.str());
  }
  std::shuffle(mails.begin(), mails.end(), random);
  return mails;
}

void BM_ParseEmail(benchmark::State& state) {
  const std::vector<std::string> mails = mixed_corpus();
  std::size_t next = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& raw = mails[next++ % mails.size()];
    benchmark::DoNotOptimize(detail::parse_mail(raw));
    bytes += static_cast<std::int64_t>(raw.size());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["emails_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseEmail)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace relais::bench
