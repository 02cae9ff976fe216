#pragma once
// What the long operations show and print, shared by the demo and by the
// import and duplicates commands: a progress bar on standard error, and the
// reports of an import, of the duplicate finder and of the review queue.
#include <relais/customers/customer_service.h>

#include <cstddef>
#include <limits>
#include <string>

namespace relais::cli {

// "label [########............]  12/37" redrawn in place on standard error,
// only when it is a terminal: a redirected stderr gets no progress noise.
class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar();

  void update(std::size_t done, std::size_t total);

 private:
  std::string label_;
  bool shown_;
  bool drawn_ = false;
};

// CustomerService::import_file() with a progress bar labelled with `label`.
ImportReport import_with_progress(CustomerService& customers, const std::string& file,
                                  const std::string& profile, const std::string& label);
// "Import of FILE (system):", the counts, each rejected row and why.
void print_import_report(const std::string& file, const ImportReport& report);

// CustomerService::find_duplicates() over the whole base, with a progress bar.
FinderReport find_duplicates_with_progress(CustomerService& customers);
// "Duplicate search: N customers compared, ..." preceded by an empty line.
void print_finder_report(const FinderReport& found);

// The pending review queue, best score first: at most `limit` pairs shown,
// with the number left out.
void print_review_queue(const CustomerService& customers,
                        std::size_t limit = std::numeric_limits<std::size_t>::max());

}  // namespace relais::cli
