import Rendering
import Mustache

// A layout is rendered once per page, and most of what it does (every `{{#…}}`, every partial)
// turns out the same for most pages: only the text it inserts differs. So a layout is rendered
// with probes standing in for the page's values; they record each lookup Mustache makes and what
// it could tell apart about the answer (see `Outcome`), and give text back as numbered stand-ins.
// Another page whose lookups have the same outcomes renders to the same output with its own text
// in place of the stand-ins (see `LayoutMemo`).

/// What Mustache can tell apart about a looked-up value: everything but the content of text.
enum Outcome: Hashable {
    case absent
    /// A `TemplateText`: Mustache only inserts it or opens a section on it, whatever it says.
    case text
    /// Booleans, numbers, plain strings (such as `kind`, which can name a partial) and lists of
    /// them, by value: they can decide sections and partials.
    case scalar(String)
    /// An object Mustache looks into, by type.
    case object(ObjectIdentifier)
    /// A list of objects, by length.
    case list(Int)
}

/// One lookup: a name looked up in an object the render reached (numbered in the order reached).
struct Lookup: Hashable {
    let object: Int
    let name: String
}

/// What one probed render saw: its lookups in order, the objects and texts it reached.
final class ProbeLog {
    var steps: [(Lookup, Outcome)] = []
    /// The real objects, by number: 0 is the root.
    var objects: [LookupTarget]
    /// The real texts, by stand-in number.
    var texts: [String] = []
    /// Set when the template did something with a value that the stand-ins cannot reproduce (a
    /// transform, printing an object); the output of this render is then not used.
    var gaveUp = false

    init(root: any TemplateObject) {
        objects = [.typed(root)]
    }

    /// Takes in a lookup's answer, numbering objects and texts as a replay will.
    func reached(_ value: TemplateValue) {
        switch value {
        case .text(let text): texts.append(text)
        case .object(let object): objects.append(object)
        case .list(let list): objects.append(contentsOf: list)
        case .absent, .scalar, .unsupported: break
        }
    }
}

/// Stands in for an object of the page while the probe renders.
final class ProbeObject: MustacheParent, MustacheTransformable, CustomStringConvertible, CustomDebugStringConvertible {
    private let number: Int
    private let log: ProbeLog
    /// Mustache looks the same name up many times (`page` in every `{{page.…}}`); a lookup is
    /// recorded once and the same answer given after.
    private var answers: [String: Any?] = [:]

    init(_ number: Int, log: ProbeLog) {
        self.number = number
        self.log = log
    }

    func child(named name: String) -> Any? {
        if StackGuard.nearlyExhausted() { return nil }
        if let answer = answers[name] { return answer }
        let value = log.objects[number].value(named: name)
        let answer: Any?
        if let outcome = value.outcome {
            log.steps.append((Lookup(object: number, name: name), outcome))
            let firstObject = log.objects.count
            log.reached(value)
            switch value {
            case .absent, .unsupported: answer = nil
            case .text: answer = StandIn(number: log.texts.count - 1, log: log)
            case .scalar(let real, _): answer = real
            case .object: answer = ProbeObject(firstObject, log: log)
            case .list(let list): answer = list.indices.map { ProbeObject(firstObject + $0, log: log) as Any }
            }
        } else {
            log.gaveUp = true
            if case .unsupported(let real) = value { answer = real } else { answer = nil }
        }
        answers[name] = answer
        return answer
    }

    // What the stand-in cannot reproduce.
    func transform(_ name: String) -> Any? {
        log.gaveUp = true
        return nil
    }

    var description: String {
        log.gaveUp = true
        return ""
    }

    var debugDescription: String { description }
}

/// A text of the page while the probe renders: a `Marker` with its number, so that the output
/// shows where it went and whether Mustache escaped it.
final class StandIn: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let renderText: String
    private let log: ProbeLog
    var isNull: Bool { false }

    init(number: Int, log: ProbeLog) {
        renderText = Marker.make(.text, number)
        self.log = log
    }

    /// A transform's result depends on the text, which the stand-in does not have.
    func transform(_ name: String) -> Any? {
        log.gaveUp = true
        return nil
    }

    /// Inside `{{#page.title}}…{{/page.title}}` Mustache looks names up in the text first; this
    /// answers as `TemplateText.child(named:)` does.
    func child(named name: String) -> Any? { name == "renderText" ? renderText : nil }
}
