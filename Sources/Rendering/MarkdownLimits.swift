import Basics
import Diagnostics

/// Finds Markdown that cmark-gfm would take unbounded memory or time over, before it is parsed:
/// a line of many nested block quotes or list markers (a block each), a table row of very many
/// cells (the table extension's time grows with the square of them), and tables whose short
/// rows cmark-gfm pads to millions of empty cells. This is a scan of line starts and `|`
/// characters, not a Markdown parser: it over-counts where it cannot tell (a `|` in a code
/// span), and the limits are far above what real pages reach.
public enum MarkdownLimits {
    public struct Violation: Sendable, Equatable {
        /// 1-based, within the text scanned.
        public var line: Int
        public var column: Int
        public var message: String
    }

    public static func firstViolation(in text: String) -> Violation? {
        var text = text
        return text.withUTF8 { firstViolation(in: $0) }
    }

    public static func firstViolation(in bytes: UnsafeBufferPointer<UInt8>) -> Violation? {
        var line = 1
        var start = 0
        var cells = 0
        // The columns of the table whose rows are being counted, or 0 outside a table.
        var tableColumns = 0
        while start < bytes.count {
            // Runs over every page twice (its text, then what cmark-gfm gets), so the bytes are
            // searched with memchr: most lines have no '|' at all.
            let end = byteIndex(of: UInt8(ascii: "\n"), in: bytes, from: start) ?? bytes.count
            var pipes = 0
            var from = start
            while let found = byteIndex(of: UInt8(ascii: "|"), in: bytes, from: from, to: end) {
                pipes += 1
                from = found + 1
            }
            let row = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if pipes > Limits.tablePipesPerLine {
                return Violation(line: line, column: 1, message: "this line has \(pipes) '|' characters, more than the "
                    + "\(Limits.tablePipesPerLine) a table row may have; split the table")
            }
            let (markers, column) = containerMarkers(row)
            if markers > Limits.markdownNesting && !isThematicBreak(row) {
                return Violation(line: line, column: column, message: "block quotes and lists are nested more than "
                    + "\(Limits.markdownNesting) deep on this line; use fewer '>' or list markers")
            }
            // Most lines start with a letter: only those that start with a space need a full look.
            let blank = row.isEmpty || ((row[0] == UInt8(ascii: " ") || row[0] == UInt8(ascii: "\t") || row[0] == UInt8(ascii: "\r")) && isBlank(row))
            if blank {
                tableColumns = 0
            } else if tableColumns > 0 {
                cells += tableColumns
            } else if pipes > 0, let columns = delimiterRowColumns(row) {
                tableColumns = columns
                cells += 2 * columns  // the header row and this one
            }
            if cells > Limits.tableCells {
                return Violation(line: line, column: 1, message: "the tables of this page have more than \(Limits.tableCells) "
                    + "cells (short rows are filled up to the header's width); split them or use fewer columns")
            }
            start = end + 1
            line += 1
        }
        return nil
    }


    /// How many `>`, `-`, `+`, `*` and `1.` markers open the line, and the column after the last.
    static func containerMarkers(_ row: UnsafeBufferPointer<UInt8>) -> (count: Int, column: Int) {
        var count = 0, i = 0
        func isSpace(_ at: Int) -> Bool { at < row.count && (row[at] == UInt8(ascii: " ") || row[at] == UInt8(ascii: "\t")) }
        while i < row.count {
            let byte = row[i]
            if isSpace(i) {
                i += 1
            } else if byte == UInt8(ascii: ">") {
                count += 1
                i += 1
            } else if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*")) && (i + 1 == row.count || isSpace(i + 1)) {
                count += 1
                i += 1
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                var j = i
                while j < row.count && j - i < 9 && row[j] >= UInt8(ascii: "0") && row[j] <= UInt8(ascii: "9") { j += 1 }
                guard j < row.count, row[j] == UInt8(ascii: ".") || row[j] == UInt8(ascii: ")"), j + 1 == row.count || isSpace(j + 1) else { break }
                count += 1
                i = j + 1
            } else {
                break
            }
        }
        return (count, i + 1)
    }

    /// `- - -` and `* * *` of any length are a rule, not lists.
    static func isThematicBreak(_ row: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let mark = row.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
              mark == UInt8(ascii: "-") || mark == UInt8(ascii: "*") || mark == UInt8(ascii: "_") else { return false }
        return row.allSatisfy { $0 == mark || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    static func isBlank(_ row: UnsafeBufferPointer<UInt8>) -> Bool {
        row.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    /// The cells of a GFM delimiter row (`| --- | :-: |`), or nil when the line is not one.
    static func delimiterRowColumns(_ row: UnsafeBufferPointer<UInt8>) -> Int? {
        var columns = 0, inCell = false
        for byte in row {
            switch byte {
            case UInt8(ascii: "-"):
                if !inCell { columns += 1; inCell = true }
            case UInt8(ascii: "|"): inCell = false
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return nil
            }
        }
        return columns > 0 ? columns : nil
    }
}
