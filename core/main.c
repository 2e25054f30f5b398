/* modemu-system-x86_64: the whole emulator lives in libmodemu. */
#include <modemu/embed.h>

int main(int argc, char **argv)
{
    return modemu_main(argc, argv);
}
