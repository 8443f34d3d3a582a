import Membrane

/// Decodes many requests that differ from one body (the template) only in some top-level members, as
/// ``RequestDecoder`` decodes each whole body, but decoding the other members once: a sweep's points.
///
/// The template is decoded once while the values its members decode to are kept, call by call (key, type, and
/// whether the call was `decodeIfPresent`). A point's request is then built by the type's own `init(from:)`: a
/// call for a varied member decodes the point's value as the whole body's decoding would (same decoder, same
/// field path, same errors); a call for any other member returns the value that member decoded to, which is the
/// value decoding it again would give. Calls that were not seen (a type that reads other members when a varied one
/// changes) decode the template's member. The request is therefore the one the whole body decodes to.
public struct RequestTemplate<R: Decodable>: @unchecked Sendable {
    /// The template's members (every key checked known to `R` by the first decoding).
    public let base: [JSONInput.Member]
    /// The keys of the members that differ between requests.
    public let varied: Set<String>
    /// What the template's other members decoded to, in call order. Immutable after `init` (hence `Sendable`).
    private let kept: [Kept]

    struct Kept {
        let key: String
        let type: ObjectIdentifier
        let ifPresent: Bool
        /// `T`, or `T?` for `decodeIfPresent`.
        let value: Any
    }

    /// Decodes `base` (errors as ``RequestDecoder`` gives them) and keeps what its members other than `varied`
    /// decode to.
    public init(base: [JSONInput.Member], varied: Set<String>) throws {
        self.base = base
        self.varied = varied
        // The checks of a whole body (unknown keys) happen here, once.
        _ = try RequestDecoder().decode(R.self, from: .object(base))
        let log = Log(recording: true)
        _ = try R(from: TemplateDecoder(base: base, varied: varied, point: base, log: log))
        kept = log.recorded
    }

    /// The request whose body is the template with `members` (keys among ``varied``) set: the value
    /// `RequestDecoder().decode(R.self, from: body)` gives, and the same error when it throws.
    public func decode(_ members: [JSONInput.Member]) throws -> R {
        precondition(members.allSatisfy { varied.contains($0.key) }, "RequestTemplate.decode: a member that is not varied")
        return try R(from: TemplateDecoder(base: base, varied: varied, point: members, log: Log(recording: false, replaying: kept)))
    }

    /// The calls of one decoding: recorded (the template's) or replayed (a point's).
    final class Log {
        let isRecording: Bool
        private let replaying: [Kept]
        private var cursor = 0
        private(set) var recorded: [Kept] = []

        init(recording: Bool, replaying: [Kept] = []) {
            isRecording = recording
            self.replaying = replaying
        }

        func record(_ key: String, _ type: Any.Type, ifPresent: Bool, _ value: Any) {
            recorded.append(Kept(key: key, type: ObjectIdentifier(type), ifPresent: ifPresent, value: value))
        }

        /// The kept value of this call: the next one in order, else any with the same key, type and kind.
        func kept(_ key: String, _ type: Any.Type, ifPresent: Bool) -> Any? {
            let id = ObjectIdentifier(type)
            func matches(_ k: Kept) -> Bool { k.type == id && k.ifPresent == ifPresent && k.key == key }
            if cursor < replaying.count, matches(replaying[cursor]) {
                cursor += 1
                return replaying[cursor - 1].value
            }
            return replaying.first(where: matches)?.value
        }
    }
}

/// The top-level decoder of ``RequestTemplate``: a keyed container over the template and the point's members.
private struct TemplateDecoder<R: Decodable>: Decoder {
    let base: [JSONInput.Member]
    let varied: Set<String>
    let point: [JSONInput.Member]
    let log: RequestTemplate<R>.Log

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The whole body of the point (the template with the point's members set), as ``RequestDecoder`` reads it.
    var whole: JSONInputDecoder {
        var members = base
        for m in point {
            if let i = members.firstIndex(where: { $0.key == m.key }) { members[i] = m } else { members.append(m) }
        }
        return JSONInputDecoder(json: .object(members), codingPath: [])
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if log.isRecording {
            // The varied keys must be the type's, as a whole body's keys are (checked once).
            _ = try JSONInputDecoder(json: .object(varied.sorted().map { JSONInput.Member($0, .null) }), codingPath: []).container(keyedBy: type)
        }
        let top = JSONInputDecoder(json: .object([]), codingPath: [])
        return KeyedDecodingContainer(TemplateContainer<Key, R>(
            base: KeyedContainer(members: base, decoder: top), point: KeyedContainer(members: point, decoder: top), decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try whole.unkeyedContainer() }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { try whole.singleValueContainer() }
}

/// A varied key is read from the point's members, any other from the kept values or the template's members.
private struct TemplateContainer<Key: CodingKey, R: Decodable>: KeyedDecodingContainerProtocol {
    let base: KeyedContainer<Key>
    let point: KeyedContainer<Key>
    let decoder: TemplateDecoder<R>
    var varied: Set<String> { decoder.varied }
    var log: RequestTemplate<R>.Log { decoder.log }

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { (try? decoder.whole.container(keyedBy: Key.self).allKeys) ?? [] }

    /// The members a key is read from.
    func source(_ key: Key) -> KeyedContainer<Key> { varied.contains(key.stringValue) ? point : base }

    func contains(_ key: Key) -> Bool { source(key).contains(key) }
    func decodeNil(forKey key: Key) throws -> Bool { try source(key).decodeNil(forKey: key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let name = key.stringValue
        if varied.contains(name) { return try point.decode(type, forKey: key) }
        if log.isRecording {
            let value = try base.decode(type, forKey: key)
            log.record(name, type, ifPresent: false, value)
            return value
        }
        if let value = log.kept(name, type, ifPresent: false) as? T { return value }
        return try base.decode(type, forKey: key)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let name = key.stringValue
        if varied.contains(name) { return try point.decodeIfPresent(type, forKey: key) }
        if log.isRecording {
            let value = try base.decodeIfPresent(type, forKey: key)
            log.record(name, type, ifPresent: true, value as Any)
            return value
        }
        if let kept = log.kept(name, type, ifPresent: true), let value = kept as? T? { return value }
        return try base.decodeIfPresent(type, forKey: key)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type, key) }

    /// The primitive overloads, through the generic path (the template's container answers them the same way).
    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T { try decode(type, forKey: key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try source(key).nestedContainer(keyedBy: type, forKey: key)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try source(key).nestedUnkeyedContainer(forKey: key) }
    func superDecoder() throws -> any Decoder { decoder.whole }
    func superDecoder(forKey key: Key) throws -> any Decoder { try source(key).superDecoder(forKey: key) }
}
