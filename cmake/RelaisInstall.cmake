# Installs the library, its public headers, plugins and catalogs, and a CMake
# package so that consumers write find_package(Relais) and link Relais::relais.
include(CMakePackageConfigHelpers)

install(TARGETS relais EXPORT RelaisTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/relais DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/include/relais/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/relais)
install(EXPORT RelaisTargets NAMESPACE Relais:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Relais)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/RelaisConfig.cmake.in
  ${PROJECT_BINARY_DIR}/RelaisConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Relais)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/RelaisConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/RelaisConfig.cmake ${PROJECT_BINARY_DIR}/RelaisConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/RelaisHelpers.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Relais)
