// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "docgen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docgen", targets: ["docgen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // docgen serve's HTTP and WebSocket server: no dependencies of its own, so it adds about
        // 15 s to a clean build where Hummingbird with its WebSocket package adds 80-150 s.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // System libraries: the parsers we rely on instead of writing our own.
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // PCRE2's 16-bit library runs Prism's JavaScript regular expressions for highlighting.
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-16", providers: [.apt(["libpcre2-dev"])]),
        // Hugo sites also write front matter in TOML (+++): Debian's toml++ (libtomlplusplus-dev,
        // header-only), behind a small C face so that docgen owns and frees what it parses.
        .target(name: "CTOML"),
        // libcurl's entry points, opened on first use: see the file for why.
        .target(name: "CCurlOnDemand", exclude: ["link"], linkerSettings: [.linkedLibrary("dl")]),

        // Pipeline stages, one library each: load → shortcodes → markdown → templates → write.
        .target(name: "Diagnostics"),
        // One of each helper every stage shares: reading a file, walking a folder, a parallel map, ASCII bytes.
        .target(name: "Basics", dependencies: ["Diagnostics"]),
        .target(name: "JSON", dependencies: ["Diagnostics"]),
        .target(name: "JSONSchema", dependencies: ["JSON", "Basics", "Diagnostics"]),
        .target(name: "Content", dependencies: ["CYAML", "CTOML", "Basics", "Diagnostics"]),
        .target(name: "Shortcodes", dependencies: ["Basics", "Diagnostics"]),
        .target(name: "StorageCatalog", dependencies: ["Basics", "Content", "JSON", "Rendering", "Diagnostics"],
                exclude: ["Embedded"], plugins: ["EmbedDefaultTemplates"]),
        .target(name: "ConfigValidation", dependencies: ["JSON", "JSONSchema", "Content", "Basics", "Diagnostics"]),
        // Build-time syntax highlighting: Prism 1.29's grammars (data) run by a port of its tokenizer.
        .target(name: "Highlight", dependencies: ["CPCRE2", "JSON", "Basics", "Diagnostics"],
                exclude: ["Embedded"], plugins: ["EmbedDefaultTemplates"]),
        .target(name: "Rendering", dependencies: [
            "CCmarkGFM", "Highlight", "Basics", "Diagnostics", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "Site", dependencies: ["Basics", "Content", "Shortcodes", "Rendering", "Highlight", "StorageCatalog", "ConfigValidation", "JSON", "LinkCheck", "Diagnostics",
                                             .product(name: "Mustache", package: "swift-mustache")],
                plugins: ["EmbedDefaultTemplates"]),
        .target(name: "LinkCheck", dependencies: ["JSON", "Basics", "Diagnostics"]),
        // docgen serve: the in-memory site over HTTP, file watching, live reload.
        .target(name: "Serve", dependencies: ["Site", "JSON", "Basics", "Diagnostics", .product(name: "FlyingFox", package: "FlyingFox"),
                                              .product(name: "FlyingSocks", package: "FlyingFox")]),
        // The default templates are compiled into the binary, so docgen works wherever it is copied.
        .executableTarget(name: "EmbedFiles"),
        .plugin(name: "EmbedDefaultTemplates", capability: .buildTool(), dependencies: ["EmbedFiles"]),
        .executableTarget(name: "docgen", dependencies: [
            "Site", "Serve", "Rendering", "StorageCatalog", "JSON", "ConfigValidation", "LinkCheck", "Basics", "Diagnostics", "CCurlOnDemand",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [.unsafeFlags(["-L", Context.packageDirectory + "/Sources/CCurlOnDemand/link"])]),

        .testTarget(name: "BasicsTests", dependencies: ["Basics"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "ShortcodesTests", dependencies: ["Shortcodes"]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering"]),
        .testTarget(name: "HighlightTests", dependencies: ["Highlight", "Rendering", "CCmarkGFM"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Content", "Rendering", "Highlight", "Basics", "Diagnostics"], exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["docgen"]),
        .testTarget(name: "ServeTests", dependencies: ["Serve", "Site", "Basics", "Diagnostics"]),
        .testTarget(name: "LinkCheckTests", dependencies: ["LinkCheck"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"]),
        .testTarget(name: "StorageCatalogTests", dependencies: ["StorageCatalog", "JSON", "Diagnostics"]),
        .testTarget(name: "ConfigValidationTests", dependencies: ["ConfigValidation", "StorageCatalog", "JSON", "Diagnostics"]),
    ],
    swiftLanguageModes: [.v5],
    cxxLanguageStandard: .cxx17
)

// Fuzzing (`make fuzz`, scripts/fuzz.sh): one libFuzzer executable with a target per stage, only
// when DOCGEN_FUZZ is set, so that plain `swift build` and `swift test` never see it. libFuzzer
// supplies `main`, so the sources are compiled as a library (-parse-as-library: no top-level code).
// Every module gets ASan and coverage from the command line; libFuzzer itself is linked into this
// executable alone (the build-tool plugin's EmbedFiles gets the same flags, and has its own main).
if Context.environment["DOCGEN_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "DocgenFuzz",
        dependencies: ["Basics", "Content", "Shortcodes", "Site", "Rendering", "JSON", "ConfigValidation", "StorageCatalog",
                       "LinkCheck", "Diagnostics"],
        path: "Fuzz/FuzzTargets",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]))
}
