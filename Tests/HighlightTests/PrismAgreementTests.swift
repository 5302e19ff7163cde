import CCmarkGFM
import Foundation
import Testing
@testable import Highlight

/// docgen's highlighter against Prism 1.29 itself, run by Node on the same code: every fenced
/// block of the CVAT manual and of the repository's own docs must come out as the same HTML.
@Suite struct PrismAgreementTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL.path
    static let corpus = repository + "/../shared/corpus/cvat/content"
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let available = node != nil && FileManager.default.fileExists(atPath: "/usr/share/nodejs/prismjs/prism.js")
        && FileManager.default.fileExists(atPath: corpus)

    struct Block {
        var file: String
        var language: String
        var code: String
    }

    /// The fenced blocks of the Markdown files under `folder`, as cmark-gfm reads them.
    static func blocks(under folder: String) -> [Block] {
        var blocks: [Block] = []
        let files = (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".md") }.sorted()
        for file in files {
            guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8),
                  let document = cmark_parse_document(text, text.utf8.count, 0) else { continue }
            defer { cmark_node_free(document) }
            let iterator = cmark_iter_new(document)
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                let node = cmark_iter_get_node(iterator)
                var length: Int32 = 0, offset: Int32 = 0, character: CChar = 0
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK,
                      cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { continue }
                let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                let language = String(info.prefix { $0 != " " && $0 != "{" && $0 != "\t" })
                blocks.append(Block(file: file, language: language, code: String(cString: cmark_node_get_literal(node))))
            }
        }
        return blocks
    }

    /// Prism's HTML for each block (its plain encoding where docgen has no grammar), from one
    /// Node process running scripts/prism-highlight.js.
    static func prism(_ requests: [(code: String, grammar: String?)]) throws -> [String] {
        let input = try JSONSerialization.data(withJSONObject: requests.map { ["code": $0.code, "language": $0.grammar ?? NSNull()] as [String: Any] })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node!)
        process.arguments = [repository + "/scripts/prism-highlight.js"]
        process.environment = ["NODE_PATH": "/usr/share/nodejs"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Written from another thread: the output pipe must be read while the input is written.
        DispatchQueue.global().async {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONSerialization.jsonObject(with: output) as? [String] ?? []
    }

    /// Where two texts part, with some text before: "…common| docgen: … | Prism: …".
    static func firstDifference(_ a: String, _ b: String) -> String {
        let a = Array(a.utf16), b = Array(b.utf16)
        let common = zip(a, b).prefix { $0 == $1 }.count
        func text(_ units: ArraySlice<UInt16>) -> String { String(decoding: units, as: UTF16.self) }
        return "…\(text(a[max(0, common - 120)..<common])) | docgen: \(text(a[common..<min(a.count, common + 160)]))"
            + " | Prism: \(text(b[common..<min(b.count, common + 160)]))"
    }

    @Test(.enabled(if: available, "node, Debian's node-prismjs or ../shared/corpus is missing: comparison with Prism skipped"))
    func sameHTMLAsPrism() throws {
        let blocks = Self.blocks(under: Self.corpus).map { ($0, "cvat") } + Self.blocks(under: Self.repository + "/content").map { ($0, "own") }
        let highlighter = Highlighter()
        let ours = blocks.map { highlighter.highlight($0.0.code, language: $0.0.language) }
        let theirs = try Self.prism(zip(blocks, ours).map { ($0.0.code, $1.grammar) })
        try #require(theirs.count == blocks.count)
        var differ: [String] = []
        for (i, (block, set)) in blocks.enumerated() where ours[i].html != theirs[i] {
            differ.append("\(set) \(block.file) (\(block.language)): " + Self.firstDifference(ours[i].html, theirs[i]))
        }
        let cvat = blocks.filter { $0.1 == "cvat" }.count
        let highlighted = ours.filter { $0.grammar != nil }.count
        print("highlight vs Prism 1.29 under Node: \(blocks.count) blocks compared (\(cvat) CVAT, \(blocks.count - cvat) own docs; "
              + "\(highlighted) highlighted, \(blocks.count - highlighted) plain), \(blocks.count - differ.count) identical")
        #expect(cvat >= 600)
        #expect(ours.allSatisfy { $0.failure == nil })
        #expect(differ.isEmpty, "\(differ.joined(separator: "\n"))")
    }
}
