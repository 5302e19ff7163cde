import Basics
import Content
import Shortcodes

/// A page that a shortcode names by its content path (`ilink`, `ref`, `relref`): found as Hugo's
/// `GetPage` finds it, or reported at the shortcode with what to do, so that every shortcode
/// that links to a page gives the same messages for the same mistakes.
struct PageReference {
    var page: Page
    /// The reference was only "#fragment": a link within the page itself.
    var isFragmentOnly: Bool
    var fragment: Substring?

    /// Hugo's `ref` and `relref` find a few more pages than `GetPage`: from a leaf bundle,
    /// "../x" starts at the bundle's own folder, and a bare name ("guide", "/guide") that finds
    /// nothing names the one page of that name anywhere in the site.
    enum Rules {
        case getPage
        case refLink
    }

    static func resolve(_ reference: String, for shortcode: Shortcode, in expander: inout ShortcodeExpander,
                        rules: Rules = .getPage) -> PageReference? {
        let name = shortcode.name
        if hasSchemeSeparator(reference) || reference.hasPrefix("//") {
            expander.report(shortcode, "\(name): absolute URLs are not supported ('\(reference)'); use a Markdown link for other sites")
            return nil
        }
        var path = Substring(reference)
        var fragment: Substring?
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        if path.contains("?") {
            expander.report(shortcode, "\(name): query strings are not supported ('\(reference)')")
            return nil
        }
        let context = expander.context
        if path.isEmpty { return PageReference(page: context.page, isFragmentOnly: true, fragment: fragment) }
        let base = rules == .refLink && path.hasPrefix("..") && context.page.isLeafBundle ? context.page.contentPath : context.currentSection
        if let target = context.tree.page(at: String(path), relativeTo: base) {
            return PageReference(page: target, isFragmentOnly: false, fragment: fragment)
        }
        if let missing = context.tree.leftOut(at: String(path), relativeTo: base) {
            expander.report(shortcode, "\(name): page '\(path)' \(missing.explanation)")
            return nil
        }
        if rules == .refLink, let named = pages(named: path, in: context.tree) {
            guard named.count == 1 else {
                expander.report(shortcode, "\(name): page reference '\(path)' is ambiguous: it names "
                    + "\(listed(named.map { "'\($0.contentPath)'" })); write the path from the content folder")
                return nil
            }
            return PageReference(page: named[0], isFragmentOnly: false, fragment: fragment)
        }
        let hint = context.tree.nearestPath(to: String(path), relativeTo: base).map { ": did you mean '\($0)'?" } ?? ""
        expander.report(shortcode, "\(name): page '\(path)' not found\(hint)")
        return nil
    }

    /// The pages whose last path part is `reference`, when it is a bare name as Hugo takes one
    /// (no folder but an optional leading "/"); nil for any other reference or when none has it.
    private static func pages(named reference: Substring, in tree: ContentTree) -> [Page]? {
        var name = reference.hasPrefix("/") ? reference.dropFirst() : reference
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/") else { return nil }
        if name.hasSuffix(".md") { name = name.dropLast(3) }
        let wanted = name.lowercased()
        let found = tree.pages.filter { !$0.isImplicit && $0.contentPath.split(separator: "/").last?.lowercased() == wanted }
        return found.isEmpty ? nil : found
    }
}
