import Diagnostics
import Dispatch
import Foundation
import LinkCheck

/// The sink of `docgen build --check`: each page is scanned for links as it is rendered, and the
/// internal link check runs on another thread as soon as the whole site is known, while the
/// build writes the rest. The lock guards the scans, which arrive from every rendering thread.
final class LinkScan: PageSink, @unchecked Sendable {
    private let options: LinkCheckOptions
    private let lock = NSLock()
    private var scanned: [String: ScannedPage] = [:]
    private var pass: Result<LinkChecker.InternalPass, Error>?
    private let checking = DispatchGroup()

    init(options: LinkCheckOptions) {
        self.options = options
    }

    func receive(_ page: FinishedPage) -> Diagnostic? {
        let scan = LinkChecker.scan(html: page.html)
        lock.withLock { scanned[page.outputPath] = scan }
        return nil
    }

    func receiveSite(files: [String], otherHTML: [String: String], unrendered: Set<String>) {
        let options = options
        DispatchQueue.global().async(group: checking) { [self] in
            let snapshot = SiteSnapshot(files: files, html: otherHTML, scanned: lock.withLock { scanned }, unrendered: unrendered)
            let result = Result { try LinkChecker.internalPass(snapshot: snapshot, options: options) }
            lock.withLock { pass = result }
        }
    }

    /// Waits for the internal pass; nil when the site never came (nothing rendered).
    func internalPass() -> Result<LinkChecker.InternalPass, Error>? {
        checking.wait()
        return lock.withLock { pass }
    }
}
