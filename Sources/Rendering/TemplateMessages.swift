import Mustache

/// swift-mustache's parse errors, in the terms of someone editing a template: what is wrong and
/// how to fix it, with the library's name for the error after it.
enum TemplateMessages {
    static func explain(_ error: any Error) -> String {
        guard let known = error as? MustacheTemplate.Error else { return "the template does not parse: \(error)" }
        let plain: String
        switch known {
        case .sectionCloseNameIncorrect:
            plain = "this {{/name}} closes a section with another name: it must repeat the name of the {{#name}}, {{^name}} or {{$name}} it ends"
        case .unfinishedName:
            plain = "a tag is not closed: every {{ needs its }} (and {{{ its }}}), and a name may not hold spaces"
        case .expectedSectionEnd:
            plain = "a section is opened and never closed: add {{/name}} for each {{#name}}, {{^name}}, {{$name}} or {{<name}}"
        case .invalidSetDelimiter:
            plain = "a delimiter change must name the new opening and closing delimiters with a space between, as in {{=<% %>=}}"
        case .transformAppliedToInheritanceSection:
            plain = "a {{<parent}} or {{$block}} tag cannot take a transform such as uppercased(name)"
        case .illegalTokenInsideInheritSection:
            plain = "inside {{<parent}}…{{/parent}} only blocks may stand: wrap the tag in {{$name}}…{{/name}}"
        case .textInsideInheritSection:
            plain = "inside {{<parent}}…{{/parent}} only blocks may stand: move the text into a {{$name}}…{{/name}} block"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            plain = "a {{% setting }} tag is not one docgen's templates understand: remove it"
        }
        return "\(plain) (Mustache: \(error))"
    }
}
