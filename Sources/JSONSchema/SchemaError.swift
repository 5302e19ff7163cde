/// A schema that cannot be compiled: an unresolvable `$ref`, a keyword with a value of the
/// wrong kind, a pattern that is not a regular expression.
public struct SchemaError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Location of the offending keyword: absolute URI of its resource plus a pointer fragment
    /// when known, else a pointer in the root schema.
    public var pointer: String

    public init(message: String, pointer: String) {
        self.message = message
        self.pointer = pointer
    }

    public var description: String { "\(pointer): \(message)" }
}
