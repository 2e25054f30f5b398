/*
 * The emulator's entry point.  modemu-system-x86_64 is a one-line program that
 * calls this, so the whole emulator lives in libmodemu and the executable and
 * plugins share one instance of the core (one type registry, one machine).
 */
#ifndef MODEMU_EMBED_H
#define MODEMU_EMBED_H

#include <modemu/abi.h>

/* Parses a QEMU-style command line, builds the machine, runs it; returns the
 * process exit status. */
MM_API int modemu_main(int argc, char **argv);

/* Build-time tool `modemu-manifest PLUGIN.so OUT.manifest`: loads a plugin's
 * descriptor and writes the manifest that run-time listing reads. */
MM_API int modemu_manifest_main(int argc, char **argv);

#endif
