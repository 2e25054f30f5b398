# modemu_add_plugin(<name> SOURCES <files...> [LIBRARIES <targets...>])
#
# Builds plugins/<name> as a MODULE library <build>/plugins/<name>.so linked to
# libmodemu, and generates <build>/plugins/<name>.manifest from the plugin's own
# descriptor at build time (see core/plugin/ and tools/modemu-manifest), so the
# manifest can never disagree with the code.
set(MODEMU_PLUGIN_BUILD_DIR "${CMAKE_BINARY_DIR}/plugins")

function(modemu_add_plugin name)
  cmake_parse_arguments(P "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_library(plugin-${name} MODULE ${P_SOURCES})
  set_target_properties(plugin-${name} PROPERTIES
    PREFIX "" OUTPUT_NAME "${name}"
    LIBRARY_OUTPUT_DIRECTORY "${MODEMU_PLUGIN_BUILD_DIR}"
    C_VISIBILITY_PRESET hidden)
  target_link_libraries(plugin-${name} PRIVATE modemu-plugin-api ${P_LIBRARIES})
  target_link_options(plugin-${name} PRIVATE -Wl,--no-undefined)
  if(TARGET modemu-manifest)
    add_custom_command(TARGET plugin-${name} POST_BUILD
      COMMAND modemu-manifest "$<TARGET_FILE:plugin-${name}>" "${MODEMU_PLUGIN_BUILD_DIR}/${name}.manifest"
      COMMENT "Generating manifest for plugin ${name}")
    install(FILES "${MODEMU_PLUGIN_BUILD_DIR}/${name}.manifest" DESTINATION ${MODEMU_PLUGIN_INSTALL_DIR})
  endif()
  install(TARGETS plugin-${name} LIBRARY DESTINATION ${MODEMU_PLUGIN_INSTALL_DIR})
endfunction()
