# modemu_add_plugin(<name> SOURCES <files...> [LIBRARIES <targets...>]
#                   [REQUIRES <plugin names...>])
#
# Builds plugins/<name> as a MODULE library <build>/plugins/<name>.so linked to
# libmodemu, and generates <build>/plugins/<name>.manifest from the plugin's own
# descriptor at build time (core/plugin/manifest_tool.c, run as the
# modemu-manifest executable), so the manifest can never disagree with the
# code.  REQUIRES names plugins this one's descriptor requires: they are built
# first because the manifest tool loads them to list inherited properties.
#
# Third-party plugins use the installed twin of this function from the CMake
# package (cmake/modemuConfig.cmake.in); ModemuSdk.cmake installs that package.
set(MODEMU_PLUGIN_BUILD_DIR "${CMAKE_BINARY_DIR}/plugins")

function(modemu_add_plugin name)
  cmake_parse_arguments(P "" "" "SOURCES;LIBRARIES;REQUIRES" ${ARGN})
  add_library(plugin-${name} MODULE ${P_SOURCES})
  set_target_properties(plugin-${name} PROPERTIES
    PREFIX "" OUTPUT_NAME "${name}"
    LIBRARY_OUTPUT_DIRECTORY "${MODEMU_PLUGIN_BUILD_DIR}"
    C_VISIBILITY_PRESET hidden)
  target_link_libraries(plugin-${name} PRIVATE modemu-plugin-api ${P_LIBRARIES})
  target_link_options(plugin-${name} PRIVATE -Wl,--no-undefined)
  foreach(req ${P_REQUIRES})
    add_dependencies(plugin-${name} plugin-${req})
  endforeach()
  if(TARGET modemu-manifest)
    # MODEMU_PLUGIN_PATH_ONLY: dependencies come from the build tree (the tool
    # adds the plugin's own directory), never from an older installation.
    add_custom_command(TARGET plugin-${name} POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E env MODEMU_PLUGIN_PATH_ONLY=1
              $<TARGET_FILE:modemu-manifest> "$<TARGET_FILE:plugin-${name}>"
              "${MODEMU_PLUGIN_BUILD_DIR}/${name}.manifest"
      COMMENT "Generating manifest for plugin ${name}")
    add_dependencies(plugin-${name} modemu-manifest)
    install(FILES "${MODEMU_PLUGIN_BUILD_DIR}/${name}.manifest" DESTINATION ${MODEMU_PLUGIN_INSTALL_DIR})
  endif()
  install(TARGETS plugin-${name} LIBRARY DESTINATION ${MODEMU_PLUGIN_INSTALL_DIR})
endfunction()

include("${CMAKE_CURRENT_LIST_DIR}/ModemuSdk.cmake")
