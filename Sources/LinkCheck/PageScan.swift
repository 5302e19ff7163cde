import Diagnostics
/// A link occurrence as found in the HTML, before any resolution.
struct ScannedLink {
    /// Where the value is in the page scan's `linkBytes`, when the page's bytes are the value as
    /// they are.
    var start: Int
    var end: Int
    /// The value when it is not: character references decoded, one srcset candidate, or a
    /// refresh's URL part.
    var decoded: String?
    var line: Int32
    var column: Int32
}

/// What one page offers to the checker: its links and the fragment names it defines.
struct PageScan {
    /// The bytes of the link values, which `links` point into: most link values are never made
    /// into strings, since most are the same navigation links on every page (see `LinkTextTable`).
    private(set) var linkBytes: [UInt8] = []
    var links: [ScannedLink] = []
    /// Every element id plus every `<a name>`: what `#fragment` may point at.
    var anchors: Set<String> = []
    /// Index in `links` of the meta-refresh target, which makes the page a redirect (alias) page.
    var refreshLink: Int?
    /// A path-only `<base href>`, which relative links on the page resolve against.
    var baseHref: String?

    /// Scans one page's bytes. Tags and attributes come from `HTMLTokenizer`; this decides which of
    /// them are links and which are fragment targets.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        scan(bytes)
    }

    /// A link's value.
    func value(of link: ScannedLink) -> String {
        link.decoded ?? String(decoding: linkBytes[link.start..<link.end], as: UTF8.self)
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        var tokenizer = HTMLTokenizer(bytes)
        var lines = LineCounter(bytes)
        while tokenizer.nextStartTag() {
            let tag = tokenizer.tagName
            if tag == .meta {
                scanMeta(tokenizer.attributes, bytes, &lines)
                continue
            }
            for attr in tokenizer.attributes {
                switch attr.name {
                case .id:
                    anchors.insert(HTMLEntities.decode(bytes, attr.valueStart, attr.valueEnd))
                case .name where tag == .a:
                    anchors.insert(HTMLEntities.decode(bytes, attr.valueStart, attr.valueEnd))
                case .href where tag == .a || tag == .link || tag == .area:
                    add(attr, bytes, &lines)
                case .href where tag == .base:
                    if baseHref == nil { baseHref = HTMLEntities.decode(bytes, attr.valueStart, attr.valueEnd) }
                case .src where Self.takesSrc(tag):
                    add(attr, bytes, &lines)
                case .srcset where tag == .img || tag == .source:
                    let value = HTMLEntities.decode(bytes, attr.valueStart, attr.valueEnd)
                    let pos = lines.position(of: attr.nameOffset)
                    for url in AttributeParsers.srcsetURLs(value) {
                        links.append(ScannedLink(start: 0, end: 0, decoded: url, line: Int32(pos.line), column: Int32(pos.column)))
                    }
                default:
                    break
                }
            }
        }
    }

    private static func takesSrc(_ tag: HTMLTagName) -> Bool {
        switch tag {
        case .img, .script, .iframe, .source, .video, .audio, .embed: return true
        default: return false
        }
    }

    private mutating func add(_ attr: HTMLAttribute, _ bytes: UnsafeBufferPointer<UInt8>, _ lines: inout LineCounter) {
        let pos = lines.position(of: attr.nameOffset)
        let value = UnsafeBufferPointer(rebasing: bytes[attr.valueStart..<attr.valueEnd])
        let decoded = HTMLEntities.hasReference(value) ? HTMLEntities.decode(bytes, attr.valueStart, attr.valueEnd) : nil
        let start = linkBytes.count
        if decoded == nil { linkBytes.append(contentsOf: value) }
        links.append(ScannedLink(start: start, end: linkBytes.count, decoded: decoded,
                                 line: Int32(pos.line), column: Int32(pos.column)))
    }

    private mutating func scanMeta(_ attributes: HTMLAttributeList, _ bytes: UnsafeBufferPointer<UInt8>,
                                   _ lines: inout LineCounter) {
        if let id = attributes.first(where: { $0.name == .id }) {
            anchors.insert(HTMLEntities.decode(bytes, id.valueStart, id.valueEnd))
        }
        guard let equiv = attributes.first(where: { $0.name == .httpEquiv }),
              HTMLEntities.decode(bytes, equiv.valueStart, equiv.valueEnd).lowercased() == "refresh",
              let content = attributes.first(where: { $0.name == .content }),
              let url = AttributeParsers.refreshURL(HTMLEntities.decode(bytes, content.valueStart, content.valueEnd))
        else { return }
        let pos = lines.position(of: content.nameOffset)
        if refreshLink == nil { refreshLink = links.count }
        links.append(ScannedLink(start: 0, end: 0, decoded: url, line: Int32(pos.line), column: Int32(pos.column)))
    }
}
