#pragma once
// Merging two records of one customer, and undoing it.
#include <relais/customers/customer.h>
#include <relais/export.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace relais {
inline namespace v1 {

// How a field of the merged record is chosen when both records have it.
enum class Survivorship {
  most_recent,    // from the record updated last
  most_complete,  // the longer text / the longer list; ties go to the survivor
};

struct MergeOptions {
  Survivorship rule = Survivorship::most_complete;
  // Fields picked by hand: field name ("name", "siret", "notes"...) -> the
  // id of the record to take it from (the survivor or the other).
  std::map<std::string, Uuid> picked;
};

struct MergeResult {
  Uuid merge_id;        // pass to unmerge()
  Customer survivor;    // as stored after the merge
};

struct UnmergeResult {
  Customer survivor;    // back as it was before the merge, plus later edits
  Customer restored;    // the merged record, as it was before the merge
  // Later edits to the survivor that touched a field the merge had filled
  // from the other record: kept on the survivor, reported here.
  std::vector<std::string> conflicts;
};

}  // namespace v1
}  // namespace relais
