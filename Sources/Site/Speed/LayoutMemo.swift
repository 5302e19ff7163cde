import Foundation
import Mustache
import Rendering

/// Renders page layouts, each distinct shape once: a layout is rendered with probes (see
/// `ProbeObject`), and its output, cut at the page's texts (`Skeleton`), serves every later page
/// whose lookups have the same outcomes. Mustache's output depends on a page only through those
/// outcomes and the texts, so the result is the same as rendering each page; what a probe cannot
/// reproduce makes the layout render page by page instead.
///
/// For each layout the outcomes seen so far form a tree: the first lookup, a branch per outcome,
/// the lookup Mustache made next on that branch, and so on, with a skeleton at the end of each
/// path. Two pages can only part where an outcome differs, since until then Mustache has done
/// the same for both.
final class LayoutMemo: @unchecked Sendable {
    private final class Node {
        var lookup: Lookup?
        var branches: [Outcome: Node] = [:]
        var skeleton: Skeleton?
    }

    private let templates: TemplateSet
    private let lock = NSLock()
    /// The tree of each layout; nil for one that renders page by page.
    private var trees: [String: Node?] = [:]

    /// How many renders were probed: one per shape of each layout, for tests.
    private(set) var probes = 0

    init(templates: TemplateSet, memoize: Bool = true) {
        self.templates = templates
        // A template's own text with the stand-ins' marker could not be told from a stand-in.
        if !memoize || !templates.outputFollowsValues || templates.anyText(contains: String(Marker.delimiter)) {
            for name in templates.names { trees[name] = .some(nil) }
        }
    }

    func render(_ layout: String, _ root: LayoutRoot) -> String? {
        let tree: Node? = lock.withLock {
            if let known = trees[layout] { return known }
            let tree = Node()
            trees[layout] = tree
            return tree
        }
        guard let tree else { return templates.render(layout, root) }
        if let (skeleton, texts) = lock.withLock({ replay(tree, root: root) }) { return skeleton.filled(with: texts) }

        let log = ProbeLog(root: root)
        guard let html = templates.render(layout, ProbeObject(0, log: log)) else { return nil }
        let skeleton = log.gaveUp ? nil : Skeleton(html, texts: log.texts.count)
        lock.withLock {
            probes += 1
            if let skeleton { insert(log.steps, skeleton, into: tree) } else { trees[layout] = .some(nil) }
        }
        return skeleton?.filled(with: log.texts) ?? templates.render(layout, root)
    }

    /// Whether `layout` is rendered in full for every page (after a probe gave up on it).
    func rendersPageByPage(_ layout: String) -> Bool {
        lock.withLock { trees[layout].map { $0 == nil } ?? false }
    }

    /// Follows the page's outcomes down the tree; its skeleton and texts if the path is there.
    private func replay(_ tree: Node, root: LayoutRoot) -> (Skeleton, [String])? {
        let log = ProbeLog(root: root)
        var node = tree
        while let lookup = node.lookup {
            let value = log.objects[lookup.object].value(named: lookup.name)
            guard let outcome = value.outcome, let next = node.branches[outcome] else { return nil }
            log.reached(value)
            node = next
        }
        return node.skeleton.map { ($0, log.texts) }
    }

    private func insert(_ steps: [(Lookup, Outcome)], _ skeleton: Skeleton, into tree: Node) {
        var node = tree
        for (lookup, outcome) in steps {
            if node.lookup == nil && node.skeleton == nil { node.lookup = lookup }
            // Another path cannot end or look elsewhere where this one goes on; if it did, the
            // render was not a function of its outcomes, and the path is left out.
            guard node.lookup == lookup else { return }
            if let next = node.branches[outcome] {
                node = next
            } else {
                let next = Node()
                node.branches[outcome] = next
                node = next
            }
        }
        guard node.lookup == nil else { return }
        node.skeleton = skeleton
    }
}
