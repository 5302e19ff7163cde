import Mustache
import Rendering

/// An object templates look names up in: docgen's own values, answering with a `TemplateValue`
/// so that `LayoutMemo` can sort the answer without casting it, and a dictionary of front matter.
enum LookupTarget {
    case typed(any TemplateObject)
    case other(any MustacheParent)

    func value(named name: String) -> TemplateValue {
        switch self {
        case .typed(let object): return object.value(named: name)
        case .other(let parent): return TemplateValue(parent.child(named: name))
        }
    }

    var mustacheValue: Any {
        switch self {
        case .typed(let object): return object
        case .other(let parent): return parent
        }
    }

    var type: ObjectIdentifier {
        switch self {
        case .typed(let object): return ObjectIdentifier(Swift.type(of: object))
        case .other(let parent): return ObjectIdentifier(Swift.type(of: parent))
        }
    }
}

/// One of docgen's template values: it answers each name with a `TemplateValue`, and Mustache
/// with what that stands for.
protocol TemplateObject: AnyObject, MustacheParent {
    func value(named name: String) -> TemplateValue
}

extension TemplateObject {
    func child(named name: String) -> Any? {
        // A partial recursing without end gets "absent" once the stack runs low (see `StackGuard`).
        StackGuard.nearlyExhausted() ? nil : value(named: name).mustacheValue
    }
}

/// A value sorted by what Mustache can do with it; `Outcome` is the part that can change its
/// output other than by the text inserted.
enum TemplateValue {
    case absent
    case text(String)
    /// Booleans, numbers, plain strings (`kind`, which can name a partial) and lists of them.
    case scalar(Any, key: String)
    case object(LookupTarget)
    case list([LookupTarget])
    /// Anything else (a lambda, a list of mixed values): `LayoutMemo` does not render with it.
    case unsupported(Any)

    static func flag(_ value: Bool) -> TemplateValue { .scalar(value, key: value ? "b1" : "b0") }
    /// A string with the stand-ins' marker is not one `LayoutMemo` could tell from a stand-in.
    static func string(_ value: String) -> TemplateValue {
        Marker.occurs(in: value) ? .unsupported(value) : .scalar(value, key: "s" + value)
    }
    static func object(_ value: any TemplateObject) -> TemplateValue { .object(.typed(value)) }
    static func list(_ values: [any TemplateObject]) -> TemplateValue { .list(values.map { .typed($0) }) }

    /// Sorts a value of front matter (or any other) as Mustache would see it.
    init(_ value: Any?) {
        guard let value else { self = .absent; return }
        switch value {
        case let text as TemplateText: self = .text(text.renderText); return
        case let flag as Bool: self = .flag(flag); return
        case let string as String: self = .string(string); return
        case let number as Int: self = .scalar(number, key: "i\(number)"); return
        case let number as Double: self = .scalar(number, key: "d\(number)"); return
        default: break
        }
        // As Mustache does: `NSNull` stands for nothing.
        if let custom = value as? MustacheCustomRepresentation {
            self = TemplateValue(custom.representation)
            return
        }
        switch value {
        case let object as any TemplateObject: self = .object(object)
        case let list as [Any]:
            if !list.isEmpty, let objects = list as? [any MustacheParent] {
                self = .list(objects.map { ($0 as? any TemplateObject).map(LookupTarget.typed) ?? .other($0) })
            } else if list.allSatisfy({ $0 is Bool || $0 is String || $0 is Int || $0 is Double }),
                      case let key = "a" + String(reflecting: list), !Marker.occurs(in: key) {
                self = .scalar(list, key: key)
            } else {
                self = .unsupported(value)
            }
        case let parent as any MustacheParent: self = .object(.other(parent))
        default: self = .unsupported(value)
        }
    }

    /// What Mustache is given for it.
    var mustacheValue: Any? {
        switch self {
        case .absent: return nil
        case .text(let text): return TemplateText(text)
        case .scalar(let value, _): return value
        case .object(let target): return target.mustacheValue
        case .list(let targets): return targets.map(\.mustacheValue)
        case .unsupported(let value): return value
        }
    }

    var outcome: Outcome? {
        switch self {
        case .absent: return .absent
        case .text: return .text
        case .scalar(_, let key): return .scalar(key)
        case .object(let target): return .object(target.type)
        case .list(let targets): return .list(targets.count)
        case .unsupported: return nil
        }
    }
}
