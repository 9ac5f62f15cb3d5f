# Install rules: headers, a CMake package (config, version, targets) and a pkg-config file, plus
# a build-tree export so find_package(wwwauth CONFIG) also works against a build folder.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS wwwauth EXPORT wwwauth-targets)
install(DIRECTORY include/wwwauth DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# A header-only library is the same on every architecture: its CMake package lives in the
# arch-independent datadir (share/cmake/wwwauth), which find_package searches as well.
set(wwwauth_cmake_dir ${CMAKE_INSTALL_DATADIR}/cmake/wwwauth)
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

# pkg-config: the prefix is the path from the .pc file's folder back up to the install prefix
# (share/pkgconfig -> ../..), so it follows `cmake --install --prefix` and a moved tree. Absolute
# datadir or includedir settings are used as given.
set(wwwauth_pc_dir ${CMAKE_INSTALL_DATADIR}/pkgconfig)
if(IS_ABSOLUTE "${CMAKE_INSTALL_DATADIR}")
  set(wwwauth_pc_prefix "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH wwwauth_pc_up /prefix/${wwwauth_pc_dir} /prefix)
  string(REGEX REPLACE "/$" "" wwwauth_pc_up "${wwwauth_pc_up}")
  set(wwwauth_pc_prefix "\${pcfiledir}/${wwwauth_pc_up}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(wwwauth_pc_includedir "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(wwwauth_pc_includedir "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(cmake/wwwauth.pc.in ${PROJECT_BINARY_DIR}/wwwauth.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/wwwauth.pc DESTINATION ${wwwauth_pc_dir})
