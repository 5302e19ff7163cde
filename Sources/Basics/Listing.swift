/// Items as a sentence lists them: "a", "a and b", "a, b and c" (or "a, b or c").
public func listed(_ items: [String], conjunction: String = "and") -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }
}
