import Rendering
import Shortcodes

/// The shortcodes Hugo has built in (ref, relref, figure, youtube, …), as Hugo 0.111 renders them.
enum HugoShortcodes {
    static let all: BuiltinShortcodes.Table = [:]
}
