// The 16-bit library: its offsets are UTF-16 code units, as JavaScript's are, so Prism's
// patterns see the same characters and lengths as in a browser.
#define PCRE2_CODE_UNIT_WIDTH 16
#include <pcre2.h>
