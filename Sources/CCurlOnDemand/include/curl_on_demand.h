// See curl_on_demand.c: nothing here is meant to be called from Swift.
#ifndef CURL_ON_DEMAND_H
#define CURL_ON_DEMAND_H
/// Whether libcurl has been loaded by a call through FoundationNetworking (for tests).
int docgen_curl_on_demand_loaded(void);
#endif
