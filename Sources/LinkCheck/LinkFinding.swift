import Diagnostics

/// Where a link came from in the Markdown sources, when the integrator's resolver knows it.
public struct SourceRef: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// Where on the line the link's text was found; 1 when only the line is known.
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line`, the form editors and the JSON output use.
    public var description: String { "\(file):\(line)" }
}

/// One problem (or, for redirects, one note) about one link occurrence on one page.
public struct LinkFinding: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case missingPage = "missing-page"
        case missingFile = "missing-file"
        case missingFragment = "missing-fragment"
        case outsideSite = "outside-site"
        case externalStatus = "external-status"
        case externalTimeout = "external-timeout"
        case externalError = "external-error"
        case externalRedirect = "external-redirect"

        /// Redirects still reach a working page, so they are worth knowing but must not fail a build.
        public var severity: Severity { self == .externalRedirect ? .info : .error }
    }

    public enum Severity: String, Hashable, Sendable {
        case error
        case info
    }

    /// The HTML file, relative to the site folder, with `/` separators.
    public var page: String
    /// The URL exactly as written in the HTML after entity decoding (one srcset candidate, or the
    /// `url=` part of a meta refresh).
    public var link: String
    public var kind: Kind
    public var message: String
    /// 1-based position of the attribute's name in the HTML file; columns count Unicode scalars.
    public var line: Int
    public var column: Int
    public var source: SourceRef?

    public init(page: String, link: String, kind: Kind, message: String, line: Int, column: Int,
                source: SourceRef? = nil) {
        self.page = page
        self.link = link
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        self.source = source
    }

    public var severity: Severity { kind.severity }

    /// As a project diagnostic, pointing at the Markdown source when known since that is what the
    /// author edits; info findings become warnings because Diagnostics has no lower level.
    public func diagnostic(sitePrefix: String = "") -> Diagnostic {
        let location = source.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) }
            ?? SourceLocation(file: sitePrefix + page, line: line, column: column)
        return Diagnostic(severity == .error ? .error : .warning, at: location, message)
    }
}

extension LinkFinding: Comparable {
    /// Page order, then position: the order a person reads the report in.
    public static func < (a: LinkFinding, b: LinkFinding) -> Bool {
        (a.page, a.line, a.column, a.link, a.kind.rawValue) < (b.page, b.line, b.column, b.link, b.kind.rawValue)
    }
}
