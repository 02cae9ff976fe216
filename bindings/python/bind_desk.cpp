// The desk service. PLACEHOLDER: only the class, so that bind_desk_import.cpp
// can add the imports to it; the full binding of the desk (interactions,
// tickets, the 360° view) is another change, which replaces this file.
#include "binding.h"

#include <relais/desk/desk_service.h>

namespace relais::python {

void bind_desk(py::module_& m) {
  py::class_<DeskService>(m, "DeskService",
                          "The desk: interactions, caller lookup, tickets, work lists and the 360° view; obtained "
                          "from Workspace.desk. Storage calls release the GIL.");
}

}  // namespace relais::python
