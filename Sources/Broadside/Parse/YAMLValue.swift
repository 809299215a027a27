import Yams

/// A YAML value as `YAMLFields` reads it, and where it is written. Its own type rather than
/// Yams' `Node`, whose positions only Yams' parser can make: `PlainYAML` reads most front
/// matter without that parser.
struct YAMLValue: Sendable {
    enum Shape: Sendable {
        /// A scalar; `plain` when written without quotes, where YAML's words (`true`, `null`) count.
        case text(String, plain: Bool)
        case list([YAMLValue])
        case mapping([(key: YAMLValue, value: YAMLValue)])
        /// An alias: nothing the readers take.
        case other
    }

    var shape: Shape
    /// Line and column (in characters), both from 1; nil where Yams gave none.
    var position: (line: Int, column: Int)?

    init(_ shape: Shape, line: Int, column: Int) {
        self.shape = shape
        self.position = (line, column)
    }

    /// Yams' tree as values, each alias written out; nil once `budget` runs out (see `YAMLBudget`).
    init?(_ node: Node, budget: inout YAMLBudget) {
        switch node {
        case .scalar(let scalar):
            guard budget.take(node, bytes: scalar.string.utf8.count) else { return nil }
            shape = .text(scalar.string, plain: scalar.style == .plain)
        case .sequence(let sequence):
            guard budget.take(node, bytes: 0) else { return nil }
            var items: [YAMLValue] = []
            for item in sequence {
                guard let value = YAMLValue(item, budget: &budget) else { return nil }
                items.append(value)
            }
            shape = .list(items)
        case .mapping(let mapping):
            guard budget.take(node, bytes: 0) else { return nil }
            var pairs: [(key: YAMLValue, value: YAMLValue)] = []
            for pair in mapping {
                guard let key = YAMLValue(pair.key, budget: &budget), let value = YAMLValue(pair.value, budget: &budget) else { return nil }
                pairs.append((key, value))
            }
            shape = .mapping(pairs)
        case .alias: shape = .other
        }
        position = node.mark.map { ($0.line, $0.column) }
    }

    var text: String? {
        if case .text(let text, _) = shape { return text }
        return nil
    }

    /// The text of a value written without quotes.
    var plainText: String? {
        if case .text(let text, plain: true) = shape { return text }
        return nil
    }

    var list: [YAMLValue]? {
        if case .list(let items) = shape { return items }
        return nil
    }

    var mapping: [(key: YAMLValue, value: YAMLValue)]? {
        if case .mapping(let pairs) = shape { return pairs }
        return nil
    }

    /// A whole number as YAML writes one (`12`, `+3`, `0x1F`, `1_000`), read by Yams' rules:
    /// written plain, as a quoted number is text.
    var int: Int? { plainText.flatMap { Int.construct(from: Node.Scalar($0)) } }
}
