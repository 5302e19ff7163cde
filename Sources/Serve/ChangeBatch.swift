import Dispatch

/// How changes are gathered into one rebuild: after the first change, until none has come for
/// `quiet` milliseconds (an editor's write-temp-then-rename, a `git checkout` of many files), but
/// never longer than `longest`, so that a file written without pause still gets built.
public struct ChangeBatching: Sendable {
    public var quiet: Int
    public var longest: Int

    public init(quiet: Int = 8, longest: Int = 300) {
        self.quiet = quiet
        self.longest = longest
    }

    /// How long to wait for more changes, `sinceFirst` and `sinceLast` milliseconds after the
    /// batch's first and last change; nil: the batch is complete.
    public func wait(sinceFirst: Int, sinceLast: Int) -> Int? {
        let left = min(quiet - sinceLast, longest - sinceFirst)
        return left > 0 ? left : nil
    }
}

/// Files whose changes say nothing about the site: editors' swap, backup and lock files.
enum EditorNoise {
    static func isNoise(_ name: Substring) -> Bool {
        name.hasPrefix(".#") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913" || name.hasPrefix(".goutputstream-") || name.hasSuffix(".tmp")
    }
}

func milliseconds(since start: DispatchTime) -> Int {
    Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
}
