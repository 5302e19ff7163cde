import Diagnostics
import JSON

extension ValidationError {
    /// Keywords whose errors are about a member being there at all, so the member's key is
    /// the place to point at rather than its value.
    private static let aboutMemberNames: Set<String> = [
        "additionalProperties", "unevaluatedProperties", "propertyNames", "properties", "patternProperties",
    ]

    /// Where the error sits in the instance's text: the member's key for errors about a
    /// member's presence or name, otherwise the start of the failing value.
    public func position(in document: JSONDocument) -> TextPosition? {
        if Self.aboutMemberNames.contains(keyword), let key = document.keyPosition(of: instancePointer) {
            return key
        }
        return document.position(of: instancePointer)
    }

    /// The error as a diagnostic at its position in `file` (1:1 if the pointer is not found,
    /// which only happens when the document is not the one that was validated).
    public func diagnostic(file: String, document: JSONDocument) -> Diagnostic {
        let at = position(in: document) ?? TextPosition(line: 1, column: 1, offset: 0)
        return Diagnostic.error(file, at.line, at.column, message)
    }
}
