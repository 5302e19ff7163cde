import JSON

/// Which values of a config must never be shown: properties the schema marks `writeOnly`
/// (docgen's catalog marks key, secret_key, session_token, connection_string and key_file),
/// and every value of a key the schema does not know, which may be a misspelled secret.
struct SecretPolicy: Sendable {
    private let writeOnly: Set<String>
    private let known: Set<String>

    init(schema: JSONValue) {
        var writeOnly: Set<String> = []
        var known: Set<String> = []
        for (key, value) in schema["properties"]?.objectValue ?? JSONObject() {
            known.insert(key)
            if value["writeOnly"] == .bool(true) { writeOnly.insert(key) }
        }
        self.writeOnly = writeOnly
        self.known = known
    }

    /// The whole document counts as a secret too: a "config" that is one string may be a key
    /// pasted on its own.
    func isSecret(_ pointer: String) -> Bool {
        guard let first = JSONPointer.tokens(pointer)?.first else { return true }
        return writeOnly.contains(first) || (!known.isEmpty && !known.contains(first))
    }
}
