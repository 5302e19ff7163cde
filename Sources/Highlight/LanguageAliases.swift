/// The language a fence or shortcode names, as the Prism grammar that highlights it: Prism's
/// own aliases (sh, shell, py, yml, html, xml, svg…) and those that docs use and Prism does not
/// have (console, jsonl, ps1). Names are matched without regard to case, as Hugo does.
public enum LanguageAliases {
    static let aliases: [String: String] = [
        "sh": "bash", "shell": "bash", "console": "bash",
        "py": "python",
        "yml": "yaml",
        "jsonl": "json", "webmanifest": "json",
        "html": "markup", "xml": "markup", "svg": "markup", "mathml": "markup", "ssml": "markup", "atom": "markup", "rss": "markup",
        "ps1": "powershell",
    ]

    /// The Prism grammar for `language`, or nil when docgen has none (the code stays plain).
    public static func prismName(for language: String) -> String? {
        let name = language.lowercased()
        let resolved = aliases[name] ?? name
        return PrismGrammars.shared.languages[resolved] != nil ? resolved : nil
    }
}
