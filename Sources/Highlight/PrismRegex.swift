import CPCRE2

/// One of Prism's JavaScript regular expressions, compiled by PCRE2 (16-bit, JIT) with the
/// options that make it match as JavaScript does: `[^]` is any character and `[]` none
/// (ALLOW_EMPTY_CLASS), `\uhhhh` and `\xhh` are escapes (ALT_BSUX), a back reference to a group
/// that has not matched matches nothing (MATCH_UNSET_BACKREF), `$` is the end of the text
/// only (DOLLAR_ENDONLY), `^` under `m` also matches after a final line break
/// (ALT_CIRCUMFLEX), and `.` stops at CR, LS and PS as well as LF (NEWLINE_ANY).
///
/// Compiled once and only read after, so one expression serves every thread; each match brings
/// its own `MatchScratch`.
final class PrismRegex: @unchecked Sendable {
    private let code: OpaquePointer

    /// The compiled expression without its owner, for tables read without reference counting.
    struct Compiled: @unchecked Sendable {
        fileprivate let code: OpaquePointer

        func firstMatch(in subject: UnsafeBufferPointer<UInt16>, from: Int, scratch: MatchScratch) -> Outcome {
            PrismRegex.firstMatch(code, in: subject, from: from, scratch: scratch)
        }
    }

    var compiled: Compiled { Compiled(code: code) }

    enum Failure: Error, Equatable {
        /// PCRE2 did not compile the pattern (a JavaScript feature it lacks): its message.
        case compile(String)
    }

    init(source: String, flags: String) throws(Failure) {
        var options = UInt32(PCRE2_ALLOW_EMPTY_CLASS | PCRE2_ALT_BSUX | PCRE2_MATCH_UNSET_BACKREF | PCRE2_DOLLAR_ENDONLY
            | PCRE2_ALT_CIRCUMFLEX)
        if flags.contains("i") { options |= UInt32(PCRE2_CASELESS) }
        if flags.contains("m") { options |= UInt32(PCRE2_MULTILINE) }
        let context = pcre2_compile_context_create_16(nil)
        defer { pcre2_compile_context_free_16(context) }
        pcre2_set_newline_16(context, UInt32(PCRE2_NEWLINE_ANY))
        let units = Array(source.utf16)
        var error: Int32 = 0
        var offset = 0
        let compiled = units.withUnsafeBufferPointer {
            pcre2_compile_16($0.baseAddress, $0.count, options, &error, &offset, context)
        }
        guard let compiled else {
            var message = [UInt16](repeating: 0, count: 256)
            let length = pcre2_get_error_message_16(error, &message, message.count)
            throw .compile("\(String(decoding: message.prefix(max(0, Int(length))), as: UTF16.self)) at offset \(offset)")
        }
        // Without JIT (a platform PCRE2 has none for) the interpreter runs the same pattern.
        _ = pcre2_jit_compile_16(compiled, UInt32(PCRE2_JIT_COMPLETE))
        code = compiled
    }

    deinit { pcre2_code_free_16(code) }

    enum Outcome: Equatable {
        case none
        /// The match and, when group 1 took part, its length (Prism's lookbehind group).
        case found(start: Int, end: Int, group1Length: Int)
        /// PCRE2 gave up at one of its limits: the pattern backtracks without end on this text.
        case limit
    }

    /// The first match in `subject` at or after `from`, as JavaScript's `exec` with `lastIndex`
    /// finds it: text before `from` still counts for `^` and lookbehinds.
    func firstMatch(in subject: UnsafeBufferPointer<UInt16>, from: Int, scratch: MatchScratch) -> Outcome {
        Self.firstMatch(code, in: subject, from: from, scratch: scratch)
    }

    private static func firstMatch(_ code: OpaquePointer, in subject: UnsafeBufferPointer<UInt16>, from: Int, scratch: MatchScratch) -> Outcome {
        var rc = pcre2_match_16(code, subject.baseAddress, subject.count, from, 0, scratch.data, scratch.context)
        if rc == PCRE2_ERROR_JIT_STACKLIMIT && scratch.growStack() {
            rc = pcre2_match_16(code, subject.baseAddress, subject.count, from, 0, scratch.data, scratch.context)
        }
        if rc == PCRE2_ERROR_NOMATCH { return .none }
        if rc < 0 { return .limit }
        let vector = pcre2_get_ovector_pointer_16(scratch.data)!
        // rc is the highest group set plus one, or 0 when there are more groups than the two
        // pairs kept; an unset group holds PCRE2_UNSET, ~(size_t)0, which is -1 here.
        let group1 = (rc == 0 || rc >= 2) && vector[2] != -1 ? vector[3] - vector[2] : 0
        return .found(start: vector[0], end: vector[1], group1Length: group1)
    }
}

/// What PCRE2 needs to run a match, made once per highlighted block: it is not shared between
/// threads. The limits make a pattern that backtracks without end fail instead of stalling.
final class MatchScratch {
    let data: OpaquePointer
    let context: OpaquePointer
    private var stack: OpaquePointer?

    init(matchLimit: UInt32, depthLimit: UInt32) {
        data = pcre2_match_data_create_16(2, nil)
        context = pcre2_match_context_create_16(nil)
        pcre2_set_match_limit_16(context, matchLimit)
        pcre2_set_depth_limit_16(context, depthLimit)
    }

    /// The JIT runs on 32 KiB of the thread's stack until a search needs more; then, once per
    /// block, on a stack of its own of up to 1 MiB. Not up front: mapping and unmapping 1 MiB
    /// for every block made the kernel's work (TLB shootdowns on every core) a fifth of a build.
    func growStack() -> Bool {
        guard stack == nil, let made = pcre2_jit_stack_create_16(32 << 10, 1 << 20, nil) else { return false }
        stack = made
        pcre2_jit_stack_assign_16(context, nil, UnsafeMutableRawPointer(made))
        return true
    }

    deinit {
        pcre2_match_data_free_16(data)
        pcre2_match_context_free_16(context)
        if let stack { pcre2_jit_stack_free_16(stack) }
    }
}
