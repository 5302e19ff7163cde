import Shortcodes

/// `{{% conditional-text include-if="foo" %}}…{{% /conditional-text %}}`: text shown or left out
/// by the site's `params.buildCondition`, one source for several editions of the docs. As in
/// Docsy, values are compared lower-cased and a condition that is part of the value matches
/// ("foobar" matches "foo"), and without a build condition the text is always left out.
enum ConditionalText {
    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        let inner = shortcode.inner ?? []
        let condition = buildCondition(expander.context.siteData.params)
        let include = shortcode.arguments["include-if"]?.lowercased()
        let exclude = shortcode.arguments["exclude-if"]?.lowercased()
        if include == nil && exclude == nil {
            expander.report(shortcode, "conditional-text needs include-if=\"…\" or exclude-if=\"…\": without either it shows nothing")
            return nil
        }
        if !condition.isEmpty, let include, let exclude, include.contains(condition), exclude.contains(condition) {
            expander.report(shortcode, "conditional-text: the build condition '\(condition)' is in both include-if and exclude-if")
            return nil
        }
        let shown = !condition.isEmpty && (include.map { $0.contains(condition) } ?? !(exclude ?? "").contains(condition))
        guard shown else {
            // Still expanded, so mistakes in the text left out are found in every edition.
            _ = expander.expandedText(inner)
            return nil
        }
        // The % form joins the page's Markdown, so that the text can sit inside a sentence or list.
        if shortcode.form == .markdown {
            return .markdown(expander.expandedText(ShortcodeExpander.dedent(inner, text: expander.text)))
        }
        return .html(expander.renderInner(shortcode))
    }

    /// `params.buildCondition`, lower-cased; Hugo reads parameter names in any case.
    static func buildCondition(_ params: [String: Any]) -> String {
        guard let value = params.first(where: { $0.key.lowercased() == "buildcondition" })?.value else { return "" }
        return "\(value)".lowercased()
    }
}
