# Install rules: headers, a CMake package (config, version, targets) and a pkg-config file, plus
# a build-tree export so find_package(wwwauth CONFIG) also works against a build folder.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS wwwauth EXPORT wwwauth-targets)
install(DIRECTORY include/wwwauth DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(wwwauth_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/wwwauth)
install(EXPORT wwwauth-targets NAMESPACE wwwauth:: DESTINATION ${wwwauth_cmake_dir})
export(EXPORT wwwauth-targets NAMESPACE wwwauth::
       FILE ${PROJECT_BINARY_DIR}/wwwauth-targets.cmake)

configure_package_config_file(cmake/wwwauth-config.cmake.in
  ${PROJECT_BINARY_DIR}/wwwauth-config.cmake INSTALL_DESTINATION ${wwwauth_cmake_dir})
# Header-only: the version file must not reject a consumer built for another architecture.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/wwwauth-config-version.cmake
  COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/wwwauth-config.cmake
              ${PROJECT_BINARY_DIR}/wwwauth-config-version.cmake
        DESTINATION ${wwwauth_cmake_dir})

configure_file(cmake/wwwauth.pc.in ${PROJECT_BINARY_DIR}/wwwauth.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/wwwauth.pc DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)
