// libFuzzer entry point for every docgen fuzz target. One executable holds them all; the target
// is chosen by the DOCGEN_FUZZ_TARGET environment variable (scripts/fuzz.sh sets it).
//
// The module is compiled with -parse-as-library (no top-level code, see Package.swift). SwiftPM's
// debug builds link an executable with `--defsym main=<Module>_main` (so that tests can link the
// executable's code), which rules out libFuzzer's own `main`; `DocgenFuzz_main` below stands in
// for it and hands over to libFuzzer's driver, as libFuzzer's `main` does.

#if canImport(Glibc)
import Glibc
#endif

/// A fuzz target: gets the input bytes, must return normally for every input. Anything that
/// should never happen (a broken invariant) calls `fuzzFailure`, which aborts: a finding.
typealias FuzzTarget = (UnsafeBufferPointer<UInt8>) -> Void

let fuzzTargets: [(name: String, run: FuzzTarget)] = [
    ("frontmatter", fuzzFrontMatter),
    ("shortcodes", fuzzShortcodes),
    ("page", fuzzPage),
    ("json", fuzzJSON),
    ("validate", fuzzValidate),
    ("html", fuzzHTML),
]

/// Chosen once, on the first input (`LLVMFuzzerInitialize` is optional for libFuzzer).
nonisolated(unsafe) var selectedTarget: FuzzTarget?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: CArguments) -> Int32 {
    let name = getenv("DOCGEN_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = fuzzTargets.first(where: { $0.name == name }) else {
        let known = fuzzTargets.map(\.name).joined(separator: ", ")
        fputs("docgen-fuzz: set DOCGEN_FUZZ_TARGET to one of: \(known) (got '\(name)')\n", stderr)
        exit(2)
    }
    selectedTarget = target.run
    // Memory that libraries set aside once per process (cmark-gfm registers its extensions in a
    // global list that LeakSanitizer cannot see into) is not a leak of any input: allocations
    // made while preparing are ignored. Every input's own allocations are still checked.
    __lsan_disable()
    prepare(target.name)
    __lsan_enable()
    return 0
}

public typealias CArguments = UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>

/// libFuzzer's driver (FuzzerDriver.cpp, public since LLVM 11): parses the flags and fuzzes.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: CArguments,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("DocgenFuzz_main")
public func docgenFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTestOneInput(data, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: size == 0 ? nil : data, count: size)
    selectedTarget?(bytes)
    return 0
}

@_silgen_name("__lsan_disable") func __lsan_disable()
@_silgen_name("__lsan_enable") func __lsan_enable()

/// Work done once per process so that inputs measure only the code under test.
func prepare(_ name: String) {
    switch name {
    case "page": _ = PageFixture.shared
    case "validate": _ = ValidateFixture.validator
    default: break
    }
}

/// A broken invariant: print what and abort, so libFuzzer saves the input as a crash.
func fuzzFailure(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    fputs("docgen-fuzz: invariant broken at \(file):\(line): \(message)\n", stderr)
    abort()
}

/// The input as text. The loaders reject invalid UTF-8 before any parser sees it, so invalid
/// sequences are repaired (U+FFFD) rather than skipped: every input reaches the parser.
func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
}
