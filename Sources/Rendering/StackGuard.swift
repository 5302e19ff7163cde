#if canImport(Glibc)
import Glibc
#endif

// glibc's pthread_getattr_np is a GNU extension that Swift's Glibc module leaves out.
@_silgen_name("pthread_getattr_np")
private func pthreadGetAttr(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32

/// Keeps Mustache from overflowing the stack. swift-mustache renders each partial by recursion
/// without a limit, and a partial that includes itself inside a section (the usual way to draw a
/// tree, `{{#children}}{{> node}}{{/children}}`) stops only where the section's value is false;
/// since Mustache looks a name up in every enclosing value, a missing key at the innermost level
/// can find the outer one and recurse until the stack runs out. docgen's template values ask
/// `nearlyExhausted()` before answering a lookup: once a thread has used 1 MiB of its stack (three
/// quarters of a smaller one), every lookup answers "absent", every section is skipped and the recursion unwinds,
/// and the render is marked as tripped so that the page gets an error instead of wrong output.
public enum StackGuard {
    private struct ThreadState {
        /// The stack's lowest address, the address below which lookups are refused, and its top.
        var low: UInt
        var limit: UInt
        var high: UInt
        var tripped: Bool
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { free($0) }
        return key
    }()

    private static func state() -> UnsafeMutablePointer<ThreadState> {
        if let existing = pthread_getspecific(key) { return existing.assumingMemoryBound(to: ThreadState.self) }
        var attributes = pthread_attr_t()
        var low: UnsafeMutableRawPointer?
        var size = 0
        var limit: UInt = 0, bottom: UInt = 0, top: UInt = 0
        if pthreadGetAttr(pthread_self(), &attributes) == 0 {
            if pthread_attr_getstack(&attributes, &low, &size) == 0, let low {
                // At most 1 MiB, or three quarters of a small stack: a real template nests a
                // few levels, each a few KB, and a runaway one is stopped sooner.
                limit = UInt(bitPattern: low) + UInt(size) - UInt(min(size / 4 * 3, 1 << 20))
                bottom = UInt(bitPattern: low)
                top = bottom + UInt(size)
            }
            pthread_attr_destroy(&attributes)
        }
        let state = malloc(MemoryLayout<ThreadState>.size)!.assumingMemoryBound(to: ThreadState.self)
        state.initialize(to: ThreadState(low: bottom, limit: limit, high: top, tripped: false))
        pthread_setspecific(key, state)
        return state
    }

    /// Whether the calling thread's stack is nearly used up; once it is, the thread is marked.
    public static func nearlyExhausted() -> Bool {
        var here: UInt8 = 0
        let address = withUnsafeMutablePointer(to: &here) { UInt(bitPattern: $0) }
        let state = state()
        // AddressSanitizer can keep locals on a heap "fake stack": an address off the thread's
        // stack says nothing about its depth.
        guard address >= state.pointee.low, address < state.pointee.limit else { return false }
        state.pointee.tripped = true
        return true
    }

    /// Whether a lookup on this thread was refused since the last call; clears the mark.
    public static func takeTrip() -> Bool {
        let state = state()
        defer { state.pointee.tripped = false }
        return state.pointee.tripped
    }
}
