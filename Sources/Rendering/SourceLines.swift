/// The lines of a Markdown text by number, as UTF-8 bytes, because cmark reports positions as
/// 1-based line numbers and byte columns.
struct SourceLines {
    private let bytes: [UInt8]
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        bytes.withUnsafeBufferPointer { all in
            for i in all.indices where all[i] == UInt8(ascii: "\n") { starts.append(i + 1) }
        }
        self.starts = starts
    }

    /// Line `number` (1-based) from byte column `column` (1-based), without its line ending.
    func line(_ number: Int, from column: Int = 1) -> Substring {
        guard number >= 1, number <= starts.count else { return "" }
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > starts[number - 1], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let start = min(starts[number - 1] + max(column - 1, 0), end)
        return Substring(decoding: bytes[start..<end], as: UTF8.self)
    }
}
