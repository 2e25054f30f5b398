/* modemu-manifest: the build-time manifest writer lives in libmodemu. */
#include <modemu/embed.h>

int main(int argc, char **argv)
{
    return modemu_manifest_main(argc, argv);
}
