#include "desk/view_parts.h"

#include "customers/duplicate_store.h"
#include "surveys/survey_parts.h"

namespace relais::inline v1::detail {

std::span<const CustomerViewPartSource> customer_view_parts() {
  static const CustomerViewPartSource parts[] = {
      {"duplicates", duplicates_view_part},
      {"surveys", surveys_view_part},
  };
  return parts;
}

}  // namespace relais::inline v1::detail
