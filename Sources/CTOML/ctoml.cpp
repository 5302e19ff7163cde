#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#include <toml++/toml.h>

#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include "ctoml.h"

namespace {

char *copy(std::string_view text) {
    char *out = static_cast<char *>(std::malloc(text.size() + 1));
    std::memcpy(out, text.data(), text.size());
    out[text.size()] = 0;
    return out;
}

template <typename T> char *written(const T &value) {
    std::ostringstream stream;
    stream << value;
    return copy(stream.str());
}

void fill(ctoml_value &out, const toml::node &node) {
    out.line = node.source().begin.line;
    out.column = node.source().begin.column;
    if (auto table = node.as_table()) {
        out.kind = CTOML_TABLE;
        out.count = table->size();
        out.children = static_cast<ctoml_value *>(std::calloc(out.count ? out.count : 1, sizeof(ctoml_value)));
        size_t i = 0;
        for (auto &&[key, value] : *table) {
            out.children[i].key = copy(key.str());
            fill(out.children[i], value);
            i++;
        }
    } else if (auto array = node.as_array()) {
        out.kind = CTOML_ARRAY;
        out.count = array->size();
        out.children = static_cast<ctoml_value *>(std::calloc(out.count ? out.count : 1, sizeof(ctoml_value)));
        for (size_t i = 0; i < out.count; i++) fill(out.children[i], (*array)[i]);
    } else if (auto s = node.as_string()) {
        out.kind = CTOML_STRING;
        out.text = copy(s->get());
    } else if (auto n = node.as_integer()) {
        out.kind = CTOML_INTEGER;
        out.integer = n->get();
    } else if (auto d = node.as_floating_point()) {
        out.kind = CTOML_FLOAT;
        out.number = d->get();
    } else if (auto b = node.as_boolean()) {
        out.kind = CTOML_BOOLEAN;
        out.boolean = b->get() ? 1 : 0;
    } else if (auto date = node.as_date()) {
        out.kind = CTOML_DATE_TIME;
        out.text = written(date->get());
    } else if (auto time = node.as_time()) {
        out.kind = CTOML_DATE_TIME;
        out.text = written(time->get());
    } else if (auto dateTime = node.as_date_time()) {
        out.kind = CTOML_DATE_TIME;
        out.text = written(dateTime->get());
    }
}

void release(ctoml_value &value) {
    std::free(const_cast<char *>(value.key));
    std::free(const_cast<char *>(value.text));
    for (size_t i = 0; i < value.count; i++) release(value.children[i]);
    std::free(value.children);
}

}  // namespace

extern "C" ctoml_result ctoml_parse(const char *text, size_t length) {
    ctoml_result result{};
    toml::parse_result parsed = toml::parse(std::string_view(text, length));
    if (!parsed) {
        const toml::parse_error &error = parsed.error();
        result.error = copy(error.description());
        result.error_line = error.source().begin.line;
        result.error_column = error.source().begin.column;
        return result;
    }
    result.root = static_cast<ctoml_value *>(std::calloc(1, sizeof(ctoml_value)));
    fill(*result.root, parsed.table());
    return result;
}

extern "C" void ctoml_free(ctoml_result *result) {
    if (result->root) {
        release(*result->root);
        std::free(result->root);
    }
    std::free(result->error);
    result->root = nullptr;
    result->error = nullptr;
}
