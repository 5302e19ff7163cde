#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// libcurl, opened with `dlopen` the first time an external check needs it.
///
/// docgen does not link libcurl (nor FoundationNetworking, which does): the library and the
/// thirty-odd libraries it pulls in (TLS, Kerberos, LDAP, …) would be loaded at every start and
/// cost ~10 ms even for `docgen validate`, which never goes near the network. Only the few
/// functions the probe needs are looked up, and called through C function pointers.
///
/// `curl_easy_setopt` and `curl_easy_getinfo` are C variadic functions. On x86_64 and arm64 Linux
/// (System V and AAPCS64) a variadic argument is passed exactly as a named one would be, so they
/// are called through non-variadic pointer types with one extra argument of the kind the option
/// takes: a `long`, a data pointer or a function pointer. Apple's arm64 ABI passes variadic
/// arguments on the stack instead, which is why this is Linux-only.
struct LibCurl: @unchecked Sendable {
    /// What an external check reports for every URL when libcurl cannot be loaded.
    static let missingMessage = "external checks need libcurl (apt-get install libcurl4)"

    /// Loaded (and `curl_global_init` called) once, on first use; nil when unavailable.
    /// A static `let` is initialised under a once-lock, which `curl_global_init` needs: it is not
    /// thread-safe.
    static let shared: LibCurl? = load(["libcurl.so.4", "libcurl.so"])

    // C types: `CURL *` is an opaque pointer; `CURLcode`, `CURLoption` and `CURLINFO` are C enums
    // (32-bit ints); `long` and `size_t` are 64-bit on the platforms this runs on.
    typealias Easy = OpaquePointer
    /// `size_t (*)(char *data, size_t size, size_t nmemb, void *userdata)`, the header and write
    /// callbacks. Must not capture context: the context travels in `userdata`.
    typealias DataCallback = @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int

    typealias GlobalInitFunction = @convention(c) (Int) -> Int32
    typealias EasyInitFunction = @convention(c) () -> Easy?
    typealias EasyVoidFunction = @convention(c) (Easy?) -> Void
    typealias EasyPerformFunction = @convention(c) (Easy?) -> Int32
    typealias StrerrorFunction = @convention(c) (Int32) -> UnsafePointer<CChar>?
    /// `curl_easy_setopt(handle, option, long)`
    typealias SetoptLongFunction = @convention(c) (Easy?, Int32, Int) -> Int32
    /// `curl_easy_setopt(handle, option, pointer)` for strings, buffers and callback data.
    typealias SetoptPointerFunction = @convention(c) (Easy?, Int32, UnsafeRawPointer?) -> Int32
    /// `curl_easy_setopt(handle, option, callback)`
    typealias SetoptCallbackFunction = @convention(c) (Easy?, Int32, DataCallback?) -> Int32
    /// `curl_easy_getinfo(handle, info, long *)`
    typealias GetinfoLongFunction = @convention(c) (Easy?, Int32, UnsafeMutablePointer<Int>?) -> Int32

    let easyInit: EasyInitFunction
    let easyCleanup: EasyVoidFunction
    let easyReset: EasyVoidFunction
    let easyPerform: EasyPerformFunction
    let easyStrerror: StrerrorFunction
    let setoptLong: SetoptLongFunction
    let setoptPointer: SetoptPointerFunction
    let setoptCallback: SetoptCallbackFunction
    let getinfoLong: GetinfoLongFunction

    /// Opens the first library of `names` that loads and looks up the functions; nil if none
    /// loads, a function is missing or `curl_global_init` fails.
    static func load(_ names: [String]) -> LibCurl? {
        #if os(Linux)
        for name in names {
            guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            if let curl = LibCurl(library: library) { return curl }
            dlclose(library)
        }
        #endif
        return nil
    }

    private init?(library: UnsafeMutableRawPointer) {
        func function<F>(_ name: String, _ type: F.Type) -> F? {
            guard let address = dlsym(library, name) else { return nil }
            return unsafeBitCast(address, to: F.self)
        }
        guard let globalInit = function("curl_global_init", GlobalInitFunction.self),
              let easyInit = function("curl_easy_init", EasyInitFunction.self),
              let easyCleanup = function("curl_easy_cleanup", EasyVoidFunction.self),
              let easyReset = function("curl_easy_reset", EasyVoidFunction.self),
              let easyPerform = function("curl_easy_perform", EasyPerformFunction.self),
              let easyStrerror = function("curl_easy_strerror", StrerrorFunction.self),
              let setoptLong = function("curl_easy_setopt", SetoptLongFunction.self),
              let setoptPointer = function("curl_easy_setopt", SetoptPointerFunction.self),
              let setoptCallback = function("curl_easy_setopt", SetoptCallbackFunction.self),
              let getinfoLong = function("curl_easy_getinfo", GetinfoLongFunction.self)
        else { return nil }
        guard globalInit(Curl.GLOBAL_DEFAULT) == Curl.E_OK else { return nil }
        self.easyInit = easyInit
        self.easyCleanup = easyCleanup
        self.easyReset = easyReset
        self.easyPerform = easyPerform
        self.easyStrerror = easyStrerror
        self.setoptLong = setoptLong
        self.setoptPointer = setoptPointer
        self.setoptCallback = setoptCallback
        self.getinfoLong = getinfoLong
    }

    func strerror(_ code: Int32) -> String {
        easyStrerror(code).map { String(cString: $0) } ?? "libcurl error \(code)"
    }
}

/// The numeric values of the libcurl constants the probe uses, from curl/curl.h (7.88.1; these
/// values are part of libcurl's stable ABI and never change between versions).
/// Options are `CURLOPTTYPE_* + n`: LONG 0, OBJECTPOINT (strings, data) 10000, FUNCTIONPOINT 20000.
enum Curl {
    /// CURL_GLOBAL_DEFAULT = CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32
    static let GLOBAL_DEFAULT = 3

    // CURLoption
    /// CURLOPT_WRITEDATA = CBPOINT + 1
    static let OPT_WRITEDATA: Int32 = 10001
    /// CURLOPT_URL = STRINGPOINT + 2
    static let OPT_URL: Int32 = 10002
    /// CURLOPT_ERRORBUFFER = OBJECTPOINT + 10 (a CURL_ERROR_SIZE buffer)
    static let OPT_ERRORBUFFER: Int32 = 10010
    /// CURLOPT_WRITEFUNCTION = FUNCTIONPOINT + 11
    static let OPT_WRITEFUNCTION: Int32 = 20011
    /// CURLOPT_USERAGENT = STRINGPOINT + 18
    static let OPT_USERAGENT: Int32 = 10018
    /// CURLOPT_HEADERDATA = CBPOINT + 29
    static let OPT_HEADERDATA: Int32 = 10029
    /// CURLOPT_CUSTOMREQUEST = STRINGPOINT + 36
    static let OPT_CUSTOMREQUEST: Int32 = 10036
    /// CURLOPT_NOBODY = LONG + 44 (a HEAD request for HTTP)
    static let OPT_NOBODY: Int32 = 44
    /// CURLOPT_FOLLOWLOCATION = LONG + 52
    static let OPT_FOLLOWLOCATION: Int32 = 52
    /// CURLOPT_HEADERFUNCTION = FUNCTIONPOINT + 79
    static let OPT_HEADERFUNCTION: Int32 = 20079
    /// CURLOPT_HTTPGET = LONG + 80
    static let OPT_HTTPGET: Int32 = 80
    /// CURLOPT_NOSIGNAL = LONG + 99 (required when handles are used from several threads)
    static let OPT_NOSIGNAL: Int32 = 99
    /// CURLOPT_TIMEOUT_MS = LONG + 155 (the whole transfer, connecting included)
    static let OPT_TIMEOUT_MS: Int32 = 155
    /// CURLOPT_CONNECTTIMEOUT_MS = LONG + 156
    static let OPT_CONNECTTIMEOUT_MS: Int32 = 156
    /// CURLOPT_SUPPRESS_CONNECT_HEADERS = LONG + 265 (7.54.0+): a proxy's CONNECT response is not
    /// passed to the header callback, so it cannot be taken for the server's.
    static let OPT_SUPPRESS_CONNECT_HEADERS: Int32 = 265

    // CURLINFO: CURLINFO_LONG (0x200000) + n
    /// CURLINFO_RESPONSE_CODE = LONG + 2
    static let INFO_RESPONSE_CODE: Int32 = 0x200002
    /// CURLINFO_OS_ERRNO = LONG + 25 (errno of the last failed connect)
    static let INFO_OS_ERRNO: Int32 = 0x200019

    // CURLcode
    static let E_OK: Int32 = 0
    static let E_UNSUPPORTED_PROTOCOL: Int32 = 1
    static let E_URL_MALFORMAT: Int32 = 3
    static let E_COULDNT_RESOLVE_PROXY: Int32 = 5
    static let E_COULDNT_RESOLVE_HOST: Int32 = 6
    static let E_COULDNT_CONNECT: Int32 = 7
    static let E_WEIRD_SERVER_REPLY: Int32 = 8
    /// Also what a header or write callback returning a short count causes.
    static let E_WRITE_ERROR: Int32 = 23
    static let E_OPERATION_TIMEDOUT: Int32 = 28
    static let E_GOT_NOTHING: Int32 = 52
    static let E_SEND_ERROR: Int32 = 55
    static let E_RECV_ERROR: Int32 = 56
    /// SSL_CONNECT_ERROR 35, SSL_ENGINE_NOTFOUND 53, SSL_ENGINE_SETFAILED 54, SSL_CERTPROBLEM 58,
    /// SSL_CIPHER 59, PEER_FAILED_VERIFICATION 60, USE_SSL_FAILED 64, SSL_ENGINE_INITFAILED 66,
    /// SSL_CACERT_BADFILE 77, SSL_SHUTDOWN_FAILED 80, SSL_CRL_BADFILE 82, SSL_ISSUER_ERROR 83,
    /// SSL_PINNEDPUBKEYNOTMATCH 90, SSL_INVALIDCERTSTATUS 91, SSL_CLIENTCERT 98.
    static let E_TLS: Set<Int32> = [35, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98]

    /// CURL_ERROR_SIZE
    static let ERROR_SIZE = 256
}
