/*
 * The built-in catalog (core-internal): which plugin provides a well-known
 * name, so a name whose plugin is not installed gets "display 'vnc' is
 * provided by plugin ui-vnc, which is not installed" rather than "unknown".
 * Discovered manifests always take precedence over the catalog.
 */
#ifndef MODEMU_PLUGIN_CATALOG_H
#define MODEMU_PLUGIN_CATALOG_H

/* The plugin that normally provides kind/name, or NULL.  A catalog name
 * ending in '*' matches by prefix ("usb-*"). */
const char *mm_catalog_plugin_for(const char *kind, const char *name);

/* How messages name a kind: "display", "netdev", "device", "block format" ... */
const char *mm_kind_label(const char *kind);

#endif
