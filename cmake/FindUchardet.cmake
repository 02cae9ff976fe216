# libuchardet-dev ships a pkg-config file (uchardet.pc) but no CMake config.
# Defines Uchardet::Uchardet.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PC_UCHARDET QUIET uchardet)
endif()
find_path(UCHARDET_INCLUDE_DIR uchardet.h HINTS ${PC_UCHARDET_INCLUDE_DIRS} PATH_SUFFIXES uchardet)
find_library(UCHARDET_LIBRARY uchardet HINTS ${PC_UCHARDET_LIBRARY_DIRS})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Uchardet REQUIRED_VARS UCHARDET_INCLUDE_DIR UCHARDET_LIBRARY)

if(Uchardet_FOUND AND NOT TARGET Uchardet::Uchardet)
  add_library(Uchardet::Uchardet UNKNOWN IMPORTED)
  set_target_properties(Uchardet::Uchardet PROPERTIES IMPORTED_LOCATION ${UCHARDET_LIBRARY}
                        INTERFACE_INCLUDE_DIRECTORIES ${UCHARDET_INCLUDE_DIR})
endif()
