// Why this file exists: docgen serve uses FlyingFox, which imports FoundationNetworking for a
// proxy handler docgen never uses. Linked statically, FoundationNetworking makes libcurl, and the
// thirty libraries libcurl needs, load at every start of every docgen command: 5 ms, a fifth of
// a whole 1x build. The functions below are the libcurl entry points FoundationNetworking calls;
// defined here, they keep libcurl off the list of libraries loaded at start (docgen links with
// --as-needed), and the first call opens libcurl with dlopen and forwards to it. docgen itself
// never makes such a call (its external link checks open libcurl on their own), so in practice
// libcurl is loaded only when `docgen build --check --external` needs it.
#include "curl_on_demand.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static void *library;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void open_library(void) {
    library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libcurl-gnutls.so.4", RTLD_NOW | RTLD_LOCAL);
}

static void *function(const char *name) {
    pthread_once(&once, open_library);
    void *address = library ? dlsym(library, name) : NULL;
    if (!address) {
        fprintf(stderr, "docgen: error: libcurl (libcurl4) is needed here and could not be loaded: %s\n", name);
        abort();
    }
    return address;
}

int docgen_curl_on_demand_loaded(void) { return library != NULL; }

// Every argument and result is a pointer or an integer no wider than a pointer, so each function
// is forwarded as one taking and returning machine words; the variadic option setters take one
// more argument of that kind (a long, a pointer or a curl_off_t).
typedef void *word;
#define FORWARD0(name) word name(void) { return ((word (*)(void))function(#name))(); }
#define FORWARD1(name) word name(word a) { return ((word (*)(word))function(#name))(a); }
#define FORWARD2(name) word name(word a, word b) { return ((word (*)(word, word))function(#name))(a, b); }
#define FORWARD3(name) word name(word a, word b, word c) { return ((word (*)(word, word, word))function(#name))(a, b, c); }
#define FORWARD4(name) word name(word a, word b, word c, word d) { return ((word (*)(word, word, word, word))function(#name))(a, b, c, d); }
#define FORWARD_VARIADIC(name) word name(word a, word b, ...) { \
    va_list rest; va_start(rest, b); word c = va_arg(rest, word); va_end(rest); \
    return ((word (*)(word, word, word))function(#name))(a, b, c); }

FORWARD0(curl_easy_init)
FORWARD1(curl_easy_cleanup)
FORWARD_VARIADIC(curl_easy_getinfo)
FORWARD2(curl_easy_pause)
FORWARD_VARIADIC(curl_easy_setopt)
FORWARD1(curl_easy_strerror)
FORWARD1(curl_free)
FORWARD1(curl_global_init)
FORWARD2(curl_multi_add_handle)
FORWARD3(curl_multi_assign)
FORWARD1(curl_multi_cleanup)
FORWARD2(curl_multi_info_read)
FORWARD0(curl_multi_init)
FORWARD2(curl_multi_remove_handle)
FORWARD_VARIADIC(curl_multi_setopt)
FORWARD4(curl_multi_socket_action)
FORWARD2(curl_slist_append)
FORWARD1(curl_slist_free_all)
FORWARD0(curl_url)
FORWARD4(curl_url_get)
FORWARD4(curl_url_set)
FORWARD0(curl_version)
FORWARD1(curl_version_info)
