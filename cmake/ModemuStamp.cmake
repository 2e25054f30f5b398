# The build stamp: a digest of the plugin-API headers and the project version.
# A plugin records the stamp of the SDK it was built against; the core refuses a
# plugin whose stamp differs, which catches ABI drift that nobody bumped
# MODEMU_PLUGIN_ABI_VERSION for.  It is deterministic, so rebuilding the same
# tree does not invalidate installed third-party plugins.
file(GLOB _modemu_api_headers "${CMAKE_SOURCE_DIR}/plugin-api/modemu/*.h")
list(SORT _modemu_api_headers)
set(_modemu_stamp_input "${PROJECT_VERSION}")
foreach(h ${_modemu_api_headers})
  file(SHA256 "${h}" _h)
  string(APPEND _modemu_stamp_input ":${_h}")
endforeach()
string(SHA256 _modemu_stamp_full "${_modemu_stamp_input}")
string(SUBSTRING "${_modemu_stamp_full}" 0 16 MODEMU_BUILD_STAMP)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_modemu_api_headers})
message(STATUS "modemu build stamp: ${MODEMU_BUILD_STAMP}")
