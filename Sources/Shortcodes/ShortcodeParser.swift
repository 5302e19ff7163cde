import Diagnostics

/// Splits a page body into text and shortcode calls, nesting paired shortcodes.
///
/// - Parameters:
///   - body: the Markdown after the front matter.
///   - file: the path used in diagnostics.
///   - startLine: the 1-based line of the file on which `body` starts, so positions point into
///     the file rather than into the body.
/// - Returns: the segments and every problem found, sorted by position. Parsing never stops at
///   the first problem: broken tags are recovered from so one run can list all mistakes.
public func parseShortcodes(in body: String, file: String, startLine: Int = 1)
    -> (document: ShortcodeDocument, diagnostics: [Diagnostic]) {
    // Native strings hand out their UTF-8 storage directly; bridged ones are copied once.
    if let result = body.utf8.withContiguousStorageIfAvailable({
        parse(ByteView(base: $0), file: file, startLine: startLine)
    }) {
        return result
    }
    return Array(body.utf8).withUnsafeBufferPointer {
        parse(ByteView(base: $0), file: file, startLine: startLine)
    }
}

private func parse(_ bytes: ByteView, file: String, startLine: Int)
    -> (document: ShortcodeDocument, diagnostics: [Diagnostic]) {
    var scanner = TagScanner(bytes: bytes, file: file, startLine: startLine, sink: Pairing())
    scanner.scan()
    var pairing = scanner.sink
    let paired = pairing.finish()
    let diagnostics = (scanner.diagnostics + paired.diagnostics).sortedByLocation()
    return (ShortcodeDocument(segments: paired.segments), diagnostics)
}
