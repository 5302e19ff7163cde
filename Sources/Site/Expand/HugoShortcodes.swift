import Rendering
import Shortcodes

/// The shortcodes Hugo has built in (ref, relref, figure, youtube, …), as Hugo 0.111 renders them;
/// each lives in its own file under Hugo/.
enum HugoShortcodes {
    static let all: BuiltinShortcodes.Table = [
        "ref": (RefLink.expandRef, RefLink.parameters),
        "relref": (RefLink.expandRelref, RefLink.parameters),
        "figure": (Figure.expand, Figure.parameters),
        "youtube": (VideoEmbed.expandYouTube, VideoEmbed.youtubeParameters),
        "vimeo": (VideoEmbed.expandVimeo, VideoEmbed.vimeoParameters),
        "param": (ParamShortcode.expand, ParamShortcode.parameters),
        "highlight": (Highlight.expand, Highlight.parameters),
        "details": (Details.expand, Details.parameters),
        "comment": (Comment.expand, Comment.parameters),
    ]
}
