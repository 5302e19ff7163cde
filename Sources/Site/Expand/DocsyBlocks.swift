import Rendering
import Shortcodes

/// Docsy's shortcodes beyond tabs and cards (pageinfo, readfile, iframe, blocks/…), with markup
/// close to Docsy's so that a Docsy stylesheet applies.
enum DocsyShortcodes {
    static let all: BuiltinShortcodes.Table = [:]
}
