// A C face on toml++ (Debian's libtomlplusplus-dev, used header-only): parse a TOML text into a
// tree docgen owns and frees in one call. TOMLKit, which docgen used before, kept every parsed
// node alive for the life of the process.
#ifndef CTOML_H
#define CTOML_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    CTOML_TABLE, CTOML_ARRAY, CTOML_STRING, CTOML_INTEGER, CTOML_FLOAT, CTOML_BOOLEAN,
    /// Dates and times, with `text` as toml++ writes them (2024-05-01T10:00:00Z).
    CTOML_DATE_TIME,
} ctoml_kind;

typedef struct ctoml_value {
    ctoml_kind kind;
    /// 1-based position of the value in the text (0 if toml++ does not know it).
    uint32_t line;
    uint32_t column;
    /// The member's key when the value is in a table, else NULL.
    const char *key;
    /// Strings, and dates and times as text; NULL otherwise.
    const char *text;
    int64_t integer;
    double number;
    int boolean;
    /// Members of a table (in toml++'s order, by key) or items of an array.
    struct ctoml_value *children;
    size_t count;
} ctoml_value;

typedef struct {
    /// The root table, or NULL when the text does not parse.
    ctoml_value *root;
    /// toml++'s description of the first error, and where it is.
    char *error;
    uint32_t error_line;
    uint32_t error_column;
} ctoml_result;

ctoml_result ctoml_parse(const char *text, size_t length);
/// Frees everything `ctoml_parse` returned.
void ctoml_free(ctoml_result *result);

#ifdef __cplusplus
}
#endif

#endif
