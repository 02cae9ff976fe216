#pragma once
// The parts other areas add to the customer 360° view. Like the schema
// areas, the list lives in one place: a new area (quotes, interventions,
// stock, surveys) appends its part in view_parts.cpp.
#include <relais/desk/desk_service.h>
#include <relais/spi/storage.h>

#include <span>
#include <string_view>

namespace relais::inline v1::detail {

struct CustomerViewPartSource {
  std::string_view area;  // the key in CustomerView::parts
  // Builds the part inside the view's read transaction.
  CustomerViewPart (*build)(spi::Connection& connection, const Uuid& customer);
};

std::span<const CustomerViewPartSource> customer_view_parts();

}  // namespace relais::inline v1::detail
