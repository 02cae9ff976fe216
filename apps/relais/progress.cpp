#include "progress.h"

#include "i18n.h"
#include "output.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <iostream>

namespace relais::cli {
namespace {

const char* outcome_label(MatchOutcome outcome) {
  switch (outcome) {
    case MatchOutcome::sure: return _("sure");
    case MatchOutcome::probable: return _("probable");
    case MatchOutcome::none: return _("no match");
  }
  return "";
}

}  // namespace

ProgressBar::ProgressBar(std::string label) : label_(std::move(label)), shown_(isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::cerr << '\n' << std::flush;
}

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!shown_) return;
  constexpr std::size_t kWidth = 30;
  std::size_t filled = total == 0 ? 0 : std::min(kWidth, done * kWidth / total);
  std::cerr << '\r' << label_ << " [" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
            << done << '/' << total << std::flush;
  drawn_ = true;
}

ImportReport import_with_progress(CustomerService& customers, const std::string& file,
                                  const std::string& profile, const std::string& label) {
  ProgressBar bar(label);
  return customers.import_file(
      file, profile, {.progress = [&bar](const ImportProgress& p) { bar.update(p.rows_done, p.rows_total); }});
}

void print_import_report(const std::string& file, const ImportReport& report) {
  std::cout << '\n' << format(_("Import of %s (%s):"), file, report.source) << '\n'
            << format(_("  detected charset: %s"), report.charset) << '\n'
            << format(P_("  %lld row read: ", "  %lld rows read: ", report.rows), report.rows)
            << format(P_("%lld imported, ", "%lld imported, ", report.imported), report.imported)
            << format(P_("%lld merged into an existing customer, ", "%lld merged into existing customers, ",
                         report.merged),
                      report.merged)
            << format(P_("%lld rejected.", "%lld rejected.", report.rejected), report.rejected) << '\n';
  print_rejections(std::cout, report.rejections);
  std::cout << format(P_("  %lld new customer queued for review (probable duplicate).",
                         "  %lld new customers queued for review (probable duplicates).",
                         report.queued_for_review),
                      report.queued_for_review)
            << '\n';
  if (!report.differences.empty()) {
    std::cout << format(P_("  %lld field changed in the file but edited in Relais: Relais kept its value.",
                           "  %lld fields changed in the file but edited in Relais: Relais kept its values.",
                           report.differences.size()),
                        report.differences.size())
              << '\n';
  }
}

FinderReport find_duplicates_with_progress(CustomerService& customers) {
  ProgressBar bar(_("Looking for duplicates"));
  return customers.find_duplicates(
      {.progress = [&bar](const FinderProgress& p) { bar.update(p.customers_done, p.customers_total); }});
}

void print_finder_report(const FinderReport& found) {
  std::cout << '\n'
            << format(P_("Duplicate search: %lld customer compared, ", "Duplicate search: %lld customers compared, ",
                         found.customers_scanned),
                      found.customers_scanned)
            << format(P_("%lld comparison; ", "%lld comparisons; ", found.comparisons), found.comparisons)
            << format(P_("%lld sure pair, ", "%lld sure pairs, ", found.sure), found.sure)
            << format(P_("%lld probable pair.", "%lld probable pairs.", found.probable), found.probable) << '\n';
}

void print_review_queue(const CustomerService& customers, std::size_t limit) {
  std::vector<DuplicatePair> pairs;
  ReviewQuery query{.limit = 500};
  do {
    ReviewPage page = customers.duplicate_queue(query);
    pairs.insert(pairs.end(), page.items.begin(), page.items.end());
    query.after = page.next_cursor;
  } while (!query.after.empty());

  if (pairs.empty()) {
    std::cout << _("Review queue: no pair to look at.") << '\n';
    return;
  }
  std::cout << format(P_("Review queue (%lld pair to look at):", "Review queue (%lld pairs to look at):", pairs.size()),
                      pairs.size())
            << '\n';
  std::size_t shown = std::min(limit, pairs.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const DuplicatePair& pair = pairs[i];
    auto percent = std::lround(pair.score * 100);
    std::cout << format(_("  %s / %s: score %lld%%, %s"), customers.get(pair.a).name, customers.get(pair.b).name,
                        percent, outcome_label(pair.outcome))
              << '\n';
    // TRANSLATORS: the reason comes from the library, in English.
    for (const auto& reason : pair.reasons) std::cout << format(_("      because: %s"), reason) << '\n';
  }
  if (shown < pairs.size()) {
    auto left = pairs.size() - shown;
    std::cout << format(P_("  ... and %lld more pair.", "  ... and %lld more pairs.", left), left) << '\n';
  }
}

}  // namespace relais::cli
