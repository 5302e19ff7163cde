import Foundation

/// A page file the build does not publish, remembered so that a link to it can say why it is
/// missing and how to include it.
public struct LeftOutPage: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case draft
        /// Its publish date (or its date) is later than the build.
        case future(String)
        /// Its expiry date has passed.
        case expired(String)
        /// `build: {render: never}` or `headless: true`.
        case notRendered
    }

    public var file: String
    public var reason: Reason

    /// Why, and what to do, for a message that starts "page '…' ".
    public var explanation: String {
        switch reason {
        case .draft:
            return "is a draft (\(file) has draft: true), so this build leaves it out: build with --drafts, or set draft: false when it is ready"
        case .future(let date):
            return "is not published until \(date) (\(file)), so this build leaves it out: build with --buildFuture, or change its date"
        case .expired(let date):
            return "expired on \(date) (\(file) has expiryDate), so this build leaves it out: build with --buildExpired, or remove expiryDate"
        case .notRendered:
            return "is never written (\(file) is headless or has build render: never), so there is nothing to link to"
        }
    }

    /// Why a page with this front matter is left out of a build at `now`, if it is.
    static func reason(for frontMatter: FrontMatter, now: Date, includeDrafts: Bool, includeFuture: Bool,
                       includeExpired: Bool) -> Reason? {
        if frontMatter.draft && !includeDrafts { return .draft }
        if !includeFuture, let publish = frontMatter.publishDate ?? frontMatter.date,
           let moment = FrontMatterDate.instant(publish), moment > now {
            return .future(publish)
        }
        if !includeExpired, let expiry = frontMatter.expiryDate, let moment = FrontMatterDate.instant(expiry), moment <= now {
            return .expired(expiry)
        }
        if frontMatter.build.render == .never { return .notRendered }
        return nil
    }
}
