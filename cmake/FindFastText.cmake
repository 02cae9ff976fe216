# libfasttext-dev ships a pkg-config file but no CMake config; finding the
# header and library directly keeps pkg-config out of the build.
# Defines FastText::FastText (its headers are SYSTEM, as for every imported
# target, so their warnings stay out of the build).
find_path(FASTTEXT_INCLUDE_DIR fasttext/fasttext.h)
find_library(FASTTEXT_LIBRARY fasttext)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(FastText REQUIRED_VARS FASTTEXT_INCLUDE_DIR FASTTEXT_LIBRARY)

if(FastText_FOUND AND NOT TARGET FastText::FastText)
  add_library(FastText::FastText UNKNOWN IMPORTED)
  set_target_properties(FastText::FastText PROPERTIES IMPORTED_LOCATION ${FASTTEXT_LIBRARY}
                        INTERFACE_INCLUDE_DIRECTORIES ${FASTTEXT_INCLUDE_DIR})
endif()
