/* Text-to-value parsers for property values (see property.h). */
#include <ctype.h>
#include <string.h>
#include <glib.h>

#include "object/property.h"

bool mm_parse_bool(const char *text, bool *out)
{
    static const char *const yes[] = {"on", "yes", "true", "y", NULL};
    static const char *const no[] = {"off", "no", "false", "n", NULL};
    for (int i = 0; yes[i]; i++)
        if (!strcmp(text, yes[i])) {
            *out = true;
            return true;
        }
    for (int i = 0; no[i]; i++)
        if (!strcmp(text, no[i])) {
            *out = false;
            return true;
        }
    return false;
}

/* log2 of the multiplier for a suffix letter, or -1. */
static int suffix_shift(char c, const char *allowed)
{
    static const char letters[] = "BKMGTPE";
    char up = (char)toupper((unsigned char)c);
    if (!strchr(allowed, up))
        return -1;
    return (int)(strchr(letters, up) - letters) * 10;
}

/* Parses the unsigned magnitude: digits (decimal or 0x hex) then an optional
 * suffix from `suffixes`.  Rejects overflow and trailing garbage. */
static bool parse_magnitude(const char *s, const char *suffixes, uint64_t *out)
{
    int base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    }
    if (!g_ascii_isxdigit(*s) || (base == 10 && !g_ascii_isdigit(*s)))
        return false;
    uint64_t v = 0;
    for (; *s && g_ascii_isxdigit(*s); s++) {
        int d = g_ascii_xdigit_value(*s);
        if (base == 10 && !g_ascii_isdigit(*s))
            break;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            return false;
        v = v * (uint64_t)base + (uint64_t)d;
    }
    if (*s) {
        int shift = s[1] ? -1 : suffix_shift(*s, suffixes);
        if (shift < 0 || (shift && v > (UINT64_MAX >> shift)))
            return false;
        v <<= shift;
    }
    *out = v;
    return true;
}

bool mm_parse_uint(const char *text, uint64_t *out)
{
    if (!text || text[0] == '-' || text[0] == '+')
        return false;
    return parse_magnitude(text, "KMGT", out);
}

bool mm_parse_int(const char *text, int64_t *out)
{
    if (!text)
        return false;
    bool negative = text[0] == '-';
    uint64_t mag;
    if (!parse_magnitude(text + (negative || text[0] == '+'), "KMGT", &mag))
        return false;
    if (negative ? mag > (uint64_t)INT64_MAX + 1 : mag > (uint64_t)INT64_MAX)
        return false;
    *out = negative ? (int64_t)(0 - mag) : (int64_t)mag;
    return true;
}

/* "1.5G": the fraction is scaled by the suffix and must come out whole. */
static bool parse_size_with_fraction(const char *text, const char *dot, uint64_t *out)
{
    if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        return false;
    char *whole_text = g_strndup(text, (gsize)(dot - text));
    uint64_t whole;
    bool ok = parse_magnitude(whole_text, "", &whole);
    g_free(whole_text);
    const char *p = dot + 1;
    uint64_t num = 0, den = 1;
    for (; ok && g_ascii_isdigit(*p) && den < 1000000000000ull; p++) {
        num = num * 10 + (uint64_t)(*p - '0');
        den *= 10;
    }
    if (!ok || p == dot + 1 || !*p || p[1])
        return false;
    int shift = suffix_shift(*p, "BKMGTPE");
    if (shift <= 0 || whole > (UINT64_MAX >> shift))
        return false;
    uint64_t unit = 1ull << shift;
    /* num/den < 1 and unit <= 2^60, so (num * unit) / den needs 128 bits. */
    unsigned __int128 frac = (unsigned __int128)num * unit / den;
    unsigned __int128 total = ((unsigned __int128)whole << shift) + frac;
    if (total > UINT64_MAX)
        return false;
    *out = (uint64_t)total;
    return true;
}

bool mm_parse_size(const char *text, uint64_t *out)
{
    if (!text || !*text || text[0] == '-' || text[0] == '+')
        return false;
    const char *dot = strchr(text, '.');
    if (dot)
        return parse_size_with_fraction(text, dot, out);
    return parse_magnitude(text, "BKMGTPE", out);
}
