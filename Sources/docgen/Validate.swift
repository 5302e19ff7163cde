import Basics
import ArgumentParser
import ConfigValidation
import Content
import Diagnostics
import Foundation
import JSON
import StorageCatalog

extension VerdictFormat: ExpressibleByArgument {}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check cloud-storage configs (CVAT's POST /api/cloudstorages body) against the JSON Schema.",
        discussion: """
        Each FILE is JSON, or YAML when it ends in .yaml or .yml; '-' reads standard input; a \
        folder stands for the .json, .yaml and .yml files in it. The \
        schema is the one `docgen schema` prints, generated from docgen's provider catalog; \
        --schema checks against any other JSON Schema (draft 2020-12) instead.

        Problems are printed as path:line:col: error: /json/pointer: message. Secret values \
        (key, secret_key, session_token, connection_string, key files, unknown keys) never appear \
        in any output.

        Exit codes: 0 all valid, 1 any invalid, 2 usage error or unreadable file.

        Examples:
          docgen validate storage.json
          docgen validate configs/*.json --format github
          cat storage.yaml | docgen validate -
        """
    )

    @Argument(help: ArgumentHelp("Config files or folders of them to check ('-' for standard input).", valueName: "file"))
    var files: [String] = []

    /// File operands taken out of the command line before parsing (see `Docgen.main`).
    nonisolated(unsafe) static var operands: [String] = []

    /// Moves file operands out of `validate`'s arguments, keeping options (and their values) and
    /// everything after `--` for the parser to see. Only worth it for long lists.
    static func splitOperands(_ arguments: [String]) -> ([String], [String]) {
        guard arguments.count > 32 else { return (arguments, []) }
        var kept = [arguments[0]], operands: [String] = []
        var i = 1
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" { operands += arguments[(i + 1)...]; break }
            if argument.hasPrefix("-") && argument != "-" {
                kept.append(argument)
                if ["--schema", "--format"].contains(argument), i + 1 < arguments.count {
                    kept.append(arguments[i + 1])
                    i += 1
                }
            } else {
                operands.append(argument)
            }
            i += 1
        }
        return (kept, operands)
    }

    @Option(name: .long, help: ArgumentHelp("Validate against this JSON Schema instead of the built-in one.", valueName: "schema.json"))
    var schema: String?

    @Option(name: .long, help: "Output: text, json or github (workflow annotations).")
    var format: VerdictFormat = .text

    func validate() throws {
        if files.isEmpty && Self.operands.isEmpty {
            throw ValidationError("give at least one config file, or - for standard input")
        }
    }

    func run() throws {
        try Self.run(files: files + Self.operands, schema: schema, format: format)
    }

    /// The operands of `docgen validate FILE…` when every one is a file (or `-`): then there is
    /// nothing for the parser to decide, and skipping it saves about 2 ms of a 10 ms run, most of
    /// it the Swift runtime's first look at the command types. Anything else returns nil.
    static func plainOperands(_ arguments: ArraySlice<String>) -> [String]? {
        guard !arguments.isEmpty, arguments.allSatisfy({ $0 == "-" || !$0.hasPrefix("-") }) else { return nil }
        return Array(arguments)
    }

    static func run(files operands: [String], schema: String?, format: VerdictFormat) throws {
        let files = expandFolders(operands)
        guard !files.isEmpty else { throw ValidationError("give at least one config file, or - for standard input") }
        let validator: ConfigValidator
        do {
            validator = try makeValidator(schema: schema)
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("docgen validate: error: the schema cannot be used: \(error)")
            throw ExitCode(2)
        }
        let verdicts = parallelMap(files) { file in check(file, with: validator) }
        let output = format.render(verdicts)
        if !output.isEmpty { FileHandle.standardOutput.write(Data(output.utf8)) }
        let code: Int32 = verdicts.contains(where: \.unreadable) ? 2 : verdicts.contains(where: { !$0.valid }) ? 1 : 0
        // Everything is written; skipping the libraries' exit handlers (TLS and network
        // libraries linked for `docgen check --external`) saves a good part of a one-file run.
        fflush(stdout)
        _exit(code)
    }

    /// A folder stands for the JSON and YAML files in it, and in its subfolders, in name order.
    static func expandFolders(_ operands: [String]) -> [String] {
        operands.flatMap { operand -> [String] in
            var isDirectory: ObjCBool = false
            guard operand != "-", FileManager.default.fileExists(atPath: operand, isDirectory: &isDirectory), isDirectory.boolValue else { return [operand] }
            // Hidden files and folders (.git) are left out, as in a site's content.
            let found = FolderWalk(allowedRoots: [operand], allowLinksOutside: true).files(under: operand).files
                .filter { [".json", ".yaml", ".yml"].contains(where: $0.lowercased().hasSuffix) }.sorted()
            return found.map { (operand.hasSuffix("/") ? operand : operand + "/") + $0 }
        }
    }

    static func check(_ file: String, with validator: ConfigValidator) -> FileVerdict {
        let name = file == "-" ? "<stdin>" : file
        var isDirectory: ObjCBool = false
        if file != "-", FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            return FileVerdict(file: name, problems: [unreadable(name, "is a folder, not a file")], unreadable: true)
        }
        let read: Result<[UInt8], FileReadError> = file == "-"
            ? .success([UInt8](FileHandle.standardInput.readDataToEndOfFile())) : readFile(file, limit: Limits.configFileBytes)
        let bytes: [UInt8]
        switch read {
        case .success(let all) where all.count > Limits.configFileBytes:
            return FileVerdict(file: name, problems: [tooLarge(name, all.count)], unreadable: true)
        case .success(let all): bytes = all
        case .failure(.tooLarge(let size, _)): return FileVerdict(file: name, problems: [tooLarge(name, size)], unreadable: true)
        case .failure(let error): return FileVerdict(file: name, problems: [unreadable(name, whyUnreadable(error))], unreadable: true)
        }
        let lower = file.lowercased()
        let isYAML = lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || (file == "-" && looksLikeYAML(bytes))
        switch ConfigDocument.load(bytes: bytes, file: name, isYAML: isYAML) {
        case .failure(let diagnostic):
            let problem = ConfigProblem(file: name, line: diagnostic.location.line, column: diagnostic.location.column,
                                        pointer: "", keyword: "parse", message: diagnostic.message)
            return FileVerdict(file: name, problems: [problem], unreadable: false)
        case .success(let document):
            return FileVerdict(file: name, problems: validator.validate(document), unreadable: false)
        }
    }

    /// Why a config cannot be read, with what to do about it.
    static func whyUnreadable(_ error: FileReadError) -> String {
        switch error {
        case .cannotOpen(ENOENT), .cannotOpen(ENOTDIR):
            return "cannot read the file: there is no such file; check the path (it is relative to the folder docgen runs in, \(FileManager.default.currentDirectoryPath))"
        case .cannotOpen(EACCES), .cannotOpen(EPERM):
            return "cannot read the file: permission denied; the file's permissions do not let you read it (see ls -l)"
        case .notAFile:
            return "cannot read the file: it is a device or a pipe, not a file"
        default:
            return error.message
        }
    }

    static func tooLarge(_ file: String, _ size: Int) -> ConfigProblem {
        unreadable(file, "the file is \(megabytes(size)); configs may be at most \(megabytes(Limits.configFileBytes))")
    }

    static func unreadable(_ file: String, _ message: String) -> ConfigProblem {
        ConfigProblem(file: file, line: 1, column: 1, pointer: "", keyword: "io", message: message)
    }

    /// Standard input has no file name; JSON starts with `{` or `[`, anything else is taken as YAML.
    static func looksLikeYAML(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return false }
        return first != UInt8(ascii: "{") && first != UInt8(ascii: "[")
    }

    static func makeValidator(schema: String?) throws -> ConfigValidator {
        guard let schema else { return try ConfigValidator(schema: SchemaGenerator.schema(Catalog.bundled)) }
        guard case .success(let data) = readFile(schema, limit: Limits.configFileBytes) else {
            printError("docgen validate: error: cannot read the schema \(schema)")
            throw ExitCode(2)
        }
        let root: JSONValue
        do {
            root = try JSONDocument(bytes: data).root
        } catch {
            printError("\(schema):\(error.line):\(error.column): error: \(error.message)")
            throw ExitCode(2)
        }
        let url = URL(fileURLWithPath: schema).standardizedFileURL
        // Schemas may reference files beside them; nothing is fetched from the network.
        return try ConfigValidator(schema: root, baseURI: url.absoluteString) { uri in
            guard uri.hasPrefix("file://"), case .success(let data) = readFile(URL(string: uri)?.path ?? "", limit: Limits.configFileBytes) else { return nil }
            return try? JSONDocument(bytes: data).root
        }
    }
}
