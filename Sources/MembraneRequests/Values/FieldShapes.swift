/// A repeatable option (`--inside-impermeant A --inside-impermeant B`): from JSON an array, or one value alone.
public struct Repeated<Element: Codable & Sendable & Hashable>: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    public var values: [Element]

    public init(_ values: [Element]) { self.values = values }
    public init(arrayLiteral elements: Element...) { values = elements }

    public init(from decoder: any Decoder) throws {
        if let d = decoder as? JSONInputDecoder, case .array = d.json {
            values = try d.decodeValue([Element].self)
        } else if let d = decoder as? JSONInputDecoder {
            values = [try d.decodeValue(Element.self)]
        } else {
            let c = try decoder.singleValueContainer()
            if let one = try? c.decode(Element.self) { values = [one] } else { values = try c.decode([Element].self) }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(values)
    }
}

/// A field where JSON `null` means something (no pump, an infinite bath) rather than "not given".
public enum Nullable<Wrapped: Codable & Sendable & Hashable>: Sendable, Hashable, Codable, NullIsAValue {
    case null
    case value(Wrapped)

    public var wrapped: Wrapped? {
        if case .value(let w) = self { return w }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else { self = .value(try c.decode(Wrapped.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .value(let w): try c.encode(w)
        }
    }
}

/// A JSON object of name → value whose order is kept (ions of a configuration, in the order written).
public struct KeyedValues<Value: Codable & Sendable & Hashable>: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: Value
    }
    public var entries: [Entry]

    public init(dictionaryLiteral elements: (String, Value)...) { entries = elements.map { Entry(key: $0.0, value: $0.1) } }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: PathKey.self)
        entries = try c.allKeys.map { Entry(key: $0.stringValue, value: try c.decode(Value.self, forKey: $0)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: PathKey.self)
        for e in entries { try c.encode(e.value, forKey: PathKey(stringValue: e.key)) }
    }
}
