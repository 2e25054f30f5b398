# The installed SDK for out-of-tree plugins: a pkg-config file
# (lib/pkgconfig/modemu-plugin.pc) and a CMake package
# (lib/cmake/modemu/modemuConfig.cmake) providing modemu::plugin and
# modemu_add_plugin().  Headers, libmodemu and modemu-manifest are installed by
# plugin-api/ and core/.  Both files locate the installation relative to
# themselves, so `cmake --install --prefix ELSEWHERE` yields a working SDK.
include(CMakePackageConfigHelpers)

set(MODEMU_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/modemu")
set(MODEMU_PKGCONFIG_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

# Paths of the config file's directory back to the prefix, and of the prefix
# to the other directories, all relative.
file(RELATIVE_PATH MODEMU_CONFIG_TO_PREFIX "/prefix/${MODEMU_CMAKE_INSTALL_DIR}" "/prefix")
file(RELATIVE_PATH MODEMU_PC_TO_PREFIX "/prefix/${MODEMU_PKGCONFIG_INSTALL_DIR}" "/prefix")

configure_file("${CMAKE_CURRENT_LIST_DIR}/modemuConfig.cmake.in"
  "${CMAKE_BINARY_DIR}/sdk/modemuConfig.cmake" @ONLY)
write_basic_package_version_file("${CMAKE_BINARY_DIR}/sdk/modemuConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY ExactVersion)
configure_file("${CMAKE_CURRENT_LIST_DIR}/modemu-plugin.pc.in"
  "${CMAKE_BINARY_DIR}/sdk/modemu-plugin.pc" @ONLY)

install(FILES "${CMAKE_BINARY_DIR}/sdk/modemuConfig.cmake"
              "${CMAKE_BINARY_DIR}/sdk/modemuConfigVersion.cmake"
        DESTINATION "${MODEMU_CMAKE_INSTALL_DIR}")
install(FILES "${CMAKE_BINARY_DIR}/sdk/modemu-plugin.pc"
        DESTINATION "${MODEMU_PKGCONFIG_INSTALL_DIR}")
# The plugin directory exists even in an installation without plugins, so
# third-party plugins have somewhere to go.
install(DIRECTORY DESTINATION "${MODEMU_PLUGIN_INSTALL_DIR}")
